//! The symbols `de.amtsdesk.crypto.CryptoNative` binds to. Each one only converts arguments and
//! results and runs inside [`entry`]; the work lives in the other modules.

use jni::objects::{JByteArray, JClass, JObject, JObjectArray, JString};
use jni::sys::{jint, jlong, jlongArray, jobjectArray, jstring};
use jni::JNIEnv;

use crate::error::{NativeError, NativeResult};
use crate::guard::entry;
use crate::machine::{self, Session};
use crate::requests::{RequestType, WireRequest};
use crate::{
    attachments, backup, cross_signing, history, passphrase, requests, room, secret_storage, sync,
};
use zeroize::Zeroizing;

/// A Java argument that must be there: `null` is the caller's mistake, reported with the parameter's name.
fn non_null(is_null: bool, parameter: &str) -> NativeResult<()> {
    if is_null {
        return Err(NativeError::invalid_argument(format!(
            "{parameter} must not be null"
        )));
    }
    Ok(())
}

fn java_string(env: &mut JNIEnv<'_>, value: &JString<'_>, parameter: &str) -> NativeResult<String> {
    non_null(value.is_null(), parameter)?;
    Ok(env.get_string(value)?.into())
}

fn to_java(env: &mut JNIEnv<'_>, value: &str) -> NativeResult<jstring> {
    Ok(env.new_string(value)?.into_raw())
}

fn java_bytes(
    env: &mut JNIEnv<'_>,
    value: &JByteArray<'_>,
    parameter: &str,
) -> NativeResult<Vec<u8>> {
    non_null(value.is_null(), parameter)?;
    Ok(env.convert_byte_array(value)?)
}

fn java_string_array(
    env: &mut JNIEnv<'_>,
    value: &JObjectArray<'_>,
    parameter: &str,
) -> NativeResult<Vec<String>> {
    non_null(value.is_null(), parameter)?;
    let length = env.get_array_length(value)?;
    let mut strings = Vec::with_capacity(length as usize);
    for index in 0..length {
        let element = JString::from(env.get_object_array_element(value, index)?);
        let text = java_string(env, &element, &format!("{parameter}[{index}]"))?;
        env.delete_local_ref(element)?;
        strings.push(text);
    }
    Ok(strings)
}

