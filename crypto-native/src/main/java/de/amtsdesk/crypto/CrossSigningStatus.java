package de.amtsdesk.crypto;

/** Which private cross-signing keys this machine holds. */
public record CrossSigningStatus(boolean hasMaster, boolean hasSelfSigning, boolean hasUserSigning) {
}
