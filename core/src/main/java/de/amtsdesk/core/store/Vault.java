package de.amtsdesk.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one caseworker unlock: a passphrase opens a data directory's keys (ADR 0004).
 *
 * <pre>
 * passphrase ──Argon2id(salt, cost)──► master key ──AES-256-GCM unwrap──► data key (random, 32 bytes)
 *   data key ──HKDF-SHA256 "…h2-file-password"──► H2 file password (CIPHER=AES)
 *            ──HKDF-SHA256 "…h2-user-password"──► H2 user password
 *            ──HKDF-SHA256 "…crypto-store-key"──► key of the Rust crypto store
 * </pre>
 *
 * The data key never changes, so a new passphrase rewraps only the header and neither database is re-encrypted.
 * Passphrases are the caller's: they are read, never kept, and never zeroed here (the caller zeroes its field).
 */
public final class Vault {

    private static final Logger LOG = LoggerFactory.getLogger(Vault.class);
    private static final String TEMPORARY_HEADER = VaultHeader.FILE_NAME + ".tmp";

    private Vault() {
    }

    /** Whether the directory holds a vault header (first start on this profile if not). */
    public static boolean exists(Path directory) {
        return Files.isRegularFile(directory.resolve(VaultHeader.FILE_NAME));
    }

    /**
     * Gets the key derivation ready while the passphrase is still being typed (loads the native library it runs in).
     * Optional and cheap to repeat; call it off the UI thread.
     */
    public static void prepareUnlock() {
        Argon2id.prepare();
    }

    /** Creates a vault with {@link Argon2idParameters#RECOMMENDED} cost. */
    public static UnlockedVault create(Path directory, char[] passphrase) throws VaultException {
        return create(directory, passphrase, Argon2idParameters.RECOMMENDED);
    }

