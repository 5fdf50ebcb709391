package de.amtsdesk.crypto;

import java.util.Objects;

/**
 * Encryption of attachments (files, images) for encrypted rooms: AES-256-CTR with a fresh key per
 * file and a SHA-256 of the ciphertext, as matrix-sdk-crypto implements it. Stateless and
 * thread-safe; works on whole byte arrays (attachments are size-limited by the homeserver).
 */
public final class Attachments {

    private Attachments() {
    }

    /** Encrypts {@code plaintext} with a fresh key. */
    public static EncryptedAttachment encrypt(byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        NativeLibraryLoader.ensureLoaded();
        Object[] result = CryptoNative.encryptAttachment(plaintext);
        return new EncryptedAttachment((byte[]) result[0], (String) result[1]);
    }

    /**
     * Decrypts a downloaded attachment.
     *
     * @param encryptedFileJson the event's {@code file} object ({@code "url"} may be present)
     * @throws CryptoNativeException if the JSON is not a usable {@code EncryptedFile} or the
     *     ciphertext does not match its SHA-256 (altered or truncated download)
     */
    public static byte[] decrypt(byte[] ciphertext, String encryptedFileJson) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(encryptedFileJson, "encryptedFileJson");
        NativeLibraryLoader.ensureLoaded();
        return CryptoNative.decryptAttachment(ciphertext, encryptedFileJson);
    }
}
