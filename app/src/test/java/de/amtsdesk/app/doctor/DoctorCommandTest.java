package de.amtsdesk.app.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where doctor takes the password from: a file or stdin, never the environment. */
class DoctorCommandTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private String url;
    /** The passwords the scripted homeserver was sent. */
    private final List<String> passwords = new CopyOnWriteArrayList<>();

    private record Result(int exitCode, String out) { }

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/_matrix/client/versions", exchange -> answer(exchange, 200,
                "{\"versions\":[\"v1.11\"]}"));
        server.createContext("/_matrix/client/v3/login", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            passwords.add(body.replaceAll(".*\"password\":\"([^\"]*)\".*", "$1"));
            answer(exchange, 403, "{\"errcode\":\"M_FORBIDDEN\",\"error\":\"Invalid password\"}");
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String json)
            throws java.io.IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static Result doctor(String stdin, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new DoctorCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env::get).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPasswordInTheEnvironmentIsIgnored() {
        Result result = doctor("", Map.of("AMTSDESK_PASSWORD", "from-the-environment"),
                "--homeserver", url, "--user", "amt", "--lang", "en");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("FAIL login        No password for amt (use --password-file FILE");
        assertThat(passwords).isEmpty();
    }

    @Test
    void passwordFromAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "from-the-file\n");
        Result result = doctor("", Map.of(), "--homeserver", url, "--user", "amt", "--password-file", file.toString(),
                "--lang", "en");
        assertThat(result.out()).contains("FAIL login        Login as amt refused: wrong user name or password");
        assertThat(passwords).containsExactly("from-the-file");
    }

    @Test
    void passwordFromStandardInput() {
        Result result = doctor("from-stdin\nsecond line ignored\n", Map.of(), "--homeserver", url, "--user", "amt",
                "--password-file", "-", "--lang", "en");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(passwords).containsExactly("from-stdin");
    }

    @Test
    void anUnreadablePasswordFileIsWrongUsageWithATranslatedMessage() {
        Result result = doctor("", Map.of(), "--homeserver", url, "--user", "amt", "--password-file",
                dir.resolve("missing").toString(), "--lang", "de");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).startsWith("Passwortdatei " + dir.resolve("missing") + " nicht lesbar: ");
    }

    @Test
    void plainHttpToAnotherHostIsRefused() {
        Result result = doctor("", Map.of(), "--homeserver", "http://matrix.example.org", "--lang", "en");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("FAIL homeserver   Unencrypted address refused (http only for this machine): "
                + "http://matrix.example.org");
    }

    @Test
    void langWithEqualsSignIsHonouredAndTheLogFolderIsNamed() {
        Result result = doctor("", Map.of(), "--homeserver=http://matrix.example.org", "--lang=en");
        assertThat(result.out()).contains("Unencrypted address refused")
                .contains("Log files of the Amtsdesk window app: " + de.amtsdesk.app.LogLocation.directory());
        Result help = doctor("", Map.of(), "--lang=en", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: amtsdesk doctor")
                .contains("Log files: " + de.amtsdesk.app.LogLocation.directory());
    }

    @Test
    void printsTheEffectivePolicyWhereEachValueCameFromAndTheWarnings() throws Exception {
        Path policy = Files.writeString(dir.resolve("policy.json"), """
                {"homeserver": "https://matrix.amt.example", "idleLockMinutes": 5, "allowPolls": false,
                 "pdfTrustAnchors": ["/etc/amtsdesk/ca.pem", "/etc/amtsdesk/ca2.pem"],
                 "proxy": "no-port", "telemetry": true}""");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new DoctorCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                Map.<String, String>of()::get,
                () -> List.of(new de.amtsdesk.core.policy.JsonPolicyFile(policy)))
                .run("--homeserver", url, "--user", "amt", "--lang", "en");
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1); // no password: the login check fails, the policy is printed all the same
        assertThat(text).contains("policy  homeserver = https://matrix.amt.example (locked: " + policy + ")")
                .contains("policy  allowPolls = false (locked: " + policy + ")")
                .contains("policy  idleLockMinutes = 5 (locked: " + policy + ")")
                .contains("policy  pdfTrustAnchors = /etc/amtsdesk/ca.pem, /etc/amtsdesk/ca2.pem (locked: ")
                .contains("policy  warning: policy key \"proxy\" in " + policy + " ignored: not host:port")
                .contains("policy  warning: policy key \"telemetry\" in " + policy + " ignored: not a known setting");
        assertThat(text.lines().filter(l -> l.startsWith("policy  warning:"))).hasSize(2);
    }

    @Test
    void withoutAPolicyDoctorSaysSoAndWhereItLooked() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DoctorCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                Map.<String, String>of()::get,
                () -> List.of(new de.amtsdesk.core.policy.JsonPolicyFile(dir.resolve("absent.json"))))
                .run("--homeserver", url, "--lang", "de");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("policy  keine Richtlinie gesetzt (gelesen: " + dir.resolve("absent.json") + ")");
    }
}
