//! What the host feeds in after each `/sync`, and what it asks for before sending into a room:
//! tracked users, missing Olm sessions (one-time key claims) and sharing the room key.

use std::collections::BTreeMap;

use matrix_sdk_common::deserialized_responses::ProcessedToDeviceEvent;
use matrix_sdk_crypto::types::events::room_key_bundle::RoomKeyBundleContent;
use matrix_sdk_crypto::types::events::EventType;
use matrix_sdk_crypto::{
    CollectStrategy, DecryptionSettings, EncryptionSettings, EncryptionSyncChanges,
};
use ruma::api::client::sync::sync_events::DeviceLists;
use ruma::events::room::history_visibility::HistoryVisibility;
use ruma::events::AnyToDeviceEvent;
use ruma::serde::Raw;
use ruma::{OneTimeKeyAlgorithm, OwnedUserId, UInt};
use serde::Deserialize;
use serde_json::json;

use crate::error::{NativeError, NativeResult};
use crate::machine::{lock, parse_room_id, parse_user_ids, Session};
use crate::requests::{self, WireRequest};
use crate::room::decryption_settings;
use crate::runtime;

/// The JSON `receiveSyncChanges` accepts (the to-device/E2EE parts of a `/sync` response).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SyncChangesInput {
    #[serde(default)]
    to_device_events: Vec<Raw<AnyToDeviceEvent>>,
    #[serde(default)]
    changed_devices: ChangedDevices,
    #[serde(default)]
    one_time_key_counts: BTreeMap<OneTimeKeyAlgorithm, UInt>,
    #[serde(default)]
    unused_fallback_key_types: Option<Vec<OneTimeKeyAlgorithm>>,
    #[serde(default)]
    next_batch_token: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ChangedDevices {
    #[serde(default)]
    changed: Vec<OwnedUserId>,
    #[serde(default)]
    left: Vec<OwnedUserId>,
}

/// Decrypts and processes the to-device events of one sync response and takes note of device
/// list changes and key counts. Returns
/// `{"to_device_events":[…],"room_key_updates":[{"room_id":…,"session_id":…,"sender_key":…,"algorithm":…}],
/// "room_key_bundles":[{"room_id":…,"sender":…}]}`.
pub fn receive_sync_changes(session: &Session, input_json: &str) -> NativeResult<String> {
    let input: SyncChangesInput = serde_json::from_str(input_json).map_err(|error| {
        NativeError::invalid_argument(format!("syncChangesJson is not valid: {error}"))
    })?;
    let mut device_lists = DeviceLists::new();
    device_lists.changed = input.changed_devices.changed;
    device_lists.left = input.changed_devices.left;

    let settings: DecryptionSettings = decryption_settings();
    // matrix-sdk-crypto 0.18 collects a whole call's room keys before it saves any, and compares each new key only
    // with the stored one: when one device sends the same session twice in one call (a re-share at a later message
    // index after a new Olm session bumped our wedging index), the later, worse copy overwrites the earlier and the
    // first messages of that session can never be decrypted (UNKNOWN_MESSAGE_INDEX). Feeding the events in runs in
    // which each sending device appears at most once lets every key be compared with what the run before saved.
    let runs = runs_without_repeated_sender(input.to_device_events);
    let run_count = runs.len();
    let mut events = Vec::new();
    let mut room_keys = Vec::new();
    for (index, run) in runs.into_iter().enumerate() {
        let first = index == 0;
        let last = index + 1 == run_count;
        let no_changes = DeviceLists::new();
        let changes = EncryptionSyncChanges {
            to_device_events: run,
            // Device lists once; key counts in every call (a missing count reads as zero keys left).
            changed_devices: if first { &device_lists } else { &no_changes },
            one_time_keys_counts: &input.one_time_key_counts,
            unused_fallback_keys: input.unused_fallback_key_types.as_deref(),
            next_batch_token: if last {
                input.next_batch_token.clone()
            } else {
                None
            },
        };
        let (run_events, run_keys) =
            runtime::block_on(session.machine().receive_sync_changes(changes, &settings))?
                .map_err(|error| {
                    NativeError::crypto(format!("could not process the sync changes: {error}"))
                })?;
        events.extend(run_events);
        room_keys.extend(run_keys);
    }

    // MSC4268 room key bundles that arrived (decrypted, so their sender is authenticated): the
    // host decides whether to download and import them (see `history`).
    let bundles: Vec<serde_json::Value> = events
        .iter()
        .filter(|event| matches!(event, ProcessedToDeviceEvent::Decrypted { .. }))
        .filter_map(|event| {
            serde_json::from_str::<serde_json::Value>(event.as_raw().json().get()).ok()
        })
        .filter(|event| {
            let kind = event.get("type").and_then(serde_json::Value::as_str);
            kind == Some(RoomKeyBundleContent::EVENT_TYPE)
                || kind == Some(RoomKeyBundleContent::UNSTABLE_EVENT_TYPE)
        })
        .map(|event| {
            json!({
                "room_id": event.pointer("/content/room_id"),
                "sender": event.get("sender"),
            })
        })
        .collect();
    let events: Vec<&serde_json::value::RawValue> =
        events.iter().map(|event| event.as_raw().json()).collect();
    let room_keys: Vec<serde_json::Value> = room_keys
        .iter()
        .map(|info| {
            json!({
                "room_id": info.room_id,
                "session_id": info.session_id,
                "sender_key": info.sender_key.to_base64(),
                "algorithm": info.algorithm,
            })
        })
        .collect();
    Ok(json!({
        "to_device_events": events,
        "room_key_updates": room_keys,
        "room_key_bundles": bundles,
    })
    .to_string())
}

