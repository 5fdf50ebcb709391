use std::any::Any;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe, PanicHookInfo};
use std::sync::Once;

use jni::sys::{jboolean, jint, jlong, jobject, JNI_FALSE};
use jni::JNIEnv;

use crate::error::NativeResult;

/// The Java exception every failure in this library becomes.
pub const EXCEPTION_CLASS: &str = "de/amtsdesk/crypto/CryptoNativeException";
// Only if our own exception class cannot be found (e.g. a stripped jar) — the caller still gets
// an exception with the message instead of nothing.
const FALLBACK_EXCEPTION_CLASS: &str = "java/lang/IllegalStateException";

/// What an entry point hands back to Java when it has thrown; Java ignores it.
pub trait JniReturn {
    fn on_exception() -> Self;
}

impl JniReturn for () {
    fn on_exception() -> Self {}
}

impl JniReturn for jobject {
    fn on_exception() -> Self {
        std::ptr::null_mut()
    }
}

impl JniReturn for jlong {
    fn on_exception() -> Self {
        0
    }
}

impl JniReturn for jint {
    fn on_exception() -> Self {
        0
    }
}

impl JniReturn for jboolean {
    fn on_exception() -> Self {
        JNI_FALSE
    }
}

thread_local! {
    // > 0 while this thread is inside `entry`: its panics are reported as exceptions, so the hook
    // stays quiet instead of also printing them to stderr.
    static GUARD_DEPTH: Cell<u32> = const { Cell::new(0) };
    // The hook sees the panic location, `catch_unwind` only the payload; this carries it across.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info: &PanicHookInfo<'_>| {
            if GUARD_DEPTH.with(Cell::get) > 0 {
                let description = match info.location() {
                    Some(at) => format!(
                        "{} (at {}:{}:{})",
                        payload_text(info.payload()),
                        at.file(),
                        at.line(),
                        at.column()
                    ),
                    None => payload_text(info.payload()),
                };
                LAST_PANIC.with(|last| *last.borrow_mut() = Some(description));
            } else {
                // Panics outside an entry point (e.g. on a runtime worker) have no caller to be
                // reported to; keep Rust's usual stderr report for them.
                previous(info);
            }
        }));
    });
}

fn payload_text(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "panic with a non-string payload".to_owned()
    }
}

/// Runs the body of a JNI entry point. Errors and panics become a pending
/// `CryptoNativeException` whose message starts with the entry point's name; nothing unwinds
/// across the FFI boundary.
pub fn entry<'local, R, F>(env: &mut JNIEnv<'local>, name: &'static str, body: F) -> R
where
    R: JniReturn,
    F: FnOnce(&mut JNIEnv<'local>) -> NativeResult<R>,
{
    install_panic_hook();
    GUARD_DEPTH.with(|depth| depth.set(depth.get() + 1));
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| body(env)));
    GUARD_DEPTH.with(|depth| depth.set(depth.get() - 1));

    let (class, message) = match outcome {
        Ok(Ok(value)) => return value,
        Ok(Err(error)) if error.has_pending_java_exception() => return R::on_exception(),
        Ok(Err(error)) => (error.exception_class(), format!("{name}: {error}")),
        Err(payload) => {
            let description = LAST_PANIC
                .with(|last| last.borrow_mut().take())
                .unwrap_or_else(|| payload_text(payload.as_ref()));
            (
                EXCEPTION_CLASS,
                format!("{name}: Rust panic: {description}"),
            )
        }
    };
    throw(env, class, &message);
    R::on_exception()
}

fn throw(env: &mut JNIEnv<'_>, class: &str, message: &str) {
    // A Java exception raised earlier in this call is the more precise report; keep it.
    if env.exception_check().unwrap_or(false) {
        return;
    }
    if class != EXCEPTION_CLASS && env.throw_new(class, message).is_ok() {
        return;
    }
    let _ = env.exception_clear();
    if env.throw_new(EXCEPTION_CLASS, message).is_err() {
        // The failed lookup left a NoClassDefFoundError pending; replace it with the real message.
        let _ = env.exception_clear();
        let _ = env.throw_new(FALLBACK_EXCEPTION_CLASS, message);
    }
}
