//! `OlmMachine`s as they cross JNI.
//!
//! Java holds a machine as a `long`: a pointer to a heap-allocated `Arc<OlmMachine>`. Each call
//! clones the `Arc` out of it, so a machine stays alive for the duration of a call even when
//! async work is involved. The Java side (`OlmMachineHandle`) guarantees that `release` never runs
//! concurrently with, or before, another call on the same handle.

use std::sync::Arc;

use jni::sys::jlong;
use matrix_sdk_crypto::OlmMachine;
use ruma::{OwnedDeviceId, UserId};
use serde_json::json;

use crate::error::{NativeError, NativeResult};
use crate::runtime;

/// Creates a machine that keeps its keys in memory only (they are lost when it is closed).
pub fn create_in_memory(user_id: &str, device_id: &str) -> NativeResult<jlong> {
    let user_id = UserId::parse(user_id).map_err(|error| {
        NativeError::invalid_argument(format!(
            "'{user_id}' is not a valid Matrix user id: {error}"
        ))
    })?;
    if device_id.trim().is_empty() {
        return Err(NativeError::invalid_argument(format!(
            "'{device_id}' is not a valid device id: it must not be blank"
        )));
    }
    let device_id: OwnedDeviceId = device_id.into();
    let machine = runtime::block_on(OlmMachine::new(&user_id, &device_id))?;
    Ok(into_handle(machine))
}

/// The machine's public identity keys as `{"curve25519":"…","ed25519":"…"}` (unpadded base64).
pub fn identity_keys_json(handle: jlong) -> NativeResult<String> {
    let machine = borrow(handle)?;
    let keys = machine.identity_keys();
    Ok(json!({
        "curve25519": keys.curve25519.to_base64(),
        "ed25519": keys.ed25519.to_base64(),
    })
    .to_string())
}

fn into_handle(machine: OlmMachine) -> jlong {
    Box::into_raw(Box::new(Arc::new(machine))) as jlong
}

/// A new reference to the machine behind `handle`.
pub fn borrow(handle: jlong) -> NativeResult<Arc<OlmMachine>> {
    if handle == 0 {
        return Err(NativeError::invalid_argument(
            "machine handle is 0 (closed or never created)",
        ));
    }
    // SAFETY: a non-zero handle came from `into_handle` and has not been released (the Java side
    // guarantees it), so it points to a live `Arc<OlmMachine>`.
    let machine = unsafe { &*(handle as *const Arc<OlmMachine>) };
    Ok(Arc::clone(machine))
}

/// Gives up the Java side's reference; the machine goes away once no call still uses it.
pub fn release(handle: jlong) -> NativeResult<()> {
    if handle == 0 {
        return Ok(());
    }
    // Stores and the SDK may expect a runtime context while they shut down.
    let _context = runtime::runtime()?.enter();
    // SAFETY: as in `borrow`, and Java never passes this handle again after closing it.
    drop(unsafe { Box::from_raw(handle as *mut Arc<OlmMachine>) });
    Ok(())
}
