package de.amtsdesk.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real Synapse homeserver in a subprocess, for tests and the demo. Not tied to JUnit
 * ({@link SynapseExtension} wraps it for tests).
 *
 * <p>All state lives in the work directory (config, SQLite database, media, logs, port and secrets),
 * so {@link #stop()} followed by {@link #restart()} — or a later {@link #start(Path)} on the same
 * directory — brings back the same server with the same users, rooms and tokens.
 */
public final class SynapseServer implements AutoCloseable {
    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HomeserverConfig config;
    private final Path python;
    private final Duration startTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Process process; // guarded by this
    private Thread shutdownHook; // guarded by this
    private Duration lastStartDuration = Duration.ZERO;

    private SynapseServer(HomeserverConfig config, Path python, Duration startTimeout) {
        this.config = config;
        this.python = python;
        this.startTimeout = startTimeout;
    }

    /** Starts Synapse in {@code workDir}, installing it first if needed (src-test dir and cache from {@link HarnessPaths}). */
    public static SynapseServer start(Path workDir) {
        return start(workDir, HarnessPaths.srcTestDir(), HarnessPaths.cacheDir());
    }

    /** As {@link #start(Path)}, with explicit locations (for a demo that runs from elsewhere). */
    public static SynapseServer start(Path workDir, Path srcTestDir, Path cacheDir) {
        Path dir = workDir.toAbsolutePath().normalize();
        HomeserverConfig config;
        try {
            config = HomeserverConfig.loadOrCreate(dir);
        } catch (IOException e) {
            throw new HarnessException("Cannot prepare the Synapse work directory " + dir + ": " + e, e);
        }
        Path python = new SynapseInstaller(srcTestDir, cacheDir).ensurePython(dir.resolve("install-synapse.log"));
        String timeoutProp = System.getProperty("amtsdesk.synapse.startTimeoutSeconds");
        Duration timeout = timeoutProp == null ? DEFAULT_START_TIMEOUT : Duration.ofSeconds(Long.parseLong(timeoutProp));
        SynapseServer server = new SynapseServer(config, python, timeout);
        server.launch();
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + config.port;
    }

    public int port() {
        return config.port;
    }

    public String serverName() {
        return HomeserverConfig.SERVER_NAME;
    }

    /** Synapse's own log (homeserver.log); the console output is beside it in synapse-console.log. */
    public Path logFile() {
        return config.logFile();
    }

    public Path workDir() {
        return config.workDir;
    }

    /** How long the last (re)start took until the client API answered. */
    public Duration lastStartDuration() {
        return lastStartDuration;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** "@localpart:localhost". */
    public String userId(String localpart) {
        return "@" + localpart + ":" + serverName();
    }

    /** Stops the server (SIGTERM, then kill after a grace period); data, port and secrets stay for {@link #restart()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessTree.stop(process, STOP_GRACE);
        process = null;
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // JVM already shutting down: the hook is running or ran
            }
            shutdownHook = null;
        }
    }

    /** Stops (if running) and starts again on the same work directory, data and port. */
    public synchronized void restart() {
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Creates a user with the shared-secret admin API (works with enable_registration: false): GET a
     * nonce, then POST the HMAC-SHA1 of nonce\0user\0password\0admin|notadmin keyed by the secret.
     */
    public RegisteredUser registerUser(String localpart, String password, String displayName, boolean admin) {
        String url = baseUrl() + "/_synapse/admin/v1/register";
        JsonNode nonceReply = send(HttpRequest.newBuilder(URI.create(url)).GET(), "get a registration nonce");
        String nonce = nonceReply.path("nonce").asText();
        ObjectNode body = JSON.createObjectNode()
                .put("nonce", nonce)
                .put("username", localpart)
                .put("password", password)
                .put("admin", admin)
                .put("mac", registrationMac(nonce, localpart, password, admin));
        if (displayName != null) {
            body.put("displayname", displayName);
        }
        JsonNode reply = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "register " + localpart);
        return new RegisteredUser(reply.path("user_id").asText(), reply.path("access_token").asText(),
                reply.path("device_id").asText(), password);
    }

    /** Sets a user's display name through the client API, with that user's token. */
    public void setDisplayName(RegisteredUser user, String displayName) {
        String url = baseUrl() + "/_matrix/client/v3/profile/"
                + URLEncoder.encode(user.userId(), StandardCharsets.UTF_8).replace("+", "%20") + "/displayname";
        send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + user.accessToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("displayname", displayName).toString())),
                "set the display name of " + user.userId());
    }

    private String registrationMac(String nonce, String user, String password, boolean admin) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(config.registrationSharedSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] sep = {0};
            mac.update(nonce.getBytes(StandardCharsets.UTF_8));
            mac.update(sep);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update(sep);
            mac.update(password.getBytes(StandardCharsets.UTF_8));
            mac.update(sep);
            mac.update((admin ? "admin" : "notadmin").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    private JsonNode send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new HarnessException("Synapse refused to " + what + ": HTTP " + r.statusCode() + " " + r.body());
            }
            return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new HarnessException("Could not " + what + " at " + baseUrl() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("Interrupted while trying to " + what, e);
        }
    }

    private synchronized void launch() {
        try {
            config.write();
        } catch (IOException e) {
            throw new HarnessException("Cannot write the Synapse config in " + config.workDir + ": " + e, e);
        }
        Instant begin = Instant.now();
        ProcessBuilder pb = new ProcessBuilder(List.of(python.toString(), "-m", "synapse.app.homeserver",
                "-c", config.configFile().toString()))
                .directory(config.workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(config.consoleFile().toFile()));
        pb.environment().remove("PYTHONPATH"); // only the venv's packages
        pb.environment().put("PYTHONUNBUFFERED", "1"); // tracebacks reach the console log at once
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new HarnessException("Cannot run " + python + " (the Synapse venv looks broken; delete "
                    + python.getParent().getParent() + " to reinstall): " + e, e);
        }
        Process started = process;
        shutdownHook = new Thread(() -> ProcessTree.stop(started, Duration.ofSeconds(5)), "synapse-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook); // a crashed or killed test run leaves no Synapse behind
        try {
            awaitClientApi(begin.plus(startTimeout));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        lastStartDuration = Duration.between(begin, Instant.now());
    }

    private void awaitClientApi(Instant deadline) {
        HttpRequest versions = HttpRequest.newBuilder(URI.create(baseUrl() + "/_matrix/client/versions"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        String lastProblem = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new HarnessException("Synapse exited with code " + process.exitValue() + " while starting"
                        + " (port " + port() + ", work dir " + config.workDir + ")" + logTails());
            }
            try {
                HttpResponse<Void> r = http.send(versions, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
                lastProblem = "HTTP " + r.statusCode();
            } catch (IOException e) {
                lastProblem = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HarnessException("Interrupted while waiting for Synapse to start", e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HarnessException("Interrupted while waiting for Synapse to start", e);
            }
        }
        throw new HarnessException("Synapse did not answer GET " + baseUrl() + "/_matrix/client/versions within "
                + startTimeout.toSeconds() + " s (last: " + lastProblem + "; raise -Damtsdesk.synapse.startTimeoutSeconds"
                + " on a slow machine)" + logTails());
    }

    private String logTails() {
        return FileTail.section("Synapse console", config.consoleFile(), 30)
                + FileTail.section("Synapse log", config.logFile(), 30);
    }

    @Override
    public String toString() {
        return "SynapseServer[" + baseUrl() + ", " + config.workDir + "]";
    }
}
