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
}