/// Splits to-device events, in order, into runs in which no sending device (the Olm `sender_key`
/// of an encrypted event) appears twice; there is always at least one run, perhaps empty (the
/// call still carries device lists and key counts). Events without a sender key never split a run.
fn runs_without_repeated_sender(
    events: Vec<Raw<AnyToDeviceEvent>>,
) -> Vec<Vec<Raw<AnyToDeviceEvent>>> {
    let mut runs: Vec<Vec<Raw<AnyToDeviceEvent>>> = vec![Vec::new()];
    let mut senders = std::collections::HashSet::new();
    for event in events {
        let sender_key = event
            .get_field::<serde_json::Value>("content")
            .ok()
            .flatten()
            .and_then(|content| {
                content
                    .get("sender_key")
                    .and_then(serde_json::Value::as_str)
                    .map(str::to_owned)
            });
        if let Some(key) = sender_key {
            if !senders.insert(key.clone()) {
                runs.push(Vec::new());
                senders.clear();
                senders.insert(key);
            }
        }
        runs.last_mut().expect("runs is never empty").push(event);
    }
    runs
}

/// Adds users whose devices the machine must track (members of encrypted rooms); new ones are
/// queried with the next `KEYS_QUERY` from `outgoing_requests`.
pub fn update_tracked_users(session: &Session, user_ids: &[String]) -> NativeResult<()> {
    let users = parse_user_ids(user_ids)?;
    runtime::block_on(
        session
            .machine()
            .update_tracked_users(users.iter().map(AsRef::as_ref)),
    )?
    .map_err(|error| NativeError::crypto(format!("could not track the users: {error}")))
}

/// A `/keys/query` for these users now, whatever the machine believes about them ("out of band":
/// its answer updates their devices like any other, but does not wait for or replace the query
/// `outgoing_requests` hands out). Before sharing a room key this closes the window between a
/// member's new device uploading its keys and this device's sync hearing of it: the machine
/// itself does not wait for a query when it already knows some devices of a user.
pub fn query_keys(session: &Session, user_ids: &[String]) -> NativeResult<WireRequest> {
    let users = parse_user_ids(user_ids)?;
    let (id, request) = session
        .machine()
        .query_keys_for_users(users.iter().map(AsRef::as_ref));
    requests::keys_query(&id, &request)
}

/// A `/keys/claim` for the devices of these users we have no Olm session with yet, if any.
pub fn missing_sessions(
    session: &Session,
    user_ids: &[String],
) -> NativeResult<Option<WireRequest>> {
    let users = parse_user_ids(user_ids)?;
    let _one_claim_at_a_time = lock(&session.claim_lock);
    let request = runtime::block_on(
        session
            .machine()
            .get_missing_sessions(users.iter().map(AsRef::as_ref)),
    )?
    .map_err(|error| {
        NativeError::crypto(format!("could not look for missing sessions: {error}"))
    })?;
    request
        .map(|(id, claim)| requests::keys_claim(&id, &claim))
        .transpose()
}

/// How room keys are shared: with every device of the given users, verified or not (citizens'
/// devices never are), history visible to members from the time of sharing on.
fn encryption_settings() -> EncryptionSettings {
    EncryptionSettings {
        history_visibility: HistoryVisibility::Shared,
        sharing_strategy: CollectStrategy::AllDevices,
        ..EncryptionSettings::default()
    }
}

/// Makes sure the room has an outbound Megolm session that is shared with all devices of the
/// users; returns the to-device requests that carry the room key (empty if nothing is new).
/// Rotates the session when it expired (100 messages or a week, the SDK defaults).
pub fn share_room_key(
    session: &Session,
    room_id: &str,
    user_ids: &[String],
) -> NativeResult<Vec<WireRequest>> {
    let room_id = parse_room_id(room_id)?;
    let users = parse_user_ids(user_ids)?;
    let _one_share_at_a_time = lock(&session.share_lock);
    let to_device = runtime::block_on(session.machine().share_room_key(
        &room_id,
        users.iter().map(AsRef::as_ref),
        encryption_settings(),
    ))?
    .map_err(|error| {
        NativeError::crypto(format!(
            "could not share the room key for {room_id}: {error}"
        ))
    })?;
    to_device
        .iter()
        .map(|request| requests::to_device(request))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(sender_key: Option<&str>) -> Raw<AnyToDeviceEvent> {
        let content = match sender_key {
            Some(key) => {
                json!({"algorithm": "m.olm.v1.curve25519-aes-sha2", "sender_key": key, "ciphertext": {}})
            }
            None => json!({"body": "plain"}),
        };
        serde_json::from_value(
            json!({"type": "m.room.encrypted", "sender": "@a:hs", "content": content}),
        )
        .expect("a raw event")
    }

    fn keys(runs: &[Vec<Raw<AnyToDeviceEvent>>]) -> Vec<Vec<String>> {
        runs.iter()
            .map(|run| {
                run.iter()
                    .map(|e| {
                        e.get_field::<serde_json::Value>("content")
                            .unwrap()
                            .unwrap()
                            .get("sender_key")
                            .and_then(serde_json::Value::as_str)
                            .unwrap_or("-")
                            .to_owned()
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_device_sending_twice_starts_a_new_run_and_order_is_kept() {
        let runs = runs_without_repeated_sender(vec![
            event(Some("A")),
            event(Some("B")),
            event(None),
            event(Some("A")),
            event(Some("C")),
            event(Some("B")),
            event(Some("B")),
        ]);
        assert_eq!(
            keys(&runs),
            vec![vec!["A", "B", "-"], vec!["A", "C", "B"], vec!["B"]]
        );
    }

    #[test]
    fn no_events_is_one_empty_run() {
        let runs = runs_without_repeated_sender(Vec::new());
        assert_eq!(runs.len(), 1);
        assert!(runs[0].is_empty());
    }
}
