package de.amtsdesk.core.store;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The keys of one data directory after a successful unlock: sub-keys of the vault's data key, derived with
 * HKDF-SHA256 under distinct labels, so knowing one (say, the crypto-store key inside the Rust library) says
 * nothing about another.
 *
 * <p>Every accessor returns a fresh copy; the caller zeroes it when done. {@link #close()} zeroes the vault's
 * own copies; afterwards the accessors throw.
 */
public final class UnlockedVault implements AutoCloseable {

    static final String DATABASE_NAME = "amtsdesk";
    static final String CRYPTO_STORE_DIRECTORY = "crypto-store";

    // HKDF info labels. Changing one changes the key it names and locks existing data out: they are format.
    private static final String LABEL_H2_FILE = "amtsdesk/vault/v1/h2-file-password";
    private static final String LABEL_H2_USER = "amtsdesk/vault/v1/h2-user-password";
    private static final String LABEL_CRYPTO_STORE = "amtsdesk/vault/v1/crypto-store-key";

    private final Path directory;
    private final Argon2idParameters cost;
    private final char[] h2FilePassword;
    private final char[] h2UserPassword;
    private final byte[] cryptoStoreKey;
    private volatile boolean closed;

    /** Derives the sub-keys; the caller keeps (and zeroes) the data key. */
    UnlockedVault(Path directory, Argon2idParameters cost, byte[] dataKey) {
        this.directory = directory;
        this.cost = cost;
        this.h2FilePassword = hexSubKey(dataKey, LABEL_H2_FILE);
        this.h2UserPassword = hexSubKey(dataKey, LABEL_H2_USER);
        this.cryptoStoreKey = VaultCrypto.hkdf(dataKey, LABEL_CRYPTO_STORE, VaultCrypto.KEY_BYTES);
    }

    private static char[] hexSubKey(byte[] dataKey, String label) {
        byte[] key = VaultCrypto.hkdf(dataKey, label, VaultCrypto.KEY_BYTES);
        try {
            // Hex, because H2 takes passwords as characters and splits "file user" at the first space.
            return VaultCrypto.hex(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The data directory (one per workstation profile). */
    public Path directory() {
        return directory;
    }

    /** The H2 database file ({@code amtsdesk.mv.db}); it exists once {@link AppDatabase} has opened it. */
    public Path databaseFile() {
        return directory.resolve(DATABASE_NAME + ".mv.db");
    }

    /** Where the Rust crypto store (matrix-sdk-sqlite) keeps its files; created with the vault. */
    public Path cryptoStoreDirectory() {
        return directory.resolve(CRYPTO_STORE_DIRECTORY);
    }

    /** The Argon2id cost the vault was unlocked with, so the app can suggest raising old parameters. */
    public Argon2idParameters kdfParameters() {
        return cost;
    }

    /** The H2 file password (64 hex characters; the AES key of {@code CIPHER=AES} is derived from it). */
    public char[] h2FilePassword() {
        ensureOpen();
        return h2FilePassword.clone();
    }

    /** The password of the H2 user (64 hex characters), the second half of H2's "file user" password. */
    public char[] h2UserPassword() {
        ensureOpen();
        return h2UserPassword.clone();
    }

    /** The key for {@code SqliteCryptoStore::open_with_key}: exactly 32 bytes. */
    public byte[] cryptoStoreKey() {
        ensureOpen();
        return cryptoStoreKey.clone();
    }

    public boolean isClosed() {
        return closed;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the vault of " + directory + " was closed");
        }
    }

    /** Zeroes the keys held here. Copies handed out earlier are their holders' to zero. */
    @Override
    public void close() {
        closed = true;
        Arrays.fill(h2FilePassword, '\0');
        Arrays.fill(h2UserPassword, '\0');
        Arrays.fill(cryptoStoreKey, (byte) 0);
    }

    @Override
    public String toString() {
        return "UnlockedVault[" + directory + (closed ? ", closed" : "") + "]";
    }
}
