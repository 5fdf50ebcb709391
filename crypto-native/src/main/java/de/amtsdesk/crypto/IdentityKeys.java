package de.amtsdesk.crypto;

import java.util.Objects;

/**
 * The public identity keys of one Matrix device, each as unpadded base64 of 32 bytes.
 *
 * @param curve25519 the key other devices establish Olm sessions with
 * @param ed25519 the key the device signs with (its fingerprint)
 */
public record IdentityKeys(String curve25519, String ed25519) {

    public IdentityKeys {
        Objects.requireNonNull(curve25519, "curve25519");
        Objects.requireNonNull(ed25519, "ed25519");
    }
}
