package de.amtsdesk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PanicTest {

    @Test
    void aRustPanicArrivesAsExceptionWithItsMessageAndTheJvmCarriesOn() {
        NativeLibraryLoader.ensureLoaded();

        assertThatThrownBy(() -> CryptoNative.provokePanicForTest("Testpanik 4711 für Frau Müller"))
                .isExactlyInstanceOf(CryptoNativeException.class)
                .hasMessageContaining("provokePanicForTest")
                .hasMessageContaining("panic")
                .hasMessageContaining("Testpanik 4711 für Frau Müller")
                .hasMessageContaining("exports.rs");

        assertThat(CryptoLibrary.matrixSdkCryptoVersion()).isNotBlank();
        try (OlmMachineHandle machine = OlmMachineHandle.createInMemory("@bob:amt.example", "BOBDEVICE")) {
            assertThat(machine.identityKeys().ed25519()).isNotBlank();
        }
    }

    @Test
    void panicsOnSeveralThreadsEachReportTheirOwnMessage() throws Exception {
        NativeLibraryLoader.ensureLoaded();
        List<Future<Throwable>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 20; i++) {
                String message = "panic number " + i + " end";
                results.add(pool.submit(() -> {
                    try {
                        CryptoNative.provokePanicForTest(message);
                        return null;
                    } catch (CryptoNativeException e) {
                        return e;
                    }
                }));
            }
        }

        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).get())
                    .isExactlyInstanceOf(CryptoNativeException.class)
                    .hasMessageContaining("panic number " + i + " end");
        }
        assertThat(CryptoLibrary.vodozemacVersion()).isNotBlank();
    }
}
