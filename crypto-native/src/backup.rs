//! Room keys leaving and entering the machine: server-side key backup
//! (`m.megolm_backup.v1.curve25519-aes-sha2`) and passphrase-protected key export files.

use std::collections::BTreeMap;
use std::io::Cursor;

use matrix_sdk_crypto::backups::DecryptionError as BackupDecryptionError;
use matrix_sdk_crypto::olm::ExportedRoomKey;
use matrix_sdk_crypto::store::types::BackupDecryptionKey;
use matrix_sdk_crypto::{decrypt_room_key_export, encrypt_room_key_export, KeyExportError};
use ruma::api::client::backup::RoomKeyBackup;
use ruma::OwnedRoomId;
use serde::Deserialize;

use crate::error::{NativeError, NativeResult};
use crate::machine::Session;
use crate::requests::{self, WireRequest};
use crate::runtime;

/// PBKDF2 rounds for key export files (what Element uses).
const EXPORT_ROUNDS: u32 = 500_000;

fn parse_recovery_key(recovery_key: &str) -> NativeResult<BackupDecryptionKey> {
    BackupDecryptionKey::from_base58(recovery_key)
        .map_err(|error| NativeError::invalid_argument(format!("invalid recovery key: {error}")))
}

fn check_version(version: &str) -> NativeResult<()> {
    if version.trim().is_empty() {
        Err(NativeError::invalid_argument(
            "the backup version must not be blank",
        ))
    } else {
        Ok(())
    }
}

/// A fresh backup key: `(recovery key in Matrix base58, body for POST /room_keys/version)`.
/// The auth data is signed with this device's key (and the cross-signing master key, if the
/// machine has it).
pub fn create_backup(session: &Session) -> NativeResult<(String, String)> {
    let key = BackupDecryptionKey::new();
    let mut info = key.to_backup_info();
    runtime::block_on(session.machine().backup_machine().sign_backup(&mut info))?
        .map_err(|error| NativeError::crypto(format!("could not sign the backup: {error}")))?;
    let body = serde_json::to_string(&info).map_err(|error| {
        NativeError::Internal(format!("could not serialize the backup version: {error}"))
    })?;
    Ok((key.to_base58(), body))
}

async fn activate(
    session: &Session,
    key: BackupDecryptionKey,
    version: String,
) -> NativeResult<()> {
    let backups = session.machine().backup_machine();
    // A different version than the one this store backed up to: forget which keys count as backed up, so the new
    // version receives every room key this device holds (not only keys that arrive from now on).
    let stored = backups.get_backup_keys().await.map_err(|error| {
        NativeError::crypto(format!("could not read the stored backup key: {error}"))
    })?;
    if stored
        .backup_version
        .as_deref()
        .is_some_and(|previous| previous != version)
    {
        backups.disable_backup().await.map_err(|error| {
            NativeError::crypto(format!("could not reset the backup state: {error}"))
        })?;
    }
    let public_key = key.megolm_v1_public_key();
    public_key.set_version(version.clone());
    backups
        .enable_backup_v1(public_key)
        .await
        .map_err(|error| NativeError::crypto(format!("could not enable the backup: {error}")))?;
    backups
        .save_decryption_key(Some(key), Some(version))
        .await
        .map_err(|error| NativeError::crypto(format!("could not store the backup key: {error}")))
}

/// Backs room keys up to server version `version` from now on; keeps the key in the store.
pub fn enable_backup(session: &Session, version: &str, recovery_key: &str) -> NativeResult<()> {
    check_version(version)?;
    let key = parse_recovery_key(recovery_key)?;
    runtime::block_on(activate(session, key, version.to_owned()))?
}

/// On open: a store that has a backup key and version resumes backing up to it.
pub(crate) async fn resume_stored_backup(session: &Session) -> NativeResult<()> {
    let stored = session
        .machine()
        .backup_machine()
        .get_backup_keys()
        .await
        .map_err(|error| {
            NativeError::crypto(format!("could not read the stored backup key: {error}"))
        })?;
    match (stored.decryption_key, stored.backup_version) {
        (Some(key), Some(version)) => activate(session, key, version).await,
        _ => Ok(()),
    }
}

/// The backup version this machine uploads to, or an empty string when backups are off.
pub fn backup_version(session: &Session) -> NativeResult<String> {
    Ok(runtime::block_on(session.machine().backup_machine().backup_version())?.unwrap_or_default())
}

