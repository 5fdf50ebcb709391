package de.amtsdesk.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Helpers shared by the store tests: cheap Argon2id cost, directory fingerprints, byte scans. */
final class TestVaults {

    /** The weakest cost create() allows; the real cost is exercised once in VaultTest. */
    static final Argon2idParameters FAST = Argon2idParameters.MINIMUM;

    private TestVaults() {
    }

    static UnlockedVault create(Path dir, String passphrase) throws VaultException {
        return Vault.create(dir, passphrase.toCharArray(), FAST);
    }

    static UnlockedVault unlock(Path dir, String passphrase) throws VaultException {
        return Vault.unlock(dir, passphrase.toCharArray());
    }

    /** SHA-256 of every file under dir (relative path → hex), and directories as entries too. */
    static Map<String, String> fingerprint(Path dir) {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String name = dir.relativize(path).toString();
                if (Files.isDirectory(path)) {
                    result.put(name + "/", "dir");
                } else {
                    byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
                    result.put(name, HexFormat.of().formatHex(digest) + " mtime="
                            + Files.getLastModifiedTime(path).toMillis());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    /** Every regular file under dir with its bytes. */
    static Map<Path, byte[]> files(Path dir) {
        Map<Path, byte[]> result = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(path)) {
                    result.put(path, Files.readAllBytes(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
