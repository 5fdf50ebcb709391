//! Argon2id (RFC 9106, version 0x13) for the vault: the caseworker's passphrase becomes the master
//! key here, with RustCrypto's `argon2` crate (ADR 0025). Natively because the 64 MiB of work
//! memory then lives outside the Java heap: it is freed (and zeroed) when the call returns instead
//! of staying committed to the heap through the rest of the start, and the compression function
//! runs compiled from the first call instead of waiting for the JIT.

use argon2::{Algorithm, Argon2, Params, Version};
use zeroize::Zeroizing;

use crate::error::{NativeError, NativeResult};

/// The derived key, `output_length` bytes. Parameters outside what RFC 9106 allows are refused
/// with a message naming them; the caller's copies of passphrase and salt are its own to wipe.
pub fn argon2id(
    passphrase: &[u8],
    salt: &[u8],
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
    output_length: usize,
) -> NativeResult<Zeroizing<Vec<u8>>> {
    let params =
        Params::new(memory_kib, iterations, parallelism, Some(output_length)).map_err(|error| {
            NativeError::invalid_argument(format!(
                "Argon2id parameters m={memory_kib} KiB, t={iterations}, p={parallelism}, \
                 {output_length} bytes out: {error}"
            ))
        })?;
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let mut out = Zeroizing::new(vec![0u8; output_length]);
    argon2
        .hash_password_into(passphrase, salt, &mut out)
        .map_err(|error| {
            NativeError::invalid_argument(format!("Argon2id refused its input: {error}"))
        })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    // RFC 9106 section 5.3 uses a secret and associated data, which the vault does not; this is
    // the reference implementation's (phc-winner-argon2) Argon2id v0x13 vector for
    // "password"/"somesalt", t=2, m=2^16 KiB, p=1 (its test.c).
    #[test]
    fn matches_the_reference_implementation() {
        let key = argon2id(b"password", b"somesalt", 1 << 16, 2, 1, 32).unwrap();
        assert_eq!(
            hex(&key),
            "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7"
        );
    }

    #[test]
    fn refuses_parameters_outside_the_rfc_with_a_message_naming_them() {
        let error = argon2id(b"password", b"somesalt", 1, 2, 1, 32).unwrap_err();
        assert!(error.to_string().contains("m=1 KiB"), "{error}");
        let error = argon2id(b"password", b"short", 64, 2, 1, 32).unwrap_err();
        assert!(error.to_string().contains("refused"), "{error}");
    }
}
