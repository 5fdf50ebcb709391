//! Encrypted attachments (`m.file`, `m.image`, …): AES-CTR with a SHA-256 of the ciphertext, as
//! matrix-sdk-crypto's `AttachmentEncryptor`/`AttachmentDecryptor` implement it.

use std::io::{Cursor, Read};

use matrix_sdk_crypto::{AttachmentDecryptor, AttachmentEncryptor, MediaEncryptionInfo};

use crate::error::{NativeError, NativeResult};

/// `(ciphertext, EncryptedFile JSON without "url": {"v","key","iv","hashes"})`.
pub fn encrypt(plaintext: &[u8]) -> NativeResult<(Vec<u8>, String)> {
    let mut reader = Cursor::new(plaintext);
    let mut encryptor = AttachmentEncryptor::new(&mut reader);
    let mut ciphertext = Vec::with_capacity(plaintext.len());
    encryptor.read_to_end(&mut ciphertext).map_err(|error| {
        NativeError::crypto(format!("could not encrypt the attachment: {error}"))
    })?;
    let info = encryptor.finish();
    let json = serde_json::to_string(&info).map_err(|error| {
        NativeError::Internal(format!("could not serialize the attachment key: {error}"))
    })?;
    Ok((ciphertext, json))
}

/// Decrypts and checks the SHA-256 of the ciphertext against `encrypted_file_json`.
pub fn decrypt(ciphertext: &[u8], encrypted_file_json: &str) -> NativeResult<Vec<u8>> {
    let info: MediaEncryptionInfo = serde_json::from_str(encrypted_file_json).map_err(|error| {
        NativeError::invalid_argument(format!(
            "encryptedFileJson is not an EncryptedFile (v, key, iv, hashes): {error}"
        ))
    })?;
    let mut reader = Cursor::new(ciphertext);
    let mut decryptor = AttachmentDecryptor::new(&mut reader, info).map_err(|error| {
        NativeError::invalid_argument(format!("encryptedFileJson cannot be used: {error}"))
    })?;
    let mut plaintext = Vec::with_capacity(ciphertext.len());
    decryptor.read_to_end(&mut plaintext).map_err(|error| {
        NativeError::crypto(format!(
            "the attachment does not match its SHA-256 hash, it was altered or belongs to another key: {error}"
        ))
    })?;
    Ok(plaintext)
}
