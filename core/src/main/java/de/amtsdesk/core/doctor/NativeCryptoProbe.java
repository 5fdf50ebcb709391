package de.amtsdesk.core.doctor;

import de.amtsdesk.crypto.CryptoLibrary;
import de.amtsdesk.crypto.IdentityKeys;
import de.amtsdesk.crypto.OlmMachineHandle;

/**
 * Proves the native crypto library really works on this PC: loads it, reads its versions and creates a
 * throw-away in-memory Olm machine (which needs the platform's randomness and the whole Rust stack).
 */
public final class NativeCryptoProbe implements CryptoProbe {

    @Override
    public String describe() {
        CryptoLibrary.load();
        try (OlmMachineHandle machine = OlmMachineHandle.createInMemory("@doctor:amtsdesk.invalid", "DOCTORPROBE")) {
            IdentityKeys keys = machine.identityKeys();
            if (keys.curve25519().isEmpty() || keys.ed25519().isEmpty()) {
                throw new IllegalStateException("crypto machine returned empty identity keys");
            }
        }
        return "matrix-sdk-crypto " + CryptoLibrary.matrixSdkCryptoVersion() + ", vodozemac "
                + CryptoLibrary.vodozemacVersion();
    }
}
