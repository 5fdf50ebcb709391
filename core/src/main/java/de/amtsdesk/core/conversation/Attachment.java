package de.amtsdesk.core.conversation;

/**
 * A file in a message. {@code encryptedFileJson} is the {@code EncryptedFile} object (url, key, iv, hashes) for
 * encrypted rooms; {@code plainUrl} is set for unencrypted rooms instead.
 */
public record Attachment(String name, String mimetype, long size, String encryptedFileJson, String plainUrl) {

    public boolean encrypted() {
        return encryptedFileJson != null;
    }
}
