//! Secret storage (4S, `m.secret_storage.v1.aes-hmac-sha2`): the agency account's private cross-signing keys and
//! its key-backup key, encrypted with one recovery key and kept in the account's data on the server. The first
//! workstation writes them; every later workstation reads them with the recovery key, imports the cross-signing keys
//! and signs its own device, so citizens see one agency identity whose devices are all signed by it.
//!
//! The encryption is matrix-sdk-crypto's `SecretStorageKey`; this module only moves JSON in and out.

use matrix_sdk_crypto::secret_storage::{AesHmacSha2EncryptedData, SecretStorageKey};
use matrix_sdk_crypto::store::types::{BackupDecryptionKey, CrossSigningKeyExport};
use ruma::events::secret::request::SecretName;
use ruma::events::secret_storage::key::SecretStorageKeyEventContent;
use ruma::events::EventContentFromType;
use serde_json::{json, Map, Value};

use crate::error::{NativeError, NativeResult};
use crate::machine::Session;
use crate::requests::{self, WireRequest};
use crate::runtime;

const DEFAULT_KEY: &str = "m.secret_storage.default_key";

/// The secrets this module stores, in the order they are written.
fn secret_names() -> [SecretName; 4] {
    [
        SecretName::CrossSigningMasterKey,
        SecretName::CrossSigningSelfSigningKey,
        SecretName::CrossSigningUserSigningKey,
        SecretName::RecoveryKey,
    ]
}

/// A fresh secret storage key holding this machine's private cross-signing keys (and its backup key, if it has
/// one). Returns the recovery key (base58, as Element shows it) and the account data to upload, as
/// `(event type, content JSON)` pairs: the key description, the encrypted secrets, and the default-key pointer
/// last (so a reader never finds a default key whose secrets are missing).
pub fn create(session: &Session) -> NativeResult<(String, Vec<(String, String)>)> {
    let key = SecretStorageKey::new();
    let mut account_data = vec![(
        key.event_type().to_string(),
        to_json(key.event_content(), "secret storage key")?,
    )];
    let mut stored = 0;
    for name in secret_names() {
        let secret = runtime::block_on(session.machine().store().export_secret(&name))?.map_err(
            |error| NativeError::crypto(format!("could not read the secret {name}: {error}")),
        )?;
        if let Some(secret) = secret {
            let encrypted = key.encrypt(secret.into_bytes(), &name);
            let mut by_key = Map::new();
            by_key.insert(
                key.key_id().to_owned(),
                serde_json::to_value(encrypted).map_err(|error| {
                    NativeError::Internal(format!("could not serialize the secret {name}: {error}"))
                })?,
            );
            account_data.push((
                name.to_string(),
                json!({ "encrypted": Value::Object(by_key) }).to_string(),
            ));
            stored += 1;
        }
    }
    if stored == 0 {
        return Err(NativeError::invalid_argument(
            "this machine holds no cross-signing keys: bootstrap cross-signing first",
        ));
    }
    account_data.push((
        DEFAULT_KEY.to_owned(),
        json!({ "key": key.key_id() }).to_string(),
    ));
    Ok((key.to_base58(), account_data))
}

/// What reading secret storage brought: the cross-signing keys imported, the signature upload for this device
/// (send it), and the backup's recovery key in the backup's own base58 form (to restore the key backup with).
pub struct Imported {
    pub signature_upload: Option<WireRequest>,
    pub backup_recovery_key: Option<String>,
}

/// Reads secret storage with the recovery key: `key_id` and `key_content_json` are the default key's
/// description (`m.secret_storage.key.<id>`), `secrets_json` maps secret names to their account-data content.
/// Imports the private cross-signing keys (the machine must know its own public identity: query the own user's
/// keys first) and signs this device with the self-signing key.
pub fn import(
    session: &Session,
    recovery_key: &str,
    key_id: &str,
    key_content_json: &str,
    secrets_json: &str,
) -> NativeResult<Imported> {
    let raw =
        serde_json::value::RawValue::from_string(key_content_json.to_owned()).map_err(|error| {
            NativeError::invalid_argument(format!(
                "the secret storage key description is not JSON: {error}"
            ))
        })?;
    let content =
        SecretStorageKeyEventContent::from_parts(&format!("m.secret_storage.key.{key_id}"), &raw)
            .map_err(|error| {
            NativeError::invalid_argument(format!("not a secret storage key description: {error}"))
        })?;
    let key = SecretStorageKey::from_account_data(recovery_key, content).map_err(|_| {
        NativeError::invalid_argument(
            "the recovery key does not match this account's secret storage",
        )
    })?;
    let secrets: Map<String, Value> = serde_json::from_str(secrets_json).map_err(|error| {
        NativeError::invalid_argument(format!("secretsJson is not a JSON object: {error}"))
    })?;
    let read = |name: &SecretName| -> NativeResult<Option<String>> {
        let Some(encrypted) = secrets
            .get(name.as_str())
            .and_then(|content| content.get("encrypted"))
            .and_then(|by_key| by_key.get(key.key_id()))
        else {
            return Ok(None);
        };
        let data: AesHmacSha2EncryptedData =
            serde_json::from_value(encrypted.clone()).map_err(|error| {
                NativeError::invalid_argument(format!(
                    "the stored secret {name} is malformed: {error}"
                ))
            })?;
        let plain = key.decrypt(&data, name).map_err(|_| {
            NativeError::invalid_argument(format!(
                "the stored secret {name} does not match the recovery key"
            ))
        })?;
        String::from_utf8(plain).map(Some).map_err(|_| {
            NativeError::invalid_argument(format!("the stored secret {name} is not text"))
        })
    };
    let export = CrossSigningKeyExport {
        master_key: read(&SecretName::CrossSigningMasterKey)?,
        self_signing_key: read(&SecretName::CrossSigningSelfSigningKey)?,
        user_signing_key: read(&SecretName::CrossSigningUserSigningKey)?,
    };
    let backup_recovery_key = read(&SecretName::RecoveryKey)?
        .map(|base64| {
            BackupDecryptionKey::from_base64(&base64)
                .map(|k| k.to_base58())
                .map_err(|error| {
                    NativeError::invalid_argument(format!(
                        "the stored backup key is malformed: {error}"
                    ))
                })
        })
        .transpose()?;

    let mut signature_upload = None;
    if export.self_signing_key.is_some() {
        let machine = session.machine();
        let status =
            runtime::block_on(machine.import_cross_signing_keys(export))?.map_err(|error| {
                NativeError::crypto(format!("could not import the cross-signing keys: {error}"))
            })?;
        if !status.has_self_signing {
            return Err(NativeError::crypto(
                "the cross-signing keys do not match this account's public identity (query the own keys first)",
            ));
        }
        let device =
            runtime::block_on(machine.get_device(machine.user_id(), machine.device_id(), None))?
                .map_err(|error| {
                    NativeError::crypto(format!("could not read this device: {error}"))
                })?
                .ok_or_else(|| {
                    NativeError::crypto("this device is not known yet: upload its keys first")
                })?;
        let request = runtime::block_on(device.verify())?
            .map_err(|error| NativeError::crypto(format!("could not sign this device: {error}")))?;
        signature_upload = Some(requests::signature_upload(
            &ruma::TransactionId::new(),
            &request,
        )?);
    }
    Ok(Imported {
        signature_upload,
        backup_recovery_key,
    })
}

fn to_json<T: serde::Serialize>(value: &T, what: &str) -> NativeResult<String> {
    serde_json::to_string(value)
        .map_err(|error| NativeError::Internal(format!("could not serialize the {what}: {error}")))
}
