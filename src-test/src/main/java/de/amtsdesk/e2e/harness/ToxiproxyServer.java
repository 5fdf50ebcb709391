package de.amtsdesk.e2e.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A real fault proxy on loopback between a client and Synapse: Toxiproxy v2.12.0, built by
 * src-test/toxiproxy/install-toxiproxy.sh. Toxics are TCP-level: a reset after the request reached the server but
 * before the answer came back ({@code limit_data} downstream), latency, timeouts, cut bodies, or the proxy disabled
 * (connection refused: the server is "down" for this client only). Tests fail when it cannot be built or started.
 */
public final class ToxiproxyServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROXY = "synapse";

    private final Process process;
    private final int apiPort;
    private final int listenPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private ToxiproxyServer(Process process, int apiPort, int listenPort) {
        this.process = process;
        this.apiPort = apiPort;
        this.listenPort = listenPort;
    }

    /** Builds (once, cached) and starts Toxiproxy with one proxy in front of {@code upstreamPort}. */
    public static ToxiproxyServer startInFrontOf(int upstreamPort, Path logDir) {
        Path binary = install(logDir);
        int api = freePort();
        int listen = freePort();
        try {
            Files.createDirectories(logDir);
            Process process = new ProcessBuilder(List.of(binary.toString(), "-host", "127.0.0.1", "-port",
                    Integer.toString(api)))
                    .redirectErrorStream(true)
                    .redirectOutput(logDir.resolve("toxiproxy.log").toFile())
                    .start();
            ToxiproxyServer server = new ToxiproxyServer(process, api, listen);
            server.awaitApi();
            server.api("POST", "/proxies", JSON.createObjectNode().put("name", PROXY)
                    .put("listen", "127.0.0.1:" + listen).put("upstream", "127.0.0.1:" + upstreamPort)
                    .put("enabled", true));
            return server;
        } catch (IOException e) {
            throw new HarnessException("Toxiproxy could not be started: " + e, e);
        }
    }

    private static Path install(Path logDir) {
        Path script = HarnessPaths.srcTestDir().resolve("toxiproxy").resolve("install-toxiproxy.sh");
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve("toxiproxy-install.log");
            ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
                    .redirectError(log.toFile());
            builder.environment().put("AMTSDESK_CACHE_DIR", HarnessPaths.cacheDir().toString());
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0 || out.isEmpty()) {
                throw new HarnessException("Toxiproxy could not be built by " + script + "; see " + log
                        + FileTail.section("install log", log, 20));
            }
            return Path.of(out.lines().reduce((a, b) -> b).orElseThrow());
        } catch (IOException e) {
            throw new HarnessException("Toxiproxy could not be built: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("interrupted while building Toxiproxy", e);
        }
    }

    /** The homeserver URL a client uses to go through the proxy. */
    public String baseUrl() {
        return "http://127.0.0.1:" + listenPort;
    }

    /**
     * Adds a toxic. {@code stream} is "downstream" (server → client) or "upstream"; {@code toxicity} the share of
     * connections it applies to (0..1).
     */
    public void addToxic(String name, String type, String stream, double toxicity, Map<String, ?> attributes) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("type", type).put("stream", stream)
                .put("toxicity", toxicity);
        body.set("attributes", JSON.valueToTree(attributes));
        api("POST", "/proxies/" + PROXY + "/toxics", body);
    }

    public void removeToxic(String name) {
        api("DELETE", "/proxies/" + PROXY + "/toxics/" + name, null);
    }

    /** Disabled: every connection is refused, as if the server were down (for this client only). */
    public void setEnabled(boolean enabled) {
        api("POST", "/proxies/" + PROXY, JSON.createObjectNode().put("enabled", enabled));
    }

    /** Drops every toxic and enables the proxy again. */
    public void heal() {
        api("POST", "/reset", JSON.createObjectNode());
    }

    private void awaitApi() {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api() + "/version")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HarnessException("interrupted", e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HarnessException("interrupted", e);
            }
        }
        process.destroyForcibly();
        throw new HarnessException("Toxiproxy did not answer on " + api() + " within 20 s");
    }

    private String api() {
        return "http://127.0.0.1:" + apiPort;
    }

    private void api(String method, String path, ObjectNode body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString());
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api() + path))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new HarnessException("Toxiproxy " + method + " " + path + " answered " + r.statusCode() + ": "
                        + r.body());
            }
        } catch (IOException e) {
            throw new HarnessException("Toxiproxy " + method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("interrupted", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new HarnessException("no free port on loopback: " + e, e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
