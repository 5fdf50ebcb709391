package de.amtsdesk.core.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DoctorTest {

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void closedPortFailsAndNamesTheUrl() throws IOException {
        String url = "http://127.0.0.1:" + closedPort();
        List<CheckResult> results = new Doctor(Locale.ENGLISH, () -> "probe ok")
                .run(new DoctorOptions(url, Optional.empty(), Optional.empty()));

        assertThat(results).anySatisfy(r -> {
            assertThat(r.check()).isEqualTo("homeserver");
            assertThat(r.status()).isEqualTo(CheckResult.Status.FAIL);
            assertThat(r.line()).contains("Homeserver unreachable: " + url);
        });
        assertThat(results).anySatisfy(r -> assertThat(r.line()).startsWith("OK").contains("probe ok"));
    }

    @Test
    void cryptoThatCannotLoadIsAFailureWithTheReason() {
        List<CheckResult> results = new Doctor(Locale.GERMAN, () -> {
            throw new UnsatisfiedLinkError("libamtsdesk_crypto.so fehlt");
        }).run(new DoctorOptions("not a url at all ://", Optional.empty(), Optional.empty()));

        assertThat(results).extracting(CheckResult::line).containsExactly(
                "FAIL homeserver   Keine gültige Homeserver-Adresse: not a url at all ://",
                "FAIL crypto       Kryptobibliothek nicht ladbar: libamtsdesk_crypto.so fehlt");
    }
}
