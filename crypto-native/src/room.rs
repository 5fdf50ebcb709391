//! Megolm: encrypting events for a room and decrypting room events.

use matrix_sdk_common::deserialized_responses::{
    AlgorithmInfo, DeviceLinkProblem, VerificationLevel, VerificationState,
};
use matrix_sdk_crypto::types::events::room::encrypted::EncryptedEvent;
use matrix_sdk_crypto::vodozemac::megolm::DecryptionError;
use matrix_sdk_crypto::{DecryptionSettings, EventError, MegolmError, TrustRequirement};
use ruma::events::AnyMessageLikeEventContent;
use ruma::serde::Raw;
use ruma::{DeviceKeyAlgorithm, RoomId};

use crate::error::{NativeError, NativeResult};
use crate::machine::{parse_room_id, Session};
use crate::runtime;

/// Citizens' devices are never verified: decrypt regardless of the sender's trust and report
/// the trust as [`VerificationState`] instead.
pub fn decryption_settings() -> DecryptionSettings {
    DecryptionSettings {
        sender_device_trust_requirement: TrustRequirement::Untrusted,
    }
}

/// Encrypts `content_json` (an event content object) of type `event_type` with the room's
/// outbound Megolm session; returns the `m.room.encrypted` content as JSON.
pub fn encrypt_room_event(
    session: &Session,
    room_id: &str,
    event_type: &str,
    content_json: &str,
) -> NativeResult<String> {
    let room_id = parse_room_id(room_id)?;
    if event_type.trim().is_empty() {
        return Err(NativeError::invalid_argument("eventType must not be blank"));
    }
    if let Err(error) =
        serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(content_json)
    {
        return Err(NativeError::invalid_argument(format!(
            "contentJson is not a JSON object: {error}"
        )));
    }
    let content: Raw<AnyMessageLikeEventContent> =
        Raw::from_json_string(content_json.to_owned())
            .map_err(|error| NativeError::invalid_argument(format!("contentJson: {error}")))?;
    let machine = session.machine();

    runtime::block_on(async {
        // The SDK panics when there is no usable outbound session; say so properly instead.
        let outbound = machine
            .store()
            .get_outbound_group_session(&room_id)
            .await
            .map_err(|error| {
                NativeError::crypto(format!("could not load the room key of {room_id}: {error}"))
            })?;
        match outbound {
            None => {
                return Err(NativeError::invalid_argument(format!(
                    "no room key has been shared for {room_id} yet: call shareRoomKey first"
                )))
            }
            Some(outbound) if outbound.expired() => {
                return Err(NativeError::invalid_argument(format!(
                    "the room key of {room_id} has expired: call shareRoomKey again to rotate it"
                )))
            }
            Some(_) => {}
        }
        let result = machine
            .encrypt_room_event_raw(&room_id, event_type, &content)
            .await
            .map_err(|error| {
                NativeError::crypto(format!("could not encrypt for {room_id}: {error}"))
            })?;
        Ok(result.content.json().get().to_owned())
    })?
}

/// Why an event could not be decrypted; the names are those of the Java enum
/// `DecryptionFailedException.Reason`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureReason {
    MissingRoomKey,
    UnknownMessageIndex,
    MalformedEvent,
    MismatchedSender,
    Other,
}

impl FailureReason {
    pub fn java_name(self) -> &'static str {
        match self {
            FailureReason::MissingRoomKey => "MISSING_ROOM_KEY",
            FailureReason::UnknownMessageIndex => "UNKNOWN_MESSAGE_INDEX",
            FailureReason::MalformedEvent => "MALFORMED_EVENT",
            FailureReason::MismatchedSender => "MISMATCHED_SENDER",
            FailureReason::Other => "OTHER",
        }
    }
}

