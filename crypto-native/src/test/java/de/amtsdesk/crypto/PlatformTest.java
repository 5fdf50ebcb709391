package de.amtsdesk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformTest {

    @Test
    void mapsTheJvmsNamesToFolderNames() {
        assertThat(Platform.of("Linux", "amd64").id()).isEqualTo("linux-x86-64");
        assertThat(Platform.of("Linux", "aarch64").id()).isEqualTo("linux-aarch64");
        assertThat(Platform.of("Windows 11", "amd64").id()).isEqualTo("windows-x86-64");
        assertThat(Platform.of("Mac OS X", "aarch64").id()).isEqualTo("macos-aarch64");
        assertThat(Platform.of("Mac OS X", "x86_64").id()).isEqualTo("macos-x86-64");
    }

    @Test
    void namesTheLibraryFileAsEachPlatformDoes() {
        assertThat(Platform.of("Linux", "amd64").libraryFileName("amtsdesk_crypto")).isEqualTo("libamtsdesk_crypto.so");
        assertThat(Platform.of("Windows 10", "amd64").libraryFileName("amtsdesk_crypto")).isEqualTo("amtsdesk_crypto.dll");
        assertThat(Platform.of("Mac OS X", "aarch64").libraryFileName("amtsdesk_crypto")).isEqualTo("libamtsdesk_crypto.dylib");
        assertThat(Platform.current().libraryFileName("amtsdesk_crypto")).isEqualTo(System.mapLibraryName("amtsdesk_crypto"));
    }

    @Test
    void anUnsupportedPlatformIsReportedWithTheJvmsOwnNames() {
        assertThatThrownBy(() -> Platform.of("SunOS", "sparcv9"))
                .isExactlyInstanceOf(NativeLibraryUnavailableException.class)
                .hasMessageContaining("Unsupported platform")
                .hasMessageContaining("SunOS")
                .hasMessageContaining("sparcv9");
        assertThatThrownBy(() -> Platform.of("Linux", "riscv64"))
                .isExactlyInstanceOf(NativeLibraryUnavailableException.class)
                .hasMessageContaining("riscv64");
    }
}
