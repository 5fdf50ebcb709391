//! JNI seam between Amtsdesk (Java) and matrix-rust-sdk's `matrix-sdk-crypto`.
//!
//! Layout, so the full `OlmMachine` API can be added without reshaping anything:
//! - [`guard`]: every JNI entry point runs through [`guard::entry`], which turns errors and panics
//!   into `de.amtsdesk.crypto.CryptoNativeException` — nothing may unwind into the JVM.
//! - [`error`]: the one error type entry points return.
//! - [`runtime`]: the process-wide tokio runtime that async SDK calls are driven on.
//! - [`machine`]: `OlmMachine` sessions and the handles they cross JNI as (create/open/close).
//! - [`requests`]: outgoing requests as method/path/body, and responses going back in.
//! - [`sync`]: sync changes, tracked users, Olm session claims, room key sharing.
//! - [`room`]: Megolm encryption and decryption of room events.
//! - [`backup`]: server-side key backup, key export files.
//! - [`history`]: MSC4268 room key bundles, so members who join later read the room's history.
//! - [`cross_signing`], [`secret_storage`] (4S: cross-signing and backup keys under one recovery key),
//!   [`attachments`].
//! - [`passphrase`]: Argon2id for the vault's passphrase (ADR 0025).
//! - [`store_cache`]: the read cache in front of the SQLite crypto store (ADR 0022).
//! - [`exports`]: the `Java_de_amtsdesk_crypto_CryptoNative_*` symbols themselves, kept thin.
//!
//! Everything but `exports`/`guard` is plain Rust on `&Session`, so the benchmark example
//! (`examples/megolm_decrypt_bench.rs`) runs exactly the code the JNI entry points run.

pub mod attachments;
pub mod backup;
pub mod cross_signing;
pub mod error;
pub mod exports;
pub mod guard;
pub mod history;
pub mod machine;
pub mod passphrase;
pub mod requests;
pub mod room;
pub mod runtime;
pub mod secret_storage;
pub mod store_cache;
pub mod sync;

/// Version of `matrix-sdk-crypto` compiled into this library, as that crate reports it.
pub fn matrix_sdk_crypto_version() -> &'static str {
    matrix_sdk_crypto::VERSION
}

/// Version of `vodozemac` compiled into this library, as that crate reports it.
pub fn vodozemac_version() -> &'static str {
    matrix_sdk_crypto::vodozemac::VERSION
}
