//! JNI seam between Amtsdesk (Java) and matrix-rust-sdk's `matrix-sdk-crypto`.
//!
//! Layout, so the full `OlmMachine` API can be added without reshaping anything:
//! - [`guard`]: every JNI entry point runs through [`guard::entry`], which turns errors and panics
//!   into `de.amtsdesk.crypto.CryptoNativeException` — nothing may unwind into the JVM.
//! - [`error`]: the one error type entry points return.
//! - [`runtime`]: the process-wide tokio runtime that async SDK calls are driven on.
//! - [`machine`]: `OlmMachine` handles as they cross JNI, and the operations on them.
//! - [`exports`]: the `Java_de_amtsdesk_crypto_CryptoNative_*` symbols themselves, kept thin.

pub mod error;
pub mod exports;
pub mod guard;
pub mod machine;
pub mod runtime;

/// Version of `matrix-sdk-crypto` compiled into this library, as that crate reports it.
pub fn matrix_sdk_crypto_version() -> &'static str {
    matrix_sdk_crypto::VERSION
}

/// Version of `vodozemac` compiled into this library, as that crate reports it.
pub fn vodozemac_version() -> &'static str {
    matrix_sdk_crypto::vodozemac::VERSION
}
