package de.amtsdesk.crypto;

/**
 * One result of {@link OlmMachineHandle#decryptRoomEvents}: exactly one of the two is non-null.
 *
 * @param event the decrypted event
 * @param failure why it could not be decrypted
 */
public record DecryptionResult(DecryptedEvent event, DecryptionFailedException failure) {

    public DecryptionResult {
        if ((event == null) == (failure == null)) {
            throw new IllegalArgumentException("exactly one of event and failure must be set");
        }
    }

    /** The event, or throws its failure. */
    public DecryptedEvent orThrow() {
        if (failure != null) {
            throw failure;
        }
        return event;
    }
}