    /**
     * Creates a vault in {@code directory} (made if missing, owner-only where the file system has POSIX
     * permissions) with a fresh random data key, and the crypto-store directory beside it.
     *
     * @throws VaultException {@code ALREADY_EXISTS} if a header is there already, {@code IO} if it cannot be written
     * @throws IllegalArgumentException for an empty passphrase or a cost below {@link Argon2idParameters#MINIMUM}
     */
    public static UnlockedVault create(Path directory, char[] passphrase, Argon2idParameters cost)
            throws VaultException {
        requirePassphrase(passphrase);
        if (!cost.atLeastMinimum() || !cost.withinReadableBounds()) {
            throw new IllegalArgumentException("Argon2id cost " + cost + " is below the minimum or above the ceiling");
        }
        Path dir = directory.toAbsolutePath().normalize();
        if (exists(dir)) {
            throw new VaultException(VaultException.Kind.ALREADY_EXISTS, dir, "a vault exists already");
        }
        byte[] dataKey = VaultCrypto.random(VaultCrypto.KEY_BYTES);
        try {
            createPrivateDirectory(dir);
            createPrivateDirectory(dir.resolve(UnlockedVault.CRYPTO_STORE_DIRECTORY));
            writeHeader(dir, wrap(dataKey, passphrase, cost), false);
            LOG.info("vault created in {} with {}", dir, cost);
            return new UnlockedVault(dir, cost, dataKey);
        } catch (FileAlreadyExistsException e) {
            throw new VaultException(VaultException.Kind.ALREADY_EXISTS, dir, "a vault was created at the same time");
        } catch (IOException e) {
            throw new VaultException(VaultException.Kind.IO, dir, "cannot write the vault: " + e, e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Opens the vault. Reads the header and nothing else, writes nothing; with the wrong passphrase the
     * directory is exactly as before.
     *
     * @throws WrongPassphraseException if the passphrase does not open the vault
     * @throws VaultException {@code NOT_FOUND}, {@code CORRUPT}, {@code UNSUPPORTED_VERSION} or {@code IO}
     */
    public static UnlockedVault unlock(Path directory, char[] passphrase) throws VaultException {
        Path dir = directory.toAbsolutePath().normalize();
        long started = System.nanoTime();
        VaultHeader header = readHeader(dir);
        byte[] dataKey = unwrap(header, passphrase, dir);
        try {
            UnlockedVault vault = new UnlockedVault(dir, header.cost(), dataKey);
            LOG.info("vault in {} unlocked in {} ms ({})", dir, (System.nanoTime() - started) / 1_000_000,
                    header.cost());
            return vault;
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** Changes the passphrase and keeps the header's Argon2id cost. */
    public static void changePassphrase(Path directory, char[] oldPassphrase, char[] newPassphrase)
            throws VaultException {
        Path dir = directory.toAbsolutePath().normalize();
        changePassphrase(dir, oldPassphrase, newPassphrase, readHeader(dir).cost());
    }

    /**
     * Rewraps the data key under a new passphrase and (possibly raised) cost. Only the header changes, by an
     * atomic replace: a crash leaves either the old or the new header, never half of one. Both databases stay
     * as they are because the data key does not change. Old and new passphrase may be equal (to raise the cost).
     *
     * @throws WrongPassphraseException if {@code oldPassphrase} is wrong; nothing is written then
     */
    public static void changePassphrase(Path directory, char[] oldPassphrase, char[] newPassphrase,
            Argon2idParameters cost) throws VaultException {
        requirePassphrase(newPassphrase);
        if (!cost.atLeastMinimum() || !cost.withinReadableBounds()) {
            throw new IllegalArgumentException("Argon2id cost " + cost + " is below the minimum or above the ceiling");
        }
        Path dir = directory.toAbsolutePath().normalize();
        byte[] dataKey = unwrap(readHeader(dir), oldPassphrase, dir);
        try {
            writeHeader(dir, wrap(dataKey, newPassphrase, cost), true);
            LOG.info("vault passphrase in {} changed ({})", dir, cost);
        } catch (IOException e) {
            throw new VaultException(VaultException.Kind.IO, dir, "cannot replace the vault header: " + e, e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private static void requirePassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("an empty passphrase protects nothing");
        }
    }

    private static VaultHeader wrap(byte[] dataKey, char[] passphrase, Argon2idParameters cost) {
        byte[] salt = VaultCrypto.random(VaultCrypto.SALT_BYTES);
        byte[] nonce = VaultCrypto.random(VaultCrypto.NONCE_BYTES);
        VaultHeader unsealed = new VaultHeader(VaultHeader.CURRENT_VERSION, cost, salt, nonce, new byte[0]);
        byte[] masterKey = VaultCrypto.masterKey(passphrase, salt, cost);
        try {
            byte[] wrapped = VaultCrypto.seal(masterKey, nonce, dataKey, unsealed.associatedData());
            return new VaultHeader(VaultHeader.CURRENT_VERSION, cost, salt, nonce, wrapped);
        } finally {
            Arrays.fill(masterKey, (byte) 0);
        }
    }

    private static byte[] unwrap(VaultHeader header, char[] passphrase, Path dir) throws VaultException {
        if (passphrase == null || passphrase.length == 0) {
            throw new WrongPassphraseException(dir);
        }
        byte[] masterKey = VaultCrypto.masterKey(passphrase, header.salt(), header.cost());
        try {
            return VaultCrypto.open(masterKey, header.nonce(), header.wrappedKey(), header.associatedData());
        } catch (InvalidCipherTextException e) {
            LOG.info("vault in {} refused the passphrase", dir);
            throw new WrongPassphraseException(dir);
        } finally {
            Arrays.fill(masterKey, (byte) 0);
        }
    }

    private static VaultHeader readHeader(Path dir) throws VaultException {
        Path file = dir.resolve(VaultHeader.FILE_NAME);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new VaultException(VaultException.Kind.NOT_FOUND, dir, "no vault header " + VaultHeader.FILE_NAME);
        } catch (AccessDeniedException e) {
            throw new VaultException(VaultException.Kind.IO, dir, "the vault header cannot be read (access denied)", e);
        } catch (IOException e) {
            throw new VaultException(VaultException.Kind.IO, dir, "the vault header cannot be read: " + e, e);
        }
        return VaultHeader.parse(bytes, dir);
    }

    /**
     * Writes the header next to its place and renames it over: readers see the old or the new header, never a
     * torn one. The temporary file is synced first so the rename cannot overtake its contents after a crash.
     */
    private static void writeHeader(Path dir, VaultHeader header, boolean replace) throws IOException {
        Path target = dir.resolve(VaultHeader.FILE_NAME);
        Path temporary = dir.resolve(TEMPORARY_HEADER);
        Files.deleteIfExists(temporary);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            restrictToOwner(temporary, "rw-------");
            channel.write(java.nio.ByteBuffer.wrap(header.toJson()));
            channel.force(true);
        }
        try {
            if (replace) {
                moveAtomically(temporary, target);
            } else {
                // Plain rename that refuses an existing target: two creates racing must not clobber each other.
                Files.move(temporary, target);
            }
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        syncDirectory(dir);
    }

    private static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename durable on POSIX systems; Windows cannot open directories and needs no such step. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("directory sync not available for {}: {}", dir, e.toString());
        }
    }

    static void createPrivateDirectory(Path dir) throws IOException {
        boolean existed = Files.isDirectory(dir);
        Files.createDirectories(dir);
        if (!existed) {
            restrictToOwner(dir, "rwx------");
        }
    }

    /** Owner-only permissions where POSIX permissions exist; on Windows the profile directory's ACL applies. */
    private static void restrictToOwner(Path path, String permissions) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(PosixFilePermissions.fromString(permissions));
        }
    }
}
