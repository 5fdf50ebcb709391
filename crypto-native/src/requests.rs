//! Outgoing requests as the Java side sends them (method, path, JSON body), and the homeserver's
//! responses going back into the machine.
//!
//! The Java side does all HTTP; paths are relative to the homeserver's base URL, with every
//! variable part percent-encoded.

use std::time::Duration;

use matrix_sdk_crypto::types::requests::{
    AnyIncomingResponse, AnyOutgoingRequest, KeysBackupRequest, KeysQueryRequest, OutgoingRequest,
    RoomMessageRequest, ToDeviceRequest,
};
use ruma::api::client::backup::add_backup_keys::v3::Response as KeysBackupResponse;
use ruma::api::client::keys::claim_keys::v3::{
    Request as KeysClaimRequest, Response as KeysClaimResponse,
};
use ruma::api::client::keys::get_keys::v3::Response as KeysQueryResponse;
use ruma::api::client::keys::upload_keys::v3::{
    Request as KeysUploadRequest, Response as KeysUploadResponse,
};
use ruma::api::client::keys::upload_signatures::v3::{
    Request as SignatureUploadRequest, Response as SignatureUploadResponse,
};
use ruma::api::client::keys::upload_signing_keys::v3::Response as SigningKeysUploadResponse;
use ruma::api::client::message::send_message_event::v3::Response as RoomMessageResponse;
use ruma::api::client::to_device::send_event_to_device::v3::Response as ToDeviceResponse;
use ruma::api::IncomingResponse;
use ruma::events::MessageLikeEventContent;
use ruma::{OwnedTransactionId, TransactionId};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::{NativeError, NativeResult};
use crate::machine::{lock, Session};
use crate::runtime;

const CLIENT_V3: &str = "/_matrix/client/v3";

/// The kinds of request; the names are those of the Java enum `OutgoingRequest.Type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestType {
    KeysUpload,
    KeysQuery,
    KeysClaim,
    ToDevice,
    SignatureUpload,
    RoomMessage,
    KeysBackup,
}

impl RequestType {
    pub const ALL: [RequestType; 7] = [
        RequestType::KeysUpload,
        RequestType::KeysQuery,
        RequestType::KeysClaim,
        RequestType::ToDevice,
        RequestType::SignatureUpload,
        RequestType::RoomMessage,
        RequestType::KeysBackup,
    ];

    pub fn java_name(self) -> &'static str {
        match self {
            RequestType::KeysUpload => "KEYS_UPLOAD",
            RequestType::KeysQuery => "KEYS_QUERY",
            RequestType::KeysClaim => "KEYS_CLAIM",
            RequestType::ToDevice => "TO_DEVICE",
            RequestType::SignatureUpload => "SIGNATURE_UPLOAD",
            RequestType::RoomMessage => "ROOM_MESSAGE",
            RequestType::KeysBackup => "KEYS_BACKUP",
        }
    }

    pub fn from_java_name(name: &str) -> NativeResult<RequestType> {
        RequestType::ALL
            .into_iter()
            .find(|kind| kind.java_name() == name)
            .ok_or_else(|| NativeError::invalid_argument(format!("'{name}' is not a request type")))
    }
}

/// One request, ready to send.
#[derive(Clone, Debug)]
pub struct WireRequest {
    /// Pass back to `mark_request_as_sent` together with the response.
    pub request_id: String,
    pub kind: RequestType,
    pub method: &'static str,
    /// Relative to the homeserver, e.g. `/_matrix/client/v3/keys/upload`.
    pub path: String,
    pub body: String,
}

impl WireRequest {
    /// The five strings Java's `OutgoingRequest` is built from, in record order.
    pub fn into_fields(self) -> [String; 5] {
        [
            self.request_id,
            self.kind.java_name().to_owned(),
            self.method.to_owned(),
            self.path,
            self.body,
        ]
    }
}

fn to_json<T: Serialize + ?Sized>(value: &T, what: &str) -> NativeResult<String> {
    serde_json::to_string(value)
        .map_err(|error| NativeError::Internal(format!("could not serialize {what}: {error}")))
}

fn to_value<T: Serialize + ?Sized>(value: &T, what: &str) -> NativeResult<Value> {
    serde_json::to_value(value)
        .map_err(|error| NativeError::Internal(format!("could not serialize {what}: {error}")))
}

fn insert_timeout(body: &mut Map<String, Value>, timeout: Option<Duration>) {
    if let Some(timeout) = timeout {
        body.insert(
            "timeout".to_owned(),
            Value::from(timeout.as_millis() as u64),
        );
    }
}