/// A successfully decrypted room event.
#[derive(Debug)]
pub struct Decrypted {
    /// The whole decrypted event (`type`, `content`, `sender`, `event_id`, `room_id`, …).
    pub clear_event: String,
    pub sender_curve25519_key: String,
    pub claimed_ed25519_key: Option<String>,
    /// A name of the Java enum `VerificationState`.
    pub verification_state: &'static str,
}

#[derive(Debug)]
pub enum DecryptOutcome {
    Decrypted(Decrypted),
    Failed {
        reason: FailureReason,
        message: String,
    },
}

impl DecryptOutcome {
    fn failed(reason: FailureReason, message: impl Into<String>) -> Self {
        DecryptOutcome::Failed {
            reason,
            message: message.into(),
        }
    }

    /// The strings Java builds the result from: `["ok", clearEvent, senderKey, claimedKey|null,
    /// state]` or `["failed", reason, message]`.
    pub fn into_fields(self) -> Vec<Option<String>> {
        match self {
            DecryptOutcome::Decrypted(d) => vec![
                Some("ok".to_owned()),
                Some(d.clear_event),
                Some(d.sender_curve25519_key),
                d.claimed_ed25519_key,
                Some(d.verification_state.to_owned()),
            ],
            DecryptOutcome::Failed { reason, message } => vec![
                Some("failed".to_owned()),
                Some(reason.java_name().to_owned()),
                Some(message),
            ],
        }
    }
}

/// The name of the Java enum `VerificationState` for a decrypted event's state, or `None` for
/// [`VerificationLevel::MismatchedSender`], which is not a trust level but a forged event (the
/// caller refuses it).
///
/// The match is exhaustive on purpose: a new level in a future matrix-sdk-common must be given a
/// name here (and in Java, core's `MessageTrust` and the `events.verification_state` CHECK)
/// instead of silently falling into an existing one.
pub fn verification_state_name(state: &VerificationState) -> Option<&'static str> {
    Some(match state {
        VerificationState::Verified => "VERIFIED",
        VerificationState::Unverified(level) => match level {
            VerificationLevel::UnverifiedIdentity => "UNVERIFIED_IDENTITY",
            VerificationLevel::VerificationViolation => "VERIFICATION_VIOLATION",
            VerificationLevel::UnsignedDevice => "UNSIGNED_DEVICE",
            VerificationLevel::None(DeviceLinkProblem::MissingDevice) => "UNKNOWN_DEVICE",
            VerificationLevel::None(DeviceLinkProblem::InsecureSource) => "INSECURE_SOURCE",
            VerificationLevel::MismatchedSender => return None,
        },
    })
}

fn classify(error: &MegolmError) -> FailureReason {
    match error {
        MegolmError::MissingRoomKey(_) => FailureReason::MissingRoomKey,
        MegolmError::Decryption(DecryptionError::UnknownMessageIndex(..)) => {
            FailureReason::UnknownMessageIndex
        }
        MegolmError::MismatchedIdentityKeys(_)
        | MegolmError::EventError(EventError::MismatchedSender(..)) => {
            FailureReason::MismatchedSender
        }
        MegolmError::EventError(_) | MegolmError::JsonError(_) | MegolmError::Decode(_) => {
            FailureReason::MalformedEvent
        }
        _ => FailureReason::Other,
    }
}

fn describe(error: &MegolmError) -> String {
    match error {
        MegolmError::MissingRoomKey(Some(code)) => {
            format!("the room key for this event was withheld by the sender ({code})")
        }
        MegolmError::MissingRoomKey(None) => "the room key for this event is missing (it may \
            still arrive: retry when receiveSyncChanges reports it in room_key_updates)"
            .to_owned(),
        MegolmError::Decryption(DecryptionError::UnknownMessageIndex(first, index)) => format!(
            "the room key we have starts at message index {first}, this event has index {index}"
        ),
        other => other.to_string(),
    }
}

