package de.amtsdesk.crypto;

import java.util.Objects;

/**
 * Argon2id (RFC 9106, version 0x13) in the native library, for turning a passphrase into a key (ADR 0025). The work
 * memory (64 MiB at the vault's cost) is allocated, zeroed and freed natively, so it never grows the Java heap, and
 * the first call runs at full speed instead of waiting for the JIT. Stateless and thread-safe; the call blocks its
 * thread for as long as the cost asks (a platform thread, as every native call).
 */
public final class PassphraseKdf {

    private PassphraseKdf() {
    }

    /**
     * Derives {@code outputLength} bytes. The caller keeps ownership of {@code passphrase} (wipe it when done); the
     * native copy is zeroed before the call returns.
     *
     * @throws CryptoNativeException for parameters RFC 9106 does not allow (the message names them)
     * @throws NativeLibraryUnavailableException if the native library cannot be loaded
     */
    public static byte[] argon2id(byte[] passphrase, byte[] salt, int memoryKiB, int iterations, int parallelism,
            int outputLength) {
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(salt, "salt");
        NativeLibraryLoader.ensureLoaded();
        VirtualThreadCheck.beforeNativeCall();
        return CryptoNative.argon2id(passphrase, salt, memoryKiB, iterations, parallelism, outputLength);
    }
}