/// `(total room keys, room keys backed up to the active backup version)`.
pub fn room_key_counts(session: &Session) -> NativeResult<(usize, usize)> {
    let counts = runtime::block_on(session.machine().backup_machine().room_key_counts())?
        .map_err(|error| NativeError::crypto(format!("could not count the room keys: {error}")))?;
    Ok((counts.total, counts.backed_up))
}

/// The next batch of room keys to upload, if backups are enabled and some are not backed up.
pub fn backup_room_keys(session: &Session) -> NativeResult<Option<WireRequest>> {
    let request = runtime::block_on(session.machine().backup_machine().backup())?
        .map_err(|error| NativeError::crypto(format!("could not back up room keys: {error}")))?;
    request
        .map(|(id, request)| requests::keys_backup(&id, &request))
        .transpose()
}

/// `GET /room_keys/keys` response (also the body of our own `KEYS_BACKUP` requests).
#[derive(Deserialize)]
struct RoomKeysResponse {
    rooms: BTreeMap<OwnedRoomId, RoomKeyBackup>,
}

/// Decrypts the room keys of a backup download (its UTF-8 JSON) and imports them; returns how many were new.
/// Bytes, not a Java string: the host hands over batches of a 70 MB download, and a string per batch
/// was garbage the collector stopped the UI for (issue 11).
pub fn restore_from_backup(
    session: &Session,
    recovery_key: &str,
    version: &str,
    room_keys_json: &[u8],
) -> NativeResult<usize> {
    check_version(version)?;
    let key = parse_recovery_key(recovery_key)?;
    let response: RoomKeysResponse = serde_json::from_slice(room_keys_json).map_err(|error| {
        NativeError::invalid_argument(format!(
            "roomKeysResponseJson is not a /room_keys/keys response: {error}"
        ))
    })?;

    let mut keys: Vec<ExportedRoomKey> = Vec::new();
    let mut undecryptable = 0usize;
    let mut last_failure = String::new();
    for (room_id, room) in response.rooms {
        for (session_id, data) in room.sessions {
            let data = data.deserialize().map_err(|error| {
                NativeError::invalid_argument(format!(
                    "backed-up session {session_id} in {room_id} is malformed: {error}"
                ))
            })?;
            match key.decrypt_session_data(data.session_data) {
                Ok(room_key) => keys.push(ExportedRoomKey::from_backed_up_room_key(
                    room_id.clone(),
                    session_id,
                    room_key,
                )),
                Err(error) => {
                    undecryptable += 1;
                    last_failure = match error {
                        BackupDecryptionError::Encryption(_) => {
                            "recovery key does not match this backup".to_owned()
                        }
                        other => other.to_string(),
                    };
                }
            }
        }
    }
    if keys.is_empty() && undecryptable > 0 {
        return Err(NativeError::invalid_argument(format!(
            "{last_failure} ({undecryptable} backed-up room keys could not be decrypted)"
        )));
    }
    // The store writes of a restore are background work: on the low-priority runtime's threads.
    let result = runtime::block_on_background(session.machine().store().import_room_keys(
        keys,
        Some(version),
        |_, _| {},
    ))?
    .map_err(|error| NativeError::crypto(format!("could not import the room keys: {error}")))?;
    Ok(result.imported_count)
}

/// All room keys of the machine in the Matrix key export format, encrypted with `passphrase`.
pub fn export_room_keys(session: &Session, passphrase: &str) -> NativeResult<String> {
    if passphrase.is_empty() {
        return Err(NativeError::invalid_argument(
            "the passphrase must not be empty",
        ));
    }
    let keys = runtime::block_on(session.machine().store().export_room_keys(|_| true))?
        .map_err(|error| NativeError::crypto(format!("could not read the room keys: {error}")))?;
    encrypt_room_key_export(&keys, passphrase, EXPORT_ROUNDS)
        .map_err(|error| NativeError::Internal(format!("could not encrypt the export: {error}")))
}

/// Imports a key export file; returns how many keys were new.
pub fn import_room_keys(
    session: &Session,
    exported: &str,
    passphrase: &str,
) -> NativeResult<usize> {
    let keys = decrypt_room_key_export(Cursor::new(exported), passphrase).map_err(|error| {
        NativeError::invalid_argument(match error {
            KeyExportError::InvalidMac => {
                "wrong passphrase, or the key export was altered (its MAC does not match)"
                    .to_owned()
            }
            other => format!("not a valid key export: {other}"),
        })
    })?;
    let result = runtime::block_on(
        session
            .machine()
            .store()
            .import_exported_room_keys(keys, |_, _| {}),
    )?
    .map_err(|error| NativeError::crypto(format!("could not import the room keys: {error}")))?;
    Ok(result.imported_count)
}