/// Percent-encodes one path segment (everything but RFC 3986's unreserved characters).
pub fn encode_path_segment(segment: &str) -> String {
    let mut encoded = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                encoded.push(byte as char)
            }
            other => encoded.push_str(&format!("%{other:02X}")),
        }
    }
    encoded
}

pub fn from_outgoing(request: &OutgoingRequest) -> NativeResult<WireRequest> {
    let id = request.request_id();
    match request.request() {
        AnyOutgoingRequest::KeysUpload(upload) => keys_upload(id, upload),
        AnyOutgoingRequest::KeysQuery(query) => keys_query(id, query),
        AnyOutgoingRequest::KeysClaim(claim) => keys_claim(id, claim),
        // A to-device request's id is its transaction id, so both match.
        AnyOutgoingRequest::ToDeviceRequest(to_device) => self::to_device(to_device),
        AnyOutgoingRequest::SignatureUpload(signatures) => signature_upload(id, signatures),
        AnyOutgoingRequest::RoomMessage(message) => room_message(message),
    }
}

pub fn keys_upload(id: &TransactionId, request: &KeysUploadRequest) -> NativeResult<WireRequest> {
    let mut body = Map::new();
    if let Some(device_keys) = &request.device_keys {
        body.insert(
            "device_keys".to_owned(),
            to_value(device_keys, "device keys")?,
        );
    }
    if !request.one_time_keys.is_empty() {
        body.insert(
            "one_time_keys".to_owned(),
            to_value(&request.one_time_keys, "one-time keys")?,
        );
    }
    if !request.fallback_keys.is_empty() {
        body.insert(
            "fallback_keys".to_owned(),
            to_value(&request.fallback_keys, "fallback keys")?,
        );
    }
    Ok(WireRequest {
        request_id: id.to_string(),
        kind: RequestType::KeysUpload,
        method: "POST",
        path: format!("{CLIENT_V3}/keys/upload"),
        body: Value::Object(body).to_string(),
    })
}

pub fn keys_query(id: &TransactionId, request: &KeysQueryRequest) -> NativeResult<WireRequest> {
    let mut body = Map::new();
    body.insert(
        "device_keys".to_owned(),
        to_value(&request.device_keys, "key query")?,
    );
    insert_timeout(&mut body, request.timeout);
    Ok(WireRequest {
        request_id: id.to_string(),
        kind: RequestType::KeysQuery,
        method: "POST",
        path: format!("{CLIENT_V3}/keys/query"),
        body: Value::Object(body).to_string(),
    })
}

pub fn keys_claim(id: &TransactionId, request: &KeysClaimRequest) -> NativeResult<WireRequest> {
    let mut body = Map::new();
    body.insert(
        "one_time_keys".to_owned(),
        to_value(&request.one_time_keys, "key claim")?,
    );
    insert_timeout(&mut body, request.timeout);
    Ok(WireRequest {
        request_id: id.to_string(),
        kind: RequestType::KeysClaim,
        method: "POST",
        path: format!("{CLIENT_V3}/keys/claim"),
        body: Value::Object(body).to_string(),
    })
}

pub fn to_device(request: &ToDeviceRequest) -> NativeResult<WireRequest> {
    let mut body = Map::new();
    body.insert(
        "messages".to_owned(),
        to_value(&request.messages, "to-device messages")?,
    );
    Ok(WireRequest {
        request_id: request.txn_id.to_string(),
        kind: RequestType::ToDevice,
        method: "PUT",
        path: format!(
            "{CLIENT_V3}/sendToDevice/{}/{}",
            encode_path_segment(&request.event_type.to_string()),
            encode_path_segment(request.txn_id.as_str())
        ),
        body: Value::Object(body).to_string(),
    })
}

pub fn signature_upload(
    id: &TransactionId,
    request: &SignatureUploadRequest,
) -> NativeResult<WireRequest> {
    Ok(WireRequest {
        request_id: id.to_string(),
        kind: RequestType::SignatureUpload,
        method: "POST",
        path: format!("{CLIENT_V3}/keys/signatures/upload"),
        body: to_json(&request.signed_keys, "signature upload")?,
    })
}

pub fn room_message(request: &RoomMessageRequest) -> NativeResult<WireRequest> {
    Ok(WireRequest {
        request_id: request.txn_id.to_string(),
        kind: RequestType::RoomMessage,
        method: "PUT",
        path: format!(
            "{CLIENT_V3}/rooms/{}/send/{}/{}",
            encode_path_segment(request.room_id.as_str()),
            encode_path_segment(&request.content.event_type().to_string()),
            encode_path_segment(request.txn_id.as_str())
        ),
        body: to_json(&request.content, "room message")?,
    })
}

