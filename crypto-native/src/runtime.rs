use std::future::Future;
use std::sync::LazyLock;

use tokio::runtime::{Builder, Runtime};

use crate::error::{NativeError, NativeResult};

// One runtime for the whole process: machines share it, and JNI threads only ever block on it.
// A failed start is kept as an error (not a panic) so every later call reports the same cause.
static RUNTIME: LazyLock<Result<Runtime, String>> = LazyLock::new(|| {
    Builder::new_multi_thread()
        .thread_name("amtsdesk-crypto")
        .enable_all()
        .build()
        .map_err(|error| format!("could not start the tokio runtime: {error}"))
});

pub fn runtime() -> NativeResult<&'static Runtime> {
    RUNTIME
        .as_ref()
        .map_err(|message| NativeError::Internal(message.clone()))
}

/// Runs an async SDK call to completion on the calling (JNI) thread.
///
/// Must not be called from a runtime worker thread; JNI entry points never are.
pub fn block_on<F: Future>(future: F) -> NativeResult<F::Output> {
    Ok(runtime()?.block_on(future))
}
