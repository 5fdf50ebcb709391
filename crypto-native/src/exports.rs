//! The symbols `de.amtsdesk.crypto.CryptoNative` binds to. Each one only converts arguments and
//! results and runs inside [`entry`]; the work lives in the other modules.

use jni::objects::{JClass, JString};
use jni::sys::{jlong, jstring};
use jni::JNIEnv;

use crate::error::{NativeError, NativeResult};
use crate::guard::entry;
use crate::machine;

fn java_string(env: &mut JNIEnv<'_>, value: &JString<'_>, parameter: &str) -> NativeResult<String> {
    if value.is_null() {
        return Err(NativeError::invalid_argument(format!(
            "{parameter} must not be null"
        )));
    }
    Ok(env.get_string(value)?.into())
}

fn to_java(env: &mut JNIEnv<'_>, value: &str) -> NativeResult<jstring> {
    Ok(env.new_string(value)?.into_raw())
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
        let json = machine::identity_keys_json(handle)?;
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
