package de.amtsdesk.core.conversation;

/**
 * How far one message can be trusted to come from its sender's device unread by others, as decided when it arrived
 * (ADR 0007). The stored form is the constant's name in {@code events.verification_state}; {@link #NONE} and
 * {@link #UNKNOWN} are never stored (they are what {@code NULL} reads as).
 *
 * <p>The first six mirror matrix-sdk-crypto's verification state of the decrypted event
 * ({@code de.amtsdesk.crypto.VerificationState}); {@link #OWN_DEVICE} and {@link #UNENCRYPTED} are Amtsdesk's own.
 */
public enum MessageTrust {
    /** Sent from a cross-signed device of a user this account verified. */
    VERIFIED(Severity.INFO),
    /** Sent from a device its owner cross-signed; the owner is not verified by us. The usual case for citizens. */
    UNVERIFIED_IDENTITY(Severity.INFO),
    /** The room key came from a key backup or export: the sending device cannot be vouched for. */
    INSECURE_SOURCE(Severity.INFO),
    /** Sent from a device its owner did not cross-sign (or the owner has no cross-signing at all). */
    UNSIGNED_DEVICE(Severity.CAUTION),
    /** The sending device is not known to us (deleted, not downloaded yet, or never announced). */
    UNKNOWN_DEVICE(Severity.CAUTION),
    /** The sender's identity was verified before and has changed since. */
    VERIFICATION_VIOLATION(Severity.WARNING),
    /** Arrived unencrypted in a room that is end-to-end encrypted: the server (or anyone on the way) could have read
     * or written it. */
    UNENCRYPTED(Severity.WARNING),
    /** Encrypted by this workstation itself (our own message coming back from the server). */
    OWN_DEVICE(Severity.NONE),
    /** A plaintext event in a room without encryption (nothing to say per message). */
    NONE(Severity.NONE),
    /** Decrypted, but stored before the trust was recorded (rows from before schema 4). */
    UNKNOWN(Severity.INFO);

    /** How loudly the conversation view shows the trust. */
    public enum Severity {
        /** No marker at all. */
        NONE,
        /** A small neutral marker; the words are in its tooltip and the accessible text. */
        INFO,
        /** A marker in the warning colour: check important requests through a second channel. */
        CAUTION,
        /** A marker in the alarm colour and the message text marked as a problem. */
        WARNING
    }

    private final Severity severity;

    MessageTrust(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** Whether this value is stored as itself ({@link #NONE} and {@link #UNKNOWN} are stored as {@code NULL}). */
    public boolean stored() {
        return this != NONE && this != UNKNOWN;
    }

    /** The stored form: the name, or {@code null} for {@link #NONE} and {@link #UNKNOWN}. */
    public String storedName() {
        return stored() ? name() : null;
    }

    /**
     * Reads the stored form back. {@code NULL} is {@link #UNKNOWN} for an event that was encrypted (the state was not
     * recorded) and {@link #NONE} for plaintext; a name this version does not know is {@link #UNKNOWN} too.
     */
    public static MessageTrust fromStored(String storedName, boolean wasEncrypted) {
        if (storedName == null) {
            return wasEncrypted ? UNKNOWN : NONE;
        }
        try {
            MessageTrust trust = valueOf(storedName);
            return trust.stored() ? trust : UNKNOWN;
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