pub fn keys_backup(id: &TransactionId, request: &KeysBackupRequest) -> NativeResult<WireRequest> {
    let mut body = Map::new();
    body.insert(
        "rooms".to_owned(),
        to_value(&request.rooms, "room key backup")?,
    );
    Ok(WireRequest {
        request_id: id.to_string(),
        kind: RequestType::KeysBackup,
        method: "PUT",
        path: format!(
            "{CLIENT_V3}/room_keys/keys?version={}",
            encode_path_segment(&request.version)
        ),
        body: Value::Object(body).to_string(),
    })
}

/// Everything the machine wants sent now: device/one-time key uploads, key queries, and
/// to-device messages (key requests, verification).
pub fn outgoing_requests(session: &Session) -> NativeResult<Vec<WireRequest>> {
    let requests = runtime::block_on(session.machine().outgoing_requests())?
        .map_err(|error| NativeError::crypto(format!("could not collect requests: {error}")))?;
    requests.iter().map(from_outgoing).collect()
}

fn parse_response<R: IncomingResponse>(kind: RequestType, body: &str) -> NativeResult<R> {
    let response = http::Response::builder()
        .status(200)
        .header("content-type", "application/json")
        .body(body.as_bytes().to_vec())
        .map_err(|error| NativeError::Internal(format!("could not wrap the response: {error}")))?;
    R::try_from_http_response(response).map_err(|error| {
        NativeError::invalid_argument(format!(
            "responseBodyJson is not a valid response to a {} request: {error}",
            kind.java_name()
        ))
    })
}

/// Feeds the homeserver's (2xx) response to a request back into the machine.
pub fn mark_request_as_sent(
    session: &Session,
    request_id: &str,
    kind: RequestType,
    body: &str,
) -> NativeResult<()> {
    if request_id.is_empty() {
        return Err(NativeError::invalid_argument("requestId must not be empty"));
    }
    let id: OwnedTransactionId = request_id.into();
    let machine = session.machine();
    let outcome = runtime::block_on(async {
        match kind {
            RequestType::KeysUpload => {
                let response: KeysUploadResponse = parse_response(kind, body)?;
                Ok(machine.mark_request_as_sent(&id, &response).await)
            }
            RequestType::KeysQuery => {
                let response: KeysQueryResponse = parse_response(kind, body)?;
                Ok(machine.mark_request_as_sent(&id, &response).await)
            }
            RequestType::KeysClaim => {
                let response: KeysClaimResponse = parse_response(kind, body)?;
                Ok(machine.mark_request_as_sent(&id, &response).await)
            }
            RequestType::ToDevice => {
                let response: ToDeviceResponse = parse_response(kind, body)?;
                Ok(machine.mark_request_as_sent(&id, &response).await)
            }
            RequestType::SignatureUpload => {
                let response: SignatureUploadResponse = parse_response(kind, body)?;
                let bootstrap = {
                    let mut pending = lock(&session.pending_cross_signing_signatures);
                    if pending.as_deref() == Some(id.as_ref()) {
                        pending.take()
                    } else {
                        None
                    }
                };
                if bootstrap.is_some() {
                    // The signatures of a cross-signing bootstrap go out only after its signing
                    // keys were uploaded: record that upload too (marks the identity as shared).
                    let signing_keys = SigningKeysUploadResponse::new();
                    let signing_keys = AnyIncomingResponse::SigningKeysUpload(&signing_keys);
                    if let Err(error) = machine.mark_request_as_sent(&id, signing_keys).await {
                        return Ok(Err(error));
                    }
                }
                Ok(machine.mark_request_as_sent(&id, &response).await)
            }
            RequestType::RoomMessage => {
                let response: RoomMessageResponse = parse_response(kind, body)?;
                Ok(machine.mark_request_as_sent(&id, &response).await)
            }
            RequestType::KeysBackup => {
                let response: KeysBackupResponse = parse_response(kind, body)?;
                Ok(machine.mark_request_as_sent(&id, &response).await)
            }
        }
    })?;
    let result: NativeResult<_> = outcome;
    result?.map_err(|error| {
        NativeError::crypto(format!(
            "could not process the response to {} request {request_id}: {error}",
            kind.java_name()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segments_are_percent_encoded() {
        assert_eq!(
            encode_path_segment("!room:amt.example"),
            "%21room%3Aamt.example"
        );
        assert_eq!(encode_path_segment("m.room.encrypted"), "m.room.encrypted");
        assert_eq!(encode_path_segment("a b/ä"), "a%20b%2F%C3%A4");
    }

    #[test]
    fn request_types_round_trip_through_their_java_names() {
        for kind in RequestType::ALL {
            assert_eq!(RequestType::from_java_name(kind.java_name()).unwrap(), kind);
        }
        assert!(RequestType::from_java_name("KEYS").is_err());
    }
}
