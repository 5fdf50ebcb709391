//! Sharing a room's history with a member who joins later: MSC4268 room key bundles (ADR 0015).
//!
//! The inviter builds a bundle of every room key it holds for the room that was marked as shareable
//! (`m.shared_history`, which our own sessions always are: history visibility "shared"), encrypts
//! it like an attachment, the host uploads the ciphertext, and the bundle's location and key go to
//! the invitee's cross-signed devices in an Olm-encrypted `m.room_key_bundle` to-device message.
//! The invitee's machine keeps that message ([`received_bundle`]); the host downloads the
//! ciphertext and [`import_bundle`] decrypts and imports it.
//!
//! The host decides whom to accept a bundle from (the member who invited it); matrix-sdk-crypto
//! additionally refuses bundles from a device that its owner has not cross-signed.

use matrix_sdk_crypto::store::types::StoredRoomKeyBundleData;
use matrix_sdk_crypto::types::events::room_key_bundle::RoomKeyBundleContent;
use matrix_sdk_crypto::types::room_history::RoomKeyBundle;
use matrix_sdk_crypto::CollectStrategy;
use ruma::events::room::EncryptedFile;
use ruma::{RoomId, UserId};
use serde_json::{Map, Value};

use crate::error::{NativeError, NativeResult};
use crate::machine::{lock, parse_room_id, parse_user_id, Session};
use crate::requests::{self, WireRequest};
use crate::{attachments, runtime};

/// A bundle built and encrypted for upload.
#[derive(Debug)]
pub struct BuiltBundle {
    pub ciphertext: Vec<u8>,
    /// `{"v","key","iv","hashes"}`: add the `url` of the upload and pass it to [`share_bundle`].
    pub encrypted_file_json: String,
    /// Room keys in the bundle.
    pub room_keys: usize,
    /// Sessions named in the bundle as not shareable (history not shared).
    pub withheld: usize,
}

/// Builds the room key bundle of `room_id` from this machine's store and encrypts it.
pub fn build_bundle(session: &Session, room_id: &str) -> NativeResult<BuiltBundle> {
    let room_id = parse_room_id(room_id)?;
    let bundle = runtime::block_on(session.machine().store().build_room_key_bundle(&room_id))?
        .map_err(|error| {
            NativeError::crypto(format!(
                "could not build the room key bundle of {room_id}: {error}"
            ))
        })?;
    let room_keys = bundle.room_keys.len();
    let withheld = bundle.withheld.len();
    let plaintext = serde_json::to_vec(&bundle).map_err(|error| {
        NativeError::Internal(format!("could not serialize the room key bundle: {error}"))
    })?;
    let (ciphertext, encrypted_file_json) = attachments::encrypt(&plaintext)?;
    Ok(BuiltBundle {
        ciphertext,
        encrypted_file_json,
        room_keys,
        withheld,
    })
}

/// The `m.room_key_bundle` to-device messages that tell `user_id`'s cross-signed devices where
/// the bundle is. `encrypted_file_json` is what [`build_bundle`] returned plus the `url` of the
/// upload. Empty when the user has no device signed by its cross-signing identity (or the user's
/// devices are not known yet: query them first).
pub fn share_bundle(
    session: &Session,
    room_id: &str,
    user_id: &str,
    encrypted_file_json: &str,
) -> NativeResult<Vec<WireRequest>> {
    let room_id = parse_room_id(room_id)?;
    let user_id = parse_user_id(user_id)?;
    let file: EncryptedFile = serde_json::from_str(encrypted_file_json).map_err(|error| {
        NativeError::invalid_argument(format!(
            "encryptedFileJson is not an EncryptedFile (url, v, key, iv, hashes): {error}"
        ))
    })?;
    let content = RoomKeyBundleContent { room_id, file };
    let _one_share_at_a_time = lock(&session.share_lock);
    let to_device = runtime::block_on(session.machine().share_room_key_bundle_data(
        &user_id,
        &CollectStrategy::IdentityBasedStrategy,
        content,
    ))?
    .map_err(|error| {
        NativeError::crypto(format!(
            "could not send the room key bundle to {user_id}: {error}"
        ))
    })?;
    to_device.iter().map(requests::to_device).collect()
}

