package de.amtsdesk.crypto;

/** How far the sender of a decrypted room event can be trusted. */
public enum VerificationState {
    /** Sent from a device of a user we verified, and that device is cross-signed: authentic. */
    VERIFIED,
    /** Sent from a cross-signed device of a user we have not verified (the usual case for citizens). */
    UNVERIFIED,
    /** Sent from a device its owner did not cross-sign. */
    UNSIGNED_DEVICE,
    /** The sending device is unknown, or the key came from an insecure source (key export, backup). */
    UNKNOWN_DEVICE
}
