package de.amtsdesk.core.store;

import de.amtsdesk.crypto.CryptoLibrary;
import de.amtsdesk.crypto.NativeLibraryUnavailableException;
import de.amtsdesk.crypto.PassphraseKdf;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argon2id (RFC 9106, version 0x13) for the vault's master key. Computed in the native library (ADR 0025): its
 * 64 MiB of work memory then never grows the Java heap, which G1 would keep committed through the rest of the start,
 * and the first unlock after start runs compiled code. Both implementations give the same bytes (tested), so a vault
 * opens with either; BouncyCastle's serves where the native library cannot be loaded, so that such an installation
 * still unlocks and names its real problem when the Matrix engine needs the library.
 */
final class Argon2id {

    private static final Logger LOG = LoggerFactory.getLogger(Argon2id.class);
    private static final AtomicBoolean FALLBACK_REPORTED = new AtomicBoolean();

    /** One way of computing Argon2id; {@code secret} stays the caller's to wipe. */
    @FunctionalInterface
    interface Implementation {
        byte[] derive(byte[] secret, byte[] salt, Argon2idParameters cost, int length);
    }

    static final Implementation NATIVE = (secret, salt, cost, length) -> PassphraseKdf.argon2id(secret, salt,
            cost.memoryKiB(), cost.iterations(), cost.parallelism(), length);

    static final Implementation JAVA = (secret, salt, cost, length) -> {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        // generateBytes(byte[]) rather than (char[]): the char variant makes a byte copy we could not zero.
        generator.generateBytes(secret, out);
        return out;
    };

    private Argon2id() {
    }

    /**
     * Loads the native library ahead (it is extracted from the jar first), so that the unlock does not wait for it;
     * a library that cannot be loaded is left to {@link #derive} to report.
     */
    static void prepare() {
        try {
            CryptoLibrary.load();
        } catch (NativeLibraryUnavailableException e) {
            // derive() falls back to Java and says so once.
        }
    }

    static byte[] derive(byte[] secret, byte[] salt, Argon2idParameters cost, int length) {
        return derive(NATIVE, JAVA, secret, salt, cost, length);
    }

    static byte[] derive(Implementation preferred, Implementation fallback, byte[] secret, byte[] salt,
            Argon2idParameters cost, int length) {
        try {
            return preferred.derive(secret, salt, cost, length);
        } catch (NativeLibraryUnavailableException e) {
            if (FALLBACK_REPORTED.compareAndSet(false, true)) {
                LOG.warn("native crypto library not loaded ({}); Argon2id runs in Java", e.getMessage());
            }
            return fallback.derive(secret, salt, cost, length);
        }
    }
}
