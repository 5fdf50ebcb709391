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

// Background work (a key backup restore: minutes of storing room keys) runs on a runtime of its own, whose
// threads the OS schedules after everyone else's: the store's SQLite writes happen on the runtime's blocking
// threads, and these must not take the window's CPU (issue 11: no FX pulse over 16 ms during a restore). Its
// own runtime because a lowered priority cannot be raised again without privileges.
static BACKGROUND: LazyLock<Result<Runtime, String>> = LazyLock::new(|| {
    Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("amtsdesk-crypto-bg")
        .on_thread_start(lower_priority_of_this_thread)
        .enable_all()
        .build()
        .map_err(|error| format!("could not start the background tokio runtime: {error}"))
});

/// The nice value of the background runtime's threads on Linux (where nice is per thread); the Java side's
/// restore thread (`LowPriorityWork`) uses the same.
pub const BACKGROUND_NICE: i32 = 10;

#[cfg(target_os = "linux")]
fn lower_priority_of_this_thread() {
    // SAFETY: plain system calls on the calling thread's own id; failure only leaves the priority as it was.
    unsafe {
        let tid = libc::gettid() as libc::id_t;
        libc::setpriority(libc::PRIO_PROCESS, tid, BACKGROUND_NICE);
    }
}

// Elsewhere (Windows) the threads keep normal priority; the JNI thread that drives the work is the JVM's
// lowest-priority thread there (Thread.MIN_PRIORITY maps to THREAD_PRIORITY_LOWEST).
#[cfg(not(target_os = "linux"))]
fn lower_priority_of_this_thread() {}

/// The calling thread's nice value on Linux (for the tests), `None` elsewhere.
pub fn nice_of_this_thread() -> Option<i32> {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: as above; getpriority returns the nice value itself for PRIO_PROCESS and a thread id.
        Some(unsafe { libc::getpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t) })
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

/// Runs an async SDK call to completion on the calling (JNI) thread within the background runtime, so the
/// blocking work it spawns (the store's SQLite calls) runs on low-priority threads.
pub fn block_on_background<F: Future>(future: F) -> NativeResult<F::Output> {
    let runtime = BACKGROUND
        .as_ref()
        .map_err(|message| NativeError::Internal(message.clone()))?;
    Ok(runtime.block_on(future))
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn background_blocking_work_runs_at_low_priority() {
        let background = block_on_background(async {
            tokio::task::spawn_blocking(nice_of_this_thread)
                .await
                .unwrap()
        })
        .unwrap();
        let main = block_on(async {
            tokio::task::spawn_blocking(nice_of_this_thread)
                .await
                .unwrap()
        })
        .unwrap();
        let caller = nice_of_this_thread();

        if cfg!(target_os = "linux") {
            let caller = caller.expect("Linux reports nice values");
            assert_eq!(background, Some(BACKGROUND_NICE.max(caller)));
            assert_eq!(
                main,
                Some(caller),
                "the main runtime's threads keep the process's priority"
            );
        } else {
            assert_eq!(background, None);
        }
    }
}
