package de.amtsdesk.crypto;

import java.util.Objects;

/**
 * An encrypted attachment.
 *
 * @param ciphertext what to upload to the media repository
 * @param encryptedFileJson the {@code EncryptedFile} object for the event, without {@code "url"}:
 *     {@code {"v":"v2","key":{…JWK…},"iv":…,"hashes":{"sha256":…}}}; add the {@code mxc://} URL of
 *     the upload as {@code "url"}
 */
public record EncryptedAttachment(byte[] ciphertext, String encryptedFileJson) {

    public EncryptedAttachment {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(encryptedFileJson, "encryptedFileJson");
    }

    @Override
    public String toString() {
        return "EncryptedAttachment[" + ciphertext.length + " bytes]";
    }
}
