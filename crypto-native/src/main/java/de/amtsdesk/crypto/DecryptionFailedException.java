package de.amtsdesk.crypto;

import java.util.Objects;

/**
 * A room event could not be decrypted. {@link #reason()} tells the host what to do:
 * {@link Reason#MISSING_ROOM_KEY} and {@link Reason#UNKNOWN_MESSAGE_INDEX} may heal once the key
 * arrives (retry when {@link OlmMachineHandle#receiveSyncChanges} lists it in
 * {@code room_key_updates}, or after a backup restore); the others will not.
 */
public class DecryptionFailedException extends CryptoNativeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** We do not have the Megolm session the event was encrypted with (yet), or it was withheld. */
        MISSING_ROOM_KEY,
        /** We have the session, but only from a later message index on. */
        UNKNOWN_MESSAGE_INDEX,
        /** Not an encrypted event we can read: bad JSON, missing fields, unsupported algorithm. */
        MALFORMED_EVENT,
        /** The event's sender is not the owner of the session it was encrypted with (forged). */
        MISMATCHED_SENDER,
        /** Anything else (bad MAC, store failure, …); the message says what. */
        OTHER
    }

    private final Reason reason;

    public DecryptionFailedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
