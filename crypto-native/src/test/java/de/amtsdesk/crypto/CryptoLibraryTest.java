package de.amtsdesk.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CryptoLibraryTest {

    private static final String SEMVER = "\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?";

    @Test
    void matrixSdkCryptoVersionIsTheOneCargoLockRecords() throws IOException {
        String version = CryptoLibrary.matrixSdkCryptoVersion();

        assertThat(version).matches(SEMVER);
        assertThat(version).isEqualTo(lockedVersionOf("matrix-sdk-crypto"));
    }

    @Test
    void vodozemacVersionIsTheOneCargoLockRecords() throws IOException {
        String version = CryptoLibrary.vodozemacVersion();

        assertThat(version).matches(SEMVER);
        assertThat(version).isEqualTo(lockedVersionOf("vodozemac"));
    }

    /** The one version Cargo.lock records for {@code crate}; fails if there is none or several. */
    private static String lockedVersionOf(String crate) throws IOException {
        Path moduleDir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path lockFile = moduleDir.resolve("../crypto-native/Cargo.lock").normalize();
        List<String> versions = new ArrayList<>();
        String name = null;
        for (String line : Files.readAllLines(lockFile)) {
            if (line.equals("[[package]]")) {
                name = null;
            } else if (line.startsWith("name = ")) {
                name = unquote(line.substring("name = ".length()));
            } else if (line.startsWith("version = ") && crate.equals(name)) {
                versions.add(unquote(line.substring("version = ".length())));
            }
        }
        assertThat(versions).as("versions of %s in %s", crate, lockFile).hasSize(1);
        return versions.getFirst();
    }

    private static String unquote(String tomlString) {
        assertThat(tomlString).startsWith("\"").endsWith("\"");
        return tomlString.substring(1, tomlString.length() - 1);
    }
}
