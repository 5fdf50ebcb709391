package de.amtsdesk.core.store;

/**
 * Cost parameters of Argon2id (RFC 9106) for turning the caseworker's passphrase into the master key. They are
 * stored in the vault header, so a later release can raise them for new vaults (and on the next passphrase
 * change) without breaking existing ones. Chosen and measured in ADR 0004.
 *
 * @param memoryKiB   memory cost in KiB
 * @param iterations  number of passes over the memory
 * @param parallelism number of lanes; BouncyCastle computes lanes one after the other, so more lanes only cost
 *                    time here, which is why the default is 1
 */
public record Argon2idParameters(int memoryKiB, int iterations, int parallelism) {

    /** What new vaults get: 64 MiB, 3 passes, 1 lane (RFC 9106's memory-constrained choice, one lane). */
    public static final Argon2idParameters RECOMMENDED = new Argon2idParameters(64 * 1024, 3, 1);

    /**
     * The weakest a new vault may be: OWASP's Argon2id floor (19 MiB, 2 passes, 1 lane). Tests use it to stay
     * fast; {@link Vault#create} refuses anything cheaper.
     */
    public static final Argon2idParameters MINIMUM = new Argon2idParameters(19 * 1024, 2, 1);

    /**
     * Upper bounds accepted when reading a header. A damaged or hostile header must not make the unlock
     * allocate gigabytes or run for minutes before the passphrase is even checked.
     */
    static final int MAX_MEMORY_KIB = 1024 * 1024;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;

    /** Whether these are plausible header values (Argon2's own floor of 8 KiB per lane, our ceilings). */
    boolean withinReadableBounds() {
        return parallelism >= 1 && parallelism <= MAX_PARALLELISM
                && iterations >= 1 && iterations <= MAX_ITERATIONS
                && memoryKiB >= 8 * parallelism && memoryKiB <= MAX_MEMORY_KIB;
    }

    /** Whether these are at least as costly as {@link #MINIMUM} in every dimension that matters for attackers. */
    boolean atLeastMinimum() {
        return memoryKiB >= MINIMUM.memoryKiB && iterations >= MINIMUM.iterations && parallelism >= 1;
    }

    @Override
    public String toString() {
        return "Argon2id[m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism + "]";
    }
}
