package de.amtsdesk.core.store;

/** Whether a stored event's clear content is known. */
public enum DecryptionStatus {
    /** Sent unencrypted (state events, unencrypted rooms): the content is the raw content. */
    PLAINTEXT,
    /** Decrypted; type and content are the clear ones. */
    DECRYPTED,
    /** Not (yet) decryptable, usually because the Megolm key has not arrived; retried by session id. */
    UNABLE_TO_DECRYPT
}