/// Decrypts one `m.room.encrypted` room event (the full event JSON as the homeserver sent it).
/// Errors only for caller mistakes (bad room id); everything about the event is an outcome.
pub fn decrypt_room_event(
    session: &Session,
    room_id: &RoomId,
    event_json: &str,
) -> NativeResult<DecryptOutcome> {
    let event: Raw<EncryptedEvent> = match Raw::from_json_string(event_json.to_owned()) {
        Ok(event) => event,
        Err(error) => {
            return Ok(DecryptOutcome::failed(
                FailureReason::MalformedEvent,
                format!("the event is not valid JSON: {error}"),
            ))
        }
    };
    let settings = decryption_settings();
    let result = runtime::block_on(
        session
            .machine()
            .decrypt_room_event(&event, room_id, &settings),
    )?;
    let decrypted = match result {
        Ok(decrypted) => decrypted,
        Err(error) => return Ok(DecryptOutcome::failed(classify(&error), describe(&error))),
    };
    let info = &decrypted.encryption_info;
    let Some(verification_state) = verification_state_name(&info.verification_state) else {
        return Ok(DecryptOutcome::failed(
            FailureReason::MismatchedSender,
            format!(
                "the event claims to be from {} but its room key belongs to another user",
                info.sender
            ),
        ));
    };
    match &info.algorithm_info {
        AlgorithmInfo::MegolmV1AesSha2 {
            curve25519_key,
            sender_claimed_keys,
            ..
        } => Ok(DecryptOutcome::Decrypted(Decrypted {
            clear_event: decrypted.event.json().get().to_owned(),
            sender_curve25519_key: curve25519_key.clone(),
            claimed_ed25519_key: sender_claimed_keys
                .get(&DeviceKeyAlgorithm::Ed25519)
                .cloned(),
            verification_state,
        })),
        other => Ok(DecryptOutcome::failed(
            FailureReason::Other,
            format!("the event was decrypted with an unexpected algorithm: {other:?}"),
        )),
    }
}

/// [`decrypt_room_event`] with the room id as a string.
pub fn decrypt_room_event_str(
    session: &Session,
    room_id: &str,
    event_json: &str,
) -> NativeResult<DecryptOutcome> {
    let room_id = parse_room_id(room_id)?;
    decrypt_room_event(session, &room_id, event_json)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unverified(level: VerificationLevel) -> VerificationState {
        VerificationState::Unverified(level)
    }

    #[test]
    fn every_trust_level_has_its_own_java_name() {
        let cases = [
            (VerificationState::Verified, "VERIFIED"),
            (
                unverified(VerificationLevel::UnverifiedIdentity),
                "UNVERIFIED_IDENTITY",
            ),
            (
                unverified(VerificationLevel::VerificationViolation),
                "VERIFICATION_VIOLATION",
            ),
            (
                unverified(VerificationLevel::UnsignedDevice),
                "UNSIGNED_DEVICE",
            ),
            (
                unverified(VerificationLevel::None(DeviceLinkProblem::MissingDevice)),
                "UNKNOWN_DEVICE",
            ),
            (
                unverified(VerificationLevel::None(DeviceLinkProblem::InsecureSource)),
                "INSECURE_SOURCE",
            ),
        ];
        for (state, name) in cases {
            assert_eq!(verification_state_name(&state), Some(name), "{state:?}");
        }
    }

    #[test]
    fn a_mismatched_sender_is_no_trust_level() {
        assert_eq!(
            verification_state_name(&unverified(VerificationLevel::MismatchedSender)),
            None
        );
    }

    #[test]
    fn decrypted_fields_carry_the_state_last() {
        let outcome = DecryptOutcome::Decrypted(Decrypted {
            clear_event: "{}".to_owned(),
            sender_curve25519_key: "curve".to_owned(),
            claimed_ed25519_key: None,
            verification_state: "UNKNOWN_DEVICE",
        });
        assert_eq!(
            outcome.into_fields(),
            vec![
                Some("ok".to_owned()),
                Some("{}".to_owned()),
                Some("curve".to_owned()),
                None,
                Some("UNKNOWN_DEVICE".to_owned()),
            ]
        );
    }
}
