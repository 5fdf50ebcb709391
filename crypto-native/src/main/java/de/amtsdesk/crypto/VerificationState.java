package de.amtsdesk.crypto;

/**
 * How far the sender of a decrypted room event can be trusted: matrix-sdk-crypto's {@code VerificationState} and
 * {@code VerificationLevel} of the event's {@code EncryptionInfo}, one constant per case. A sender that does not own
 * the room key ({@code MismatchedSender}) is no trust level: such an event is refused with
 * {@link DecryptionFailedException.Reason#MISMATCHED_SENDER}.
 */
public enum VerificationState {
    /** Sent from a device of a user we verified, and that device is cross-signed: authentic. */
    VERIFIED,
    /** Sent from a cross-signed device of a user we have not verified (the usual case for citizens). */
    UNVERIFIED_IDENTITY,
    /** The sender's identity was verified before and has changed since: a strong warning. */
    VERIFICATION_VIOLATION,
    /** Sent from a device its owner did not cross-sign (or the owner has no cross-signing identity at all). */
    UNSIGNED_DEVICE,
    /** The sending device is not known (deleted, not downloaded yet, or never announced). */
    UNKNOWN_DEVICE,
    /**
     * The room key came from an insecure source (key export file, key backup, unsafe forward), so the sending
     * device cannot be vouched for.
     */
    INSECURE_SOURCE
}