fn stored_bundle(
    session: &Session,
    room_id: &RoomId,
    sender: &UserId,
) -> NativeResult<Option<StoredRoomKeyBundleData>> {
    runtime::block_on(
        session
            .machine()
            .store()
            .get_received_room_key_bundle_data(room_id, sender),
    )?
    .map_err(|error| {
        NativeError::crypto(format!(
            "could not read the room key bundle of {room_id} from {sender}: {error}"
        ))
    })
}

/// The `EncryptedFile` (with `url`) of the bundle `sender` sent this device for `room_id`, if one
/// arrived: download it and pass it to [`import_bundle`].
pub fn received_bundle(
    session: &Session,
    room_id: &str,
    sender: &str,
) -> NativeResult<Option<String>> {
    let room_id = parse_room_id(room_id)?;
    let sender = parse_user_id(sender)?;
    stored_bundle(session, &room_id, &sender)?
        .map(|data| {
            serde_json::to_string(&data.bundle_data.file).map_err(|error| {
                NativeError::Internal(format!("could not serialize the bundle's file: {error}"))
            })
        })
        .transpose()
}

/// What an import did.
#[derive(Debug, PartialEq, Eq)]
pub struct ImportedBundle {
    /// Room keys the bundle carried.
    pub room_keys: usize,
    /// Room keys of the room this machine holds now, minus before.
    pub new_room_keys: usize,
}

async fn room_key_count(session: &Session, room_id: &RoomId) -> NativeResult<usize> {
    session
        .machine()
        .store()
        .get_inbound_group_sessions_by_room_id(room_id)
        .await
        .map(|sessions| sessions.len())
        .map_err(|error| {
            NativeError::crypto(format!(
                "could not count the room keys of {room_id}: {error}"
            ))
        })
}

/// Decrypts the downloaded `ciphertext` of the bundle `sender` sent for `room_id` (with the key
/// from that to-device message, never one the caller passes) and imports its room keys. The
/// crate imports nothing when `sender`'s device is not cross-signed by its owner
/// (`new_room_keys` stays 0 then).
pub fn import_bundle(
    session: &Session,
    room_id: &str,
    sender: &str,
    ciphertext: &[u8],
) -> NativeResult<ImportedBundle> {
    let room_id = parse_room_id(room_id)?;
    let sender = parse_user_id(sender)?;
    let data = stored_bundle(session, &room_id, &sender)?.ok_or_else(|| {
        NativeError::invalid_argument(format!(
            "no room key bundle for {room_id} from {sender} has arrived"
        ))
    })?;
    let file = serde_json::to_value(&data.bundle_data.file).map_err(|error| {
        NativeError::Internal(format!("could not serialize the bundle's file: {error}"))
    })?;
    let mut info: Map<String, Value> = match file {
        Value::Object(map) => map,
        _ => {
            return Err(NativeError::Internal(
                "the bundle's file is no object".into(),
            ))
        }
    };
    info.remove("url");
    let plaintext = attachments::decrypt(ciphertext, &Value::Object(info).to_string())?;
    let bundle: RoomKeyBundle = serde_json::from_slice(&plaintext).map_err(|error| {
        NativeError::crypto(format!(
            "the room key bundle from {sender} is not readable: {error}"
        ))
    })?;
    let room_keys = bundle.room_keys.len();
    runtime::block_on(async {
        let before = room_key_count(session, &room_id).await?;
        session
            .machine()
            .store()
            .receive_room_key_bundle(&data, bundle, |_, _| {})
            .await
            .map_err(|error| {
                NativeError::crypto(format!(
                    "could not import the room key bundle of {room_id}: {error}"
                ))
            })?;
        let after = room_key_count(session, &room_id).await?;
        Ok(ImportedBundle {
            room_keys,
            new_room_keys: after.saturating_sub(before),
        })
    })?
}