/// A `String[]` of the given values (`None` becomes `null`).
fn to_java_array<I>(env: &mut JNIEnv<'_>, length: usize, values: I) -> NativeResult<jobjectArray>
where
    I: IntoIterator<Item = Option<String>>,
{
    let array = env.new_object_array(length as i32, "java/lang/String", JObject::null())?;
    for (index, value) in values.into_iter().enumerate() {
        if let Some(value) = value {
            let string = env.new_string(&value)?;
            env.set_object_array_element(&array, index as i32, &string)?;
            env.delete_local_ref(string)?;
        }
    }
    Ok(array.into_raw())
}

/// Requests as one flat `String[]`, five strings each (see `WireRequest::into_fields`).
fn requests_to_java(
    env: &mut JNIEnv<'_>,
    requests: Vec<WireRequest>,
) -> NativeResult<jobjectArray> {
    let length = requests.len() * 5;
    to_java_array(
        env,
        length,
        requests
            .into_iter()
            .flat_map(|request| request.into_fields().map(Some)),
    )
}

/// Runs `body` with the session behind `handle`.
fn with_session<T>(
    handle: jlong,
    body: impl FnOnce(&Session) -> NativeResult<T>,
) -> NativeResult<T> {
    let session = machine::borrow(handle)?;
    body(&session)
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_matrixSdkCryptoVersion<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
) -> jstring {
    entry(&mut env, "matrixSdkCryptoVersion", |env| {
        to_java(env, crate::matrix_sdk_crypto_version())
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_vodozemacVersion<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
) -> jstring {
    entry(&mut env, "vodozemacVersion", |env| {
        to_java(env, crate::vodozemac_version())
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_createInMemoryMachine<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    user_id: JString<'local>,
    device_id: JString<'local>,
) -> jlong {
    entry(&mut env, "createInMemoryMachine", |env| {
        let user_id = java_string(env, &user_id, "userId")?;
        let device_id = java_string(env, &device_id, "deviceId")?;
        machine::create_in_memory(&user_id, &device_id)
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_identityKeysJson<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> jstring {
    entry(&mut env, "identityKeysJson", |env| {
        let json = with_session(handle, machine::identity_keys_json)?;
        to_java(env, &json)
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_closeMachine<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) {
    entry(&mut env, "closeMachine", |_env| machine::release(handle))
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_provokePanicForTest<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    message: JString<'local>,
) {
    entry(&mut env, "provokePanicForTest", |env| {
        let message = java_string(env, &message, "message")?;
        panic!("{message}");
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_openMachine<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    user_id: JString<'local>,
    device_id: JString<'local>,
    store_directory: JString<'local>,
    store_key: JByteArray<'local>,
) -> jlong {
    entry(&mut env, "openMachine", |env| {
        let user_id = java_string(env, &user_id, "userId")?;
        let device_id = java_string(env, &device_id, "deviceId")?;
        let directory = java_string(env, &store_directory, "storeDirectory")?;
        let mut key = java_bytes(env, &store_key, "storeKey")?;
        let result = machine::open(&user_id, &device_id, &directory, &key);
        key.fill(0);
        result
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_receiveSyncChanges<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    sync_changes_json: JString<'local>,
) -> jstring {
    entry(&mut env, "receiveSyncChanges", |env| {
        let input = java_string(env, &sync_changes_json, "syncChangesJson")?;
        let output = with_session(handle, |session| {
            sync::receive_sync_changes(session, &input)
        })?;
        to_java(env, &output)
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_outgoingRequests<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> jobjectArray {
    entry(&mut env, "outgoingRequests", |env| {
        let requests = with_session(handle, requests::outgoing_requests)?;
        requests_to_java(env, requests)
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_markRequestAsSent<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    request_id: JString<'local>,
    request_type: JString<'local>,
    response_body_json: JString<'local>,
) {
    entry(&mut env, "markRequestAsSent", |env| {
        let request_id = java_string(env, &request_id, "requestId")?;
        let kind = RequestType::from_java_name(&java_string(env, &request_type, "type")?)?;
        let body = java_string(env, &response_body_json, "responseBodyJson")?;
        with_session(handle, |session| {
            requests::mark_request_as_sent(session, &request_id, kind, &body)
        })
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_updateTrackedUsers<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    user_ids: JObjectArray<'local>,
) {
    entry(&mut env, "updateTrackedUsers", |env| {
        let user_ids = java_string_array(env, &user_ids, "userIds")?;
        with_session(handle, |session| {
            sync::update_tracked_users(session, &user_ids)
        })
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_queryKeys<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    user_ids: JObjectArray<'local>,
) -> jobjectArray {
    entry(&mut env, "queryKeys", |env| {
        let user_ids = java_string_array(env, &user_ids, "userIds")?;
        let request = with_session(handle, |session| sync::query_keys(session, &user_ids))?;
        requests_to_java(env, vec![request])
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_missingSessions<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    user_ids: JObjectArray<'local>,
) -> jobjectArray {
    entry(&mut env, "missingSessions", |env| {
        let user_ids = java_string_array(env, &user_ids, "userIds")?;
        let request = with_session(handle, |session| sync::missing_sessions(session, &user_ids))?;
        requests_to_java(env, request.into_iter().collect())
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_shareRoomKey<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    room_id: JString<'local>,
    user_ids: JObjectArray<'local>,
) -> jobjectArray {
    entry(&mut env, "shareRoomKey", |env| {
        let room_id = java_string(env, &room_id, "roomId")?;
        let user_ids = java_string_array(env, &user_ids, "userIds")?;
        let requests = with_session(handle, |session| {
            sync::share_room_key(session, &room_id, &user_ids)
        })?;
        requests_to_java(env, requests)
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_encryptRoomEvent<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    room_id: JString<'local>,
    event_type: JString<'local>,
    content_json: JString<'local>,
) -> jstring {
    entry(&mut env, "encryptRoomEvent", |env| {
        let room_id = java_string(env, &room_id, "roomId")?;
        let event_type = java_string(env, &event_type, "eventType")?;
        let content = java_string(env, &content_json, "contentJson")?;
        let encrypted = with_session(handle, |session| {
            room::encrypt_room_event(session, &room_id, &event_type, &content)
        })?;
        to_java(env, &encrypted)
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_decryptRoomEvent<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    room_id: JString<'local>,
    event_json: JString<'local>,
) -> jobjectArray {
    entry(&mut env, "decryptRoomEvent", |env| {
        let room_id = java_string(env, &room_id, "roomId")?;
        let event = java_string(env, &event_json, "eventJson")?;
        let outcome = with_session(handle, |session| {
            room::decrypt_room_event_str(session, &room_id, &event)
        })?;
        to_java_array(env, 5, outcome.into_fields())
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_decryptRoomEvents<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    room_id: JString<'local>,
    event_jsons: JObjectArray<'local>,
) -> jobjectArray {
    entry(&mut env, "decryptRoomEvents", |env| {
        let room_id = machine::parse_room_id(&java_string(env, &room_id, "roomId")?)?;
        let events = java_string_array(env, &event_jsons, "eventJsons")?;
        let outcomes = with_session(handle, |session| {
            events
                .iter()
                .map(|event| room::decrypt_room_event(session, &room_id, event))
                .collect::<NativeResult<Vec<_>>>()
        })?;
        let length = outcomes.len() * 5;
        to_java_array(
            env,
            length,
            outcomes.into_iter().flat_map(|outcome| {
                let mut fields = outcome.into_fields();
                fields.resize(5, None);
                fields
            }),
        )
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_bootstrapCrossSigning<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> jobjectArray {
    entry(&mut env, "bootstrapCrossSigning", |env| {
        let (body, signatures) = with_session(handle, cross_signing::bootstrap)?;
        let fields = std::iter::once(Some(body)).chain(signatures.into_fields().map(Some));
        to_java_array(env, 6, fields)
    })
}

/// `[recovery key, type₁, content₁, type₂, content₂, …]`.
#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_createSecretStorage<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> jobjectArray {
    entry(&mut env, "createSecretStorage", |env| {
        let (recovery_key, account_data) = with_session(handle, secret_storage::create)?;
        let length = 1 + 2 * account_data.len();
        let fields = std::iter::once(Some(recovery_key)).chain(
            account_data
                .into_iter()
                .flat_map(|(kind, content)| [Some(kind), Some(content)]),
        );
        to_java_array(env, length, fields)
    })
}

/// `[backup recovery key or null, then the five fields of the signature upload, or none]`.
#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_importSecretStorage<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    recovery_key: JString<'local>,
    key_id: JString<'local>,
    key_content_json: JString<'local>,
    secrets_json: JString<'local>,
) -> jobjectArray {
    entry(&mut env, "importSecretStorage", |env| {
        let recovery_key = java_string(env, &recovery_key, "recoveryKey")?;
        let key_id = java_string(env, &key_id, "keyId")?;
        let key_content = java_string(env, &key_content_json, "keyContentJson")?;
        let secrets = java_string(env, &secrets_json, "secretsJson")?;
        let imported = with_session(handle, |session| {
            secret_storage::import(session, &recovery_key, &key_id, &key_content, &secrets)
        })?;
        let request: Vec<Option<String>> = imported
            .signature_upload
            .map(|request| request.into_fields().map(Some).to_vec())
            .unwrap_or_default();
        let length = 1 + request.len();
        let fields = std::iter::once(imported.backup_recovery_key).chain(request);
        to_java_array(env, length, fields)
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_crossSigningStatus<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> jint {
    entry(&mut env, "crossSigningStatus", |_env| {
        let (master, self_signing, user_signing) = with_session(handle, cross_signing::status)?;
        Ok(i32::from(master) | i32::from(self_signing) << 1 | i32::from(user_signing) << 2)
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_createBackup<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> jobjectArray {
    entry(&mut env, "createBackup", |env| {
        let (recovery_key, body) = with_session(handle, backup::create_backup)?;
        to_java_array(env, 2, [Some(recovery_key), Some(body)])
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_enableBackup<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    version: JString<'local>,
    recovery_key: JString<'local>,
) {
    entry(&mut env, "enableBackup", |env| {
        let version = java_string(env, &version, "version")?;
        let recovery_key = java_string(env, &recovery_key, "recoveryKey")?;
        with_session(handle, |session| {
            backup::enable_backup(session, &version, &recovery_key)
        })
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_backupRoomKeys<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> jobjectArray {
    entry(&mut env, "backupRoomKeys", |env| {
        let request = with_session(handle, backup::backup_room_keys)?;
        requests_to_java(env, request.into_iter().collect())
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_backupVersion<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> jstring {
    entry(&mut env, "backupVersion", |env| {
        let version = with_session(handle, backup::backup_version)?;
        to_java(env, &version)
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_roomKeyCounts<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> jlongArray {
    entry(&mut env, "roomKeyCounts", |env| {
        let (total, backed_up) = with_session(handle, backup::room_key_counts)?;
        let counts = [
            i64::try_from(total).unwrap_or(i64::MAX),
            i64::try_from(backed_up).unwrap_or(i64::MAX),
        ];
        let array = env.new_long_array(2)?;
        env.set_long_array_region(&array, 0, &counts)?;
        Ok(array.into_raw())
    })
}

/// The first `length` bytes of a Java array, copied once into native memory (no Java object made).
fn java_bytes_prefix(
    env: &mut JNIEnv<'_>,
    value: &JByteArray<'_>,
    length: jint,
    parameter: &str,
) -> NativeResult<Vec<u8>> {
    non_null(value.is_null(), parameter)?;
    let available = env.get_array_length(value)?;
    if length < 0 || length > available {
        return Err(NativeError::invalid_argument(format!(
            "{parameter}: length {length} outside 0..={available}"
        )));
    }
    let mut bytes = vec![0i8; length as usize];
    env.get_byte_array_region(value, 0, &mut bytes)?;
    Ok(bytes.into_iter().map(|byte| byte as u8).collect())
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_restoreFromBackup<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    recovery_key: JString<'local>,
    version: JString<'local>,
    room_keys_utf8: JByteArray<'local>,
    length: jint,
) -> jint {
    entry(&mut env, "restoreFromBackup", |env| {
        let recovery_key = java_string(env, &recovery_key, "recoveryKey")?;
        let version = java_string(env, &version, "version")?;
        let room_keys = java_bytes_prefix(env, &room_keys_utf8, length, "roomKeysResponseUtf8")?;
        let imported = with_session(handle, |session| {
            backup::restore_from_backup(session, &recovery_key, &version, &room_keys)
        })?;
        Ok(imported.try_into().unwrap_or(jint::MAX))
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_exportRoomKeys<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    passphrase: JString<'local>,
) -> jstring {
    entry(&mut env, "exportRoomKeys", |env| {
        let passphrase = java_string(env, &passphrase, "passphrase")?;
        let exported = with_session(handle, |session| {
            backup::export_room_keys(session, &passphrase)
        })?;
        to_java(env, &exported)
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_importRoomKeys<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    exported: JString<'local>,
    passphrase: JString<'local>,
) -> jint {
    entry(&mut env, "importRoomKeys", |env| {
        let exported = java_string(env, &exported, "exported")?;
        let passphrase = java_string(env, &passphrase, "passphrase")?;
        let imported = with_session(handle, |session| {
            backup::import_room_keys(session, &exported, &passphrase)
        })?;
        Ok(imported.try_into().unwrap_or(jint::MAX))
    })
}

/// Returns `Object[] { byte[] ciphertext, String encryptedFileJson }`.
#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_encryptAttachment<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    plaintext: JByteArray<'local>,
) -> jobjectArray {
    entry(&mut env, "encryptAttachment", |env| {
        let plaintext = java_bytes(env, &plaintext, "plaintext")?;
        let (ciphertext, info) = attachments::encrypt(&plaintext)?;
        let array = env.new_object_array(2, "java/lang/Object", JObject::null())?;
        let ciphertext = env.byte_array_from_slice(&ciphertext)?;
        env.set_object_array_element(&array, 0, &ciphertext)?;
        let info = env.new_string(&info)?;
        env.set_object_array_element(&array, 1, &info)?;
        Ok(array.into_raw())
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_decryptAttachment<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    ciphertext: JByteArray<'local>,
    encrypted_file_json: JString<'local>,
) -> jni::sys::jbyteArray {
    entry(&mut env, "decryptAttachment", |env| {
        let ciphertext = java_bytes(env, &ciphertext, "ciphertext")?;
        let info = java_string(env, &encrypted_file_json, "encryptedFileJson")?;
        let plaintext = attachments::decrypt(&ciphertext, &info)?;
        Ok(env.byte_array_from_slice(&plaintext)?.into_raw())
    })
}

/// `Object[] { byte[] ciphertext, String encryptedFileJson, long[] {roomKeys, withheld} }`.
#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_buildRoomKeyBundle<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    room_id: JString<'local>,
) -> jobjectArray {
    entry(&mut env, "buildRoomKeyBundle", |env| {
        let room_id = java_string(env, &room_id, "roomId")?;
        let built = with_session(handle, |session| history::build_bundle(session, &room_id))?;
        let array = env.new_object_array(3, "java/lang/Object", JObject::null())?;
        let ciphertext = env.byte_array_from_slice(&built.ciphertext)?;
        env.set_object_array_element(&array, 0, &ciphertext)?;
        let info = env.new_string(&built.encrypted_file_json)?;
        env.set_object_array_element(&array, 1, &info)?;
        let counts = env.new_long_array(2)?;
        let values = [
            i64::try_from(built.room_keys).unwrap_or(i64::MAX),
            i64::try_from(built.withheld).unwrap_or(i64::MAX),
        ];
        env.set_long_array_region(&counts, 0, &values)?;
        env.set_object_array_element(&array, 2, &counts)?;
        Ok(array.into_raw())
    })
}

#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_shareRoomKeyBundle<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    room_id: JString<'local>,
    user_id: JString<'local>,
    encrypted_file_json: JString<'local>,
) -> jobjectArray {
    entry(&mut env, "shareRoomKeyBundle", |env| {
        let room_id = java_string(env, &room_id, "roomId")?;
        let user_id = java_string(env, &user_id, "userId")?;
        let file = java_string(env, &encrypted_file_json, "encryptedFileJson")?;
        let requests = with_session(handle, |session| {
            history::share_bundle(session, &room_id, &user_id, &file)
        })?;
        requests_to_java(env, requests)
    })
}

/// The bundle's `EncryptedFile` JSON (with `url`), or `null` when none arrived.
#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_receivedRoomKeyBundle<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    room_id: JString<'local>,
    sender: JString<'local>,
) -> jstring {
    entry(&mut env, "receivedRoomKeyBundle", |env| {
        let room_id = java_string(env, &room_id, "roomId")?;
        let sender = java_string(env, &sender, "sender")?;
        let file = with_session(handle, |session| {
            history::received_bundle(session, &room_id, &sender)
        })?;
        match file {
            Some(file) => to_java(env, &file),
            None => Ok(std::ptr::null_mut()),
        }
    })
}

/// `long[] {room keys in the bundle, new room keys of the room}`.
#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_importRoomKeyBundle<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    room_id: JString<'local>,
    sender: JString<'local>,
    ciphertext: JByteArray<'local>,
) -> jlongArray {
    entry(&mut env, "importRoomKeyBundle", |env| {
        let room_id = java_string(env, &room_id, "roomId")?;
        let sender = java_string(env, &sender, "sender")?;
        let ciphertext = java_bytes(env, &ciphertext, "ciphertext")?;
        let imported = with_session(handle, |session| {
            history::import_bundle(session, &room_id, &sender, &ciphertext)
        })?;
        let counts = [
            i64::try_from(imported.room_keys).unwrap_or(i64::MAX),
            i64::try_from(imported.new_room_keys).unwrap_or(i64::MAX),
        ];
        let array = env.new_long_array(2)?;
        env.set_long_array_region(&array, 0, &counts)?;
        Ok(array.into_raw())
    })
}

/// Argon2id (version 0x13) of `passphrase` with `salt`; `outputLength` bytes.
#[no_mangle]
pub extern "system" fn Java_de_amtsdesk_crypto_CryptoNative_argon2id<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    passphrase: JByteArray<'local>,
    salt: JByteArray<'local>,
    memory_kib: jint,
    iterations: jint,
    parallelism: jint,
    output_length: jint,
) -> jni::sys::jbyteArray {
    entry(&mut env, "argon2id", |env| {
        let passphrase = Zeroizing::new(java_bytes(env, &passphrase, "passphrase")?);
        let salt = java_bytes(env, &salt, "salt")?;
        let unsigned = |value: jint, name: &str| {
            u32::try_from(value).map_err(|_| {
                NativeError::invalid_argument(format!("{name} must not be negative: {value}"))
            })
        };
        let key = passphrase::argon2id(
            &passphrase,
            &salt,
            unsigned(memory_kib, "memoryKiB")?,
            unsigned(iterations, "iterations")?,
            unsigned(parallelism, "parallelism")?,
            unsigned(output_length, "outputLength")? as usize,
        )?;
        Ok(env.byte_array_from_slice(&key)?.into_raw())
    })
}
