//! Cross-signing: creating this user's identity (master, self-signing and user-signing keys).

use serde_json::{Map, Value};

use crate::error::{NativeError, NativeResult};
use crate::machine::{lock, Session};
use crate::requests::{self, WireRequest};
use crate::runtime;

/// Creates the cross-signing identity if the machine has none (otherwise returns the existing
/// one's requests again, so a failed upload, e.g. for user-interactive auth, can be retried).
///
/// Returns the body of `POST /keys/device_signing/upload` (without `auth`) and the signature
/// upload to send after it. When the signature upload is marked as sent, the signing-keys upload
/// is recorded too. Refuses while this device's keys are not uploaded yet, because the
/// signatures refer to them.
pub fn bootstrap(session: &Session) -> NativeResult<(String, WireRequest)> {
    let requests =
        runtime::block_on(session.machine().bootstrap_cross_signing(false))?.map_err(|error| {
            NativeError::crypto(format!("could not create the cross-signing keys: {error}"))
        })?;
    if requests.upload_keys_req.is_some() {
        return Err(NativeError::invalid_argument(
            "this device's keys are not uploaded yet: send the KEYS_UPLOAD request from \
             outgoingRequests() and mark it as sent, then call bootstrapCrossSigning again \
             (the cross-signing keys just created are kept and reused)",
        ));
    }
    let keys = &requests.upload_signing_keys_req;
    let mut body = Map::new();
    for (name, key) in [
        ("master_key", &keys.master_key),
        ("self_signing_key", &keys.self_signing_key),
        ("user_signing_key", &keys.user_signing_key),
    ] {
        if let Some(key) = key {
            let value = serde_json::to_value(key).map_err(|error| {
                NativeError::Internal(format!("could not serialize the {name}: {error}"))
            })?;
            body.insert(name.to_owned(), value);
        }
    }
    let id = ruma::TransactionId::new();
    let signatures = requests::signature_upload(&id, &requests.upload_signatures_req)?;
    *lock(&session.pending_cross_signing_signatures) = Some(id);
    Ok((Value::Object(body).to_string(), signatures))
}

/// Which private cross-signing keys the machine holds: `(master, self-signing, user-signing)`.
pub fn status(session: &Session) -> NativeResult<(bool, bool, bool)> {
    let status = runtime::block_on(session.machine().cross_signing_status())?;
    Ok((
        status.has_master,
        status.has_self_signing,
        status.has_user_signing,
    ))
}
