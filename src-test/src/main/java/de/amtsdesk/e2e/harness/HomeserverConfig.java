package de.amtsdesk.e2e.harness;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Writes everything a test Synapse needs into its work directory: homeserver.yaml, the log config and
 * the signing key. Port and secrets persist in {@value #STATE_FILE}, so a server stopped and started
 * on the same directory keeps its port, data and tokens (restart tests, the demo).
 */
final class HomeserverConfig {
    static final String SERVER_NAME = "localhost";
    static final String STATE_FILE = "harness-state.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    final Path workDir;
    final int port;
    final String registrationSharedSecret;
    private final String macaroonSecretKey;
    private final String formSecret;

    private HomeserverConfig(Path workDir, int port, String registrationSharedSecret, String macaroonSecretKey,
            String formSecret) {
        this.workDir = workDir;
        this.port = port;
        this.registrationSharedSecret = registrationSharedSecret;
        this.macaroonSecretKey = macaroonSecretKey;
        this.formSecret = formSecret;
    }

    /** Loads the saved state of {@code workDir}, or creates fresh secrets and a free port. */
    static HomeserverConfig loadOrCreate(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path stateFile = workDir.resolve(STATE_FILE);
        if (Files.isRegularFile(stateFile)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(stateFile)) {
                p.load(r);
            }
            int port = Integer.parseInt(p.getProperty("port"));
            // Reuse the port when possible (clients keep their base URL); a taken port is no reason to fail.
            if (!isFree(port)) {
                port = freePort();
            }
            HomeserverConfig c = new HomeserverConfig(workDir, port, p.getProperty("registrationSharedSecret"),
                    p.getProperty("macaroonSecretKey"), p.getProperty("formSecret"));
            c.saveState();
            return c;
        }
        HomeserverConfig c = new HomeserverConfig(workDir, freePort(), randomHex(32), randomHex(32), randomHex(32));
        c.saveState();
        return c;
    }

    Path configFile() {
        return workDir.resolve("homeserver.yaml");
    }

    Path logFile() {
        return workDir.resolve("homeserver.log");
    }

    /** Python's own stdout/stderr: config errors and tracebacks before logging is set up land here. */
    Path consoleFile() {
        return workDir.resolve("synapse-console.log");
    }

    /** (Re)writes all files; the signing key is kept when present, since events and keys are signed with it. */
    void write() throws IOException {
        Path signingKey = workDir.resolve(SERVER_NAME + ".signing.key");
        if (!Files.isRegularFile(signingKey)) {
            Files.writeString(signingKey, newSigningKey() + "\n");
        }
        Path logConfig = workDir.resolve("log.config.yaml");
        Files.writeString(logConfig, logConfigYaml());
        Path media = workDir.resolve("media_store");
        Files.createDirectories(media);
        Files.writeString(configFile(), homeserverYaml(signingKey, logConfig, media));
    }

    private String homeserverYaml(Path signingKey, Path logConfig, Path media) {
        String perSecond = "{per_second: 1000, burst_count: 10000}"; // tests, not abuse: never 429
        return """
                # Written by de.amtsdesk.e2e.harness.HomeserverConfig for tests; rewritten on every start.
                server_name: %s
                public_baseurl: "http://127.0.0.1:%d/"
                report_stats: false
                listeners:
                  # Loopback only, plain HTTP, client API (which also serves /_synapse/admin). No federation.
                  - port: %d
                    bind_addresses: ["127.0.0.1"]
                    type: http
                    tls: false
                    x_forwarded: false
                    resources:
                      - names: [client]
                        compress: false
                database:
                  name: sqlite3
                  args:
                    database: %s
                log_config: %s
                media_store_path: %s
                max_upload_size: 50M
                signing_key_path: %s
                # No federation: no notary servers to ask, and no warning about it.
                trusted_key_servers: []
                suppress_key_server_warning: true
                enable_registration: false
                registration_shared_secret: %s
                macaroon_secret_key: %s
                form_secret: %s
                url_preview_enabled: false
                # Presence costs CPU on 2 cores and no test relies on it.
                presence:
                  enabled: false
                # Defaults (e.g. 0.2 messages/s) turn fast tests into 429 storms.
                rc_message: %s
                rc_registration: %s
                rc_login:
                  address: %s
                  account: %s
                  failed_attempts: %s
                rc_joins:
                  local: %s
                  remote: %s
                rc_joins_per_room: %s
                rc_invites:
                  per_room: %s
                  per_user: %s
                  per_issuer: %s
                rc_3pid_validation: %s
                rc_third_party_invite: %s
                rc_media_create: %s
                rc_key_requests: %s
                rc_presence:
                  per_user: %s
                rc_delayed_event_mgmt: %s
                rc_room_creation: %s
                rc_reports: %s
                rc_user_directory: %s
                rc_profile: %s
                rc_admin_redaction: %s
                rc_registration_token_validity: %s
                """.formatted(SERVER_NAME, port, port,
                q(workDir.resolve("homeserver.db")), q(logConfig), q(media), q(signingKey),
                q(registrationSharedSecret), q(macaroonSecretKey), q(formSecret),
                perSecond, perSecond, perSecond, perSecond, perSecond, perSecond, perSecond, perSecond,
                perSecond, perSecond, perSecond, perSecond, perSecond, perSecond, perSecond, perSecond,
                perSecond, perSecond, perSecond, perSecond, perSecond, perSecond, perSecond);
    }

    private String logConfigYaml() {
        // A plain FileHandler (no buffering) so the log tail in an error message is current.
        return """
                version: 1
                formatters:
                  precise:
                    format: '%%(asctime)s - %%(name)s - %%(lineno)d - %%(levelname)s - %%(request)s - %%(message)s'
                handlers:
                  file:
                    class: logging.FileHandler
                    formatter: precise
                    filename: %s
                    encoding: utf8
                loggers:
                  synapse.storage.SQL:
                    level: INFO
                root:
                  level: INFO
                  handlers: [file]
                disable_existing_loggers: false
                """.formatted(q(logFile()));
    }

    /** Synapse's key file format: "ed25519 <key id> <unpadded base64 of the 32-byte seed>". */
    private static String newSigningKey() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        String id = "a_" + randomHex(2);
        return "ed25519 " + id + " " + Base64.getEncoder().withoutPadding().encodeToString(seed);
    }

    private void saveState() throws IOException {
        Properties p = new Properties();
        p.setProperty("port", Integer.toString(port));
        p.setProperty("registrationSharedSecret", registrationSharedSecret);
        p.setProperty("macaroonSecretKey", macaroonSecretKey);
        p.setProperty("formSecret", formSecret);
        try (Writer w = Files.newBufferedWriter(workDir.resolve(STATE_FILE))) {
            p.store(w, "Test Synapse state (port and secrets), kept so a restart reuses them");
        }
    }

    /** A YAML double-quoted scalar (JSON string syntax is valid YAML), safe for any path. */
    private static String q(Object value) {
        String s = value.toString();
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Asks the OS for a free loopback port. Racy in theory; the start-up check reports a clash clearly. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
