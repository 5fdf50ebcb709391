use std::fmt;

/// Everything an entry point can fail with; each becomes a `CryptoNativeException` in Java.
#[derive(Debug)]
pub enum NativeError {
    /// The caller passed something we refuse (bad id, closed handle, ...); the text names it.
    InvalidArgument(String),
    /// `matrix-sdk-crypto` (or its store) reported a failure.
    Crypto(String),
    /// Talking to the JVM failed (string conversion, allocation, ...).
    Jni(jni::errors::Error),
    /// Our own plumbing failed (e.g. the runtime could not start).
    Internal(String),
    /// A persistent crypto store exists but its cipher cannot be unlocked with the given key.
    /// Becomes `CryptoStoreKeyException`.
    WrongStoreKey(String),
}

impl NativeError {
    pub fn invalid_argument(message: impl Into<String>) -> Self {
        NativeError::InvalidArgument(message.into())
    }

    pub fn crypto(message: impl Into<String>) -> Self {
        NativeError::Crypto(message.into())
    }

    /// The Java exception class (JNI form) this error is thrown as.
    pub fn exception_class(&self) -> &'static str {
        match self {
            NativeError::WrongStoreKey(_) => "de/amtsdesk/crypto/CryptoStoreKeyException",
            _ => crate::guard::EXCEPTION_CLASS,
        }
    }

    /// A `jni` error that means a Java exception is already pending, which must reach the caller
    /// unchanged instead of being replaced by ours.
    pub fn has_pending_java_exception(&self) -> bool {
        matches!(self, NativeError::Jni(jni::errors::Error::JavaException))
    }
}

impl fmt::Display for NativeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NativeError::InvalidArgument(message) => write!(f, "invalid argument: {message}"),
            NativeError::Crypto(message) => write!(f, "matrix-sdk-crypto error: {message}"),
            NativeError::Jni(error) => write!(f, "JNI error: {error}"),
            NativeError::Internal(message) => write!(f, "internal error: {message}"),
            NativeError::WrongStoreKey(message) => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for NativeError {}

impl From<jni::errors::Error> for NativeError {
    fn from(error: jni::errors::Error) -> Self {
        NativeError::Jni(error)
    }
}

pub type NativeResult<T> = Result<T, NativeError>;
