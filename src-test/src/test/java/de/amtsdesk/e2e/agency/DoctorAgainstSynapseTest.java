package de.amtsdesk.e2e.agency;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.doctor.DoctorCommand;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin's doctor command against the real homeserver and against a closed port. */
@ExtendWith(SynapseExtension.class)
class DoctorAgainstSynapseTest {

    private record Result(int exitCode, String out) { }

    private static Result doctor(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new DoctorCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env::get).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void passesAgainstRunningSynapse(SynapseServer synapse) {
        RegisteredUser admin = SynapseExtension.registerUser("it-admin");
        Result result = doctor(Map.of("AMTSDESK_PASSWORD", admin.password()),
                "--homeserver", synapse.baseUrl(), "--user", admin.localpart(), "--lang", "en");

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out().lines().toList()).satisfiesExactly(
                line -> assertThat(line).isEqualTo("OK   homeserver   Homeserver answers: " + synapse.baseUrl()),
                line -> assertThat(line).startsWith("OK   spec         Matrix versions offered: ").contains("v1.11"),
                line -> assertThat(line).isEqualTo("OK   login        Login works as " + admin.userId()),
                line -> assertThat(line).matches("OK   crypto       Crypto library loaded: matrix-sdk-crypto "
                        + "\\d+\\.\\d+\\.\\d+, vodozemac \\d+\\.\\d+\\.\\d+"));
    }

    @Test
    void wrongPasswordFailsTheLoginCheck(SynapseServer synapse) {
        RegisteredUser admin = SynapseExtension.registerUser("it-admin");
        Result result = doctor(Map.of("AMTSDESK_PASSWORD", "not-" + admin.password()),
                "--homeserver", synapse.baseUrl(), "--user", admin.localpart(), "--lang", "en");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("FAIL login        Login as " + admin.localpart()
                + " refused: wrong user name or password");
    }

    @Test
    void closedPortFailsWithTheUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        Result result = doctor(Map.of(), "--homeserver", url, "--lang", "en");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("FAIL homeserver   Homeserver unreachable: " + url);
    }
}
