package de.amtsdesk.e2e.agency;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.doctor.DoctorCommand;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The admin's doctor command against the real homeserver and against a closed port. */
@ExtendWith(SynapseExtension.class)
class DoctorAgainstSynapseTest {

    @TempDir
    Path dir;

    private record Result(int exitCode, String out) { }

    private static Result doctor(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new DoctorCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.<String, String>of()::get)
                .run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void passesAgainstRunningSynapse(SynapseServer synapse) throws IOException {
        RegisteredUser admin = SynapseExtension.registerUser("it-admin");
        Path passwordFile = Files.writeString(dir.resolve("password"), admin.password() + "\n");
        Result result = doctor("", "--homeserver", synapse.baseUrl(), "--user", admin.localpart(),
                "--password-file", passwordFile.toString(), "--lang", "en");

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(checks(result.out())).satisfiesExactly(
                line -> assertThat(line).isEqualTo("OK   homeserver   Homeserver answers: " + synapse.baseUrl()),
                line -> assertThat(line).startsWith("OK   spec         Matrix versions offered: ").contains("v1.11"),
                line -> assertThat(line).isEqualTo("OK   login        Login works as " + admin.userId()),
                line -> assertThat(line).matches("OK   crypto       Crypto library loaded: matrix-sdk-crypto "
                        + "\\d+\\.\\d+\\.\\d+, vodozemac \\d+\\.\\d+\\.\\d+"),
                // An IT admin reading doctor's output learns where the window app writes its logs.
                line -> assertThat(line).startsWith("Log files of the Amtsdesk window app: ").endsWith("logs"));
    }

    @Test
    void wrongPasswordFromStdinFailsTheLoginCheck(SynapseServer synapse) {
        RegisteredUser admin = SynapseExtension.registerUser("it-admin");
        Result result = doctor("not-" + admin.password() + "\n", "--homeserver", synapse.baseUrl(),
                "--user", admin.localpart(), "--password-file", "-", "--lang", "en");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("FAIL login        Login as " + admin.localpart()
                + " refused: wrong user name or password");
    }

    @Test
    void aServerNameWithoutSchemeGoesThroughDiscovery(SynapseServer synapse) throws IOException {
        RegisteredUser admin = SynapseExtension.registerUser("it-admin");
        String serverName = "127.0.0.1:" + synapse.port();
        Result result = doctor(admin.password() + "\n", "--homeserver", serverName, "--user", admin.localpart(),
                "--password-file", "-", "--lang", "en");

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(checks(result.out()).stream().findFirst()).get().asString().matches("(OK   discovery    " + serverName
                + " points to http://127\\.0\\.0\\.1:\\d+ through \\.well-known)|(SKIP discovery    No \\.well-known at "
                + serverName + "; using http://" + serverName + ")");
        assertThat(result.out()).contains("OK   login        Login works as " + admin.userId());
    }

    @Test
    void closedPortFailsWithTheUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        Result result = doctor("", "--homeserver", url, "--lang", "en");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("FAIL homeserver   Homeserver unreachable: " + url);
    }

    /** Doctor's check lines, without the admin policy it prints first (its own test: DoctorCommandTest). */
    private static java.util.List<String> checks(String out) {
        return out.lines().filter(line -> !line.startsWith("policy  ")).toList();
    }
}
