package de.amtsdesk.core.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys of one data directory after a successful unlock: sub-keys of the vault's data key, derived with
 * HKDF-SHA256 under distinct labels, so knowing one (say, the crypto-store key inside the Rust library) says
 * nothing about another.
 *
 * <p>Every accessor returns a fresh copy; the caller zeroes it when done. {@link #close()} zeroes the vault's
 * own copies; afterwards the accessors throw.
 *
 * <p><b>Profiles.</b> One passphrase may open more than one account's store: {@link #profile(String)} gives the keys
 * of a second profile (e.g. {@code "staff"}, the caseworker's personal account) under
 * {@code <dataDir>/profiles/<name>/}. Its keys come from a profile root key, itself derived from the data key under
 * its own label, and then under labels that name the profile; the main profile's labels and files are unchanged.
 * A profile's vault is closed (and zeroed) with its parent.
 */
public final class UnlockedVault implements AutoCloseable {

    static final String DATABASE_NAME = "amtsdesk";
    static final String CRYPTO_STORE_DIRECTORY = "crypto-store";

    // HKDF info labels. Changing one changes the key it names and locks existing data out: they are format.
    private static final String LABEL_H2_FILE = "amtsdesk/vault/v1/h2-file-password";
    private static final String LABEL_H2_USER = "amtsdesk/vault/v1/h2-user-password";
    private static final String LABEL_CRYPTO_STORE = "amtsdesk/vault/v1/crypto-store-key";
    /** Root of every further profile's keys; then {@code …/profile/<name>/<purpose>} from that root. */
    private static final String LABEL_PROFILE_ROOT = "amtsdesk/vault/v1/profile-root";
    private static final String LABEL_PROFILE_PREFIX = "amtsdesk/vault/v1/profile/";
    static final String PROFILES_DIRECTORY = "profiles";
    private static final Pattern PROFILE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final Path directory;
    private final Argon2idParameters cost;
    private final char[] h2FilePassword;
    private final char[] h2UserPassword;
    private final byte[] cryptoStoreKey;
    /** Only the main profile has one (profiles do not nest); zeroed on close. */
    private final byte[] profileRootKey;
    private final String profileName;
    private final Map<String, UnlockedVault> profiles = new LinkedHashMap<>();
    private final Object lock = new Object();
    private volatile boolean closed;

    /** Derives the sub-keys; the caller keeps (and zeroes) the data key. */
    UnlockedVault(Path directory, Argon2idParameters cost, byte[] dataKey) {
        this.directory = directory;
        this.cost = cost;
        this.profileName = null;
        this.h2FilePassword = hexSubKey(dataKey, LABEL_H2_FILE);
        this.h2UserPassword = hexSubKey(dataKey, LABEL_H2_USER);
        this.cryptoStoreKey = VaultCrypto.hkdf(dataKey, LABEL_CRYPTO_STORE, VaultCrypto.KEY_BYTES);
        this.profileRootKey = VaultCrypto.hkdf(dataKey, LABEL_PROFILE_ROOT, VaultCrypto.KEY_BYTES);
    }

    /** A further profile's keys, from the parent's profile root key under labels naming the profile. */
    private UnlockedVault(Path directory, Argon2idParameters cost, byte[] profileRootKey, String name) {
        this.directory = directory;
        this.cost = cost;
        this.profileName = name;
        String prefix = LABEL_PROFILE_PREFIX + name + "/";
        this.h2FilePassword = hexSubKey(profileRootKey, prefix + "h2-file-password");
        this.h2UserPassword = hexSubKey(profileRootKey, prefix + "h2-user-password");
        this.cryptoStoreKey = VaultCrypto.hkdf(profileRootKey, prefix + "crypto-store-key", VaultCrypto.KEY_BYTES);
        this.profileRootKey = null;
    }

    /**
     * The keys of a further profile behind the same passphrase, e.g. {@code profile("staff")} for the caseworker's
     * personal staff account. Its directory {@code <dataDir>/profiles/<name>/} (with its own H2 file and crypto
     * store) is created owner-only if missing. The same name gives the same (open) object until the vault closes;
     * closing this vault closes and zeroes every profile's keys too.
     *
     * @param name lower-case letters, digits and '-', starting with a letter, at most 32 characters
     * @throws VaultException {@code IO} when the directory cannot be created
     * @throws IllegalStateException on a closed vault or on a profile's vault (profiles do not nest)
     */
    public UnlockedVault profile(String name) throws VaultException {
        synchronized (lock) {
            return openProfile(name);
        }
    }

    private UnlockedVault openProfile(String name) throws VaultException {
        ensureOpen();
        if (profileRootKey == null) {
            throw new IllegalStateException("profile " + profileName + " has no further profiles");
        }
        if (name == null || !PROFILE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a profile name: " + name);
        }
        UnlockedVault known = profiles.get(name);
        if (known != null && !known.isClosed()) {
            return known;
        }
        Path dir = directory.resolve(PROFILES_DIRECTORY).resolve(name);
        try {
            Vault.createPrivateDirectory(directory.resolve(PROFILES_DIRECTORY));
            Vault.createPrivateDirectory(dir);
            Vault.createPrivateDirectory(dir.resolve(CRYPTO_STORE_DIRECTORY));
        } catch (IOException e) {
            throw new VaultException(VaultException.Kind.IO, dir, "cannot create the profile directory: " + e, e);
        }
        UnlockedVault profile = new UnlockedVault(dir, cost, profileRootKey, name);
        profiles.put(name, profile);
        return profile;
    }

    /** The profile's name, empty for the main profile (the data directory itself). */
    public Optional<String> profileName() {
        return Optional.ofNullable(profileName);
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

    /**
     * Zeroes the keys held here, and those of every profile opened from this vault. Copies handed out earlier are
     * their holders' to zero.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            profiles.values().forEach(UnlockedVault::close);
            profiles.clear();
            Arrays.fill(h2FilePassword, '\0');
            Arrays.fill(h2UserPassword, '\0');
            Arrays.fill(cryptoStoreKey, (byte) 0);
            if (profileRootKey != null) {
                Arrays.fill(profileRootKey, (byte) 0);
            }
        }
    }

    @Override
    public String toString() {
        return "UnlockedVault[" + directory + (profileName == null ? "" : ", profile " + profileName)
                + (closed ? ", closed" : "") + "]";
    }
}
