package de.amtsdesk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryLoaderTest {

    private final ClassLoader classLoader = NativeLibraryLoaderTest.class.getClassLoader();

    @Test
    void theLibraryForThisPlatformIsOnTheClasspath() {
        String resource = NativeLibraryLoader.resourcePath(Platform.current());

        assertThat(resource).isEqualTo("/native/" + Platform.current().id() + "/"
                + System.mapLibraryName(NativeLibraryLoader.LIBRARY_BASE_NAME));
        assertThat(NativeLibraryLoader.class.getResource(resource)).as(resource).isNotNull();
    }

    @Test
    void ensureLoadedSucceedsAndIsIdempotent() {
        NativeLibraryLoader.ensureLoaded();
        NativeLibraryLoader.ensureLoaded();

        assertThat(CryptoNative.vodozemacVersion()).isNotBlank();
    }

    @Test
    void aPlatformWithoutABuildIsReportedWithTheResourceItLookedFor() {
        // This jar only carries the build machine's platform.
        Platform foreign = Platform.current().isWindows()
                ? Platform.of("Linux", "aarch64")
                : Platform.of("Windows 11", "amd64");

        assertThatThrownBy(() -> NativeLibraryLoader.load(foreign, null, classLoader))
                .isExactlyInstanceOf(NativeLibraryUnavailableException.class)
                .hasMessageContaining(NativeLibraryLoader.resourcePath(foreign))
                .hasMessageContaining("platform " + foreign.id());
    }

    @Test
    void aMissingOverrideFileIsReportedByPath(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere").resolve("libamtsdesk_crypto.so");

        assertThatThrownBy(() -> NativeLibraryLoader.load(Platform.current(), missing.toString(), classLoader))
                .isExactlyInstanceOf(NativeLibraryUnavailableException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining(NativeLibraryLoader.LIBRARY_PROPERTY)
                .hasMessageContaining(Platform.current().id());
    }

    @Test
    void anOverrideFileThatIsNoLibraryIsReportedByPath(@TempDir Path dir) throws IOException {
        Path notALibrary = Files.writeString(dir.resolve("libamtsdesk_crypto.so"), "this is not an ELF file");

        assertThatThrownBy(() -> NativeLibraryLoader.load(Platform.current(), notALibrary.toString(), classLoader))
                .isExactlyInstanceOf(NativeLibraryUnavailableException.class)
                .hasMessageContaining(notALibrary.toString())
                .hasCauseInstanceOf(UnsatisfiedLinkError.class);
    }

    @Test
    void copiesEarlierStartsLeftBehindAreRemovedButNotYoungOnesOrOthers(@TempDir Path temp) throws IOException {
        Path old = leftCopy(temp, "amtsdesk-crypto-111", java.time.Duration.ofHours(2));
        Path young = leftCopy(temp, "amtsdesk-crypto-222", java.time.Duration.ofMinutes(1));
        Path foreign = leftCopy(temp, "other-app-333", java.time.Duration.ofHours(2));

        int removed = NativeLibraryLoader.removeStaleCopies(temp, java.time.Duration.ofMinutes(10));

        assertThat(removed).isEqualTo(1);
        assertThat(old).doesNotExist();
        assertThat(young.resolve("amtsdesk_crypto.dll")).exists();
        assertThat(foreign.resolve("amtsdesk_crypto.dll")).exists();
    }

    @Test
    void tidyingUpAMissingTempFolderChangesNothing(@TempDir Path temp) {
        assertThat(NativeLibraryLoader.removeStaleCopies(temp.resolve("missing"), java.time.Duration.ZERO)).isZero();
    }

    private static Path leftCopy(Path temp, String name, java.time.Duration age) throws IOException {
        Path directory = Files.createDirectory(temp.resolve(name));
        Files.write(directory.resolve("amtsdesk_crypto.dll"), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(directory,
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(age)));
        return directory;
    }
}
