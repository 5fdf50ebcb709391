package de.amtsdesk.core.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Server discovery against tiny local HTTP servers (loopback, so plain http is allowed): one plays the agency's web
 * server with its .well-known, another the homeserver it points to.
 */
class HomeserverDiscoveryTest {

    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final HomeserverDiscovery discovery = new HomeserverDiscovery();

    /** A server answering one path with a status and body; everything else 404. Returns "127.0.0.1:port". */
    private String serve(String path, int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            boolean match = exchange.getRequestURI().getPath().equals(path);
            byte[] bytes = (match ? body : "{\"errcode\":\"M_UNRECOGNIZED\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(match ? status : 404, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        servers.add(server);
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private String homeserver() throws IOException {
        return "http://" + serve("/_matrix/client/versions", 200, "{\"versions\":[\"v1.11\"]}");
    }

    private String wellKnown(String json) throws IOException {
        return serve("/.well-known/matrix/client", 200, json);
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void serverNameIsResolvedThroughWellKnownAndTheTargetChecked() throws Exception {
        String homeserver = homeserver();
        String serverName = wellKnown("{\"m.homeserver\":{\"base_url\":\"" + homeserver + "/\"}}");

        HomeserverDiscovery.Result result = discovery.locate(serverName, "amt");

        assertThat(result.homeserver().toString()).isEqualTo(homeserver);
        assertThat(result.source()).isEqualTo(HomeserverDiscovery.Source.WELL_KNOWN);
        assertThat(requests).containsExactly("/.well-known/matrix/client", "/_matrix/client/versions");
    }

    @Test
    void aFullUserIdIsEnoughWhenTheHomeserverFieldIsEmpty() throws Exception {
        String homeserver = homeserver();
        String serverName = wellKnown("{\"m.homeserver\":{\"base_url\":\"" + homeserver + "\"}}");

        HomeserverDiscovery.Result result = discovery.locate("  ", "@buergeramt:" + serverName);

        assertThat(result.homeserver().toString()).isEqualTo(homeserver);
        assertThat(result.serverName()).isEqualTo(serverName);
    }

    @Test
    void noWellKnownFallsBackToTheTypedServer() throws Exception {
        String typed = serve("/_matrix/client/versions", 200, "{\"versions\":[\"v1.11\"]}");

        HomeserverDiscovery.Result result = discovery.locate(typed, "amt");

        assertThat(result.homeserver().toString()).isEqualTo("http://" + typed);
        assertThat(result.source()).isEqualTo(HomeserverDiscovery.Source.FALLBACK);
    }

    @Test
    void nothingListeningFallsBackToo() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HomeserverDiscovery.Result result = discovery.locate("localhost:" + port, "amt");
        assertThat(result.homeserver().toString()).isEqualTo("http://localhost:" + port);
        assertThat(result.source()).isEqualTo(HomeserverDiscovery.Source.FALLBACK);
    }

    @Test
    void unusableWellKnownIsFailPromptAndFallsBack() throws Exception {
        for (String body : new String[] {"<html>nope</html>", "{}", "{\"m.homeserver\":{}}", "[1,2]"}) {
            String serverName = wellKnown(body);
            assertThat(discovery.locate(serverName, "amt").source()).as(body)
                    .isEqualTo(HomeserverDiscovery.Source.FALLBACK);
        }
        String serverError = serve("/.well-known/matrix/client", 500, "{\"m.homeserver\":{\"base_url\":\"x\"}}");
        assertThat(discovery.locate(serverError, "amt").source()).isEqualTo(HomeserverDiscovery.Source.FALLBACK);
    }

    @Test
    void aBrokenBaseUrlIsFailErrorAndStopsTheLogin() throws Exception {
        String notAHomeserver = "http://" + serve("/somewhere", 200, "{}");
        for (String baseUrl : new String[] {"\"not a url\"", "42", "\"http://matrix.example.org\"",
                "\"" + notAHomeserver + "\""}) {
            String serverName = wellKnown("{\"m.homeserver\":{\"base_url\":" + baseUrl + "}}");
            assertThatThrownBy(() -> discovery.locate(serverName, "amt"))
                    .as(baseUrl)
                    .isInstanceOfSatisfying(MatrixException.class, e -> {
                        assertThat(e.failure()).isEqualTo(MatrixFailure.DISCOVERY_FAILED);
                        assertThat(e.subject()).isEqualTo(serverName);
                    });
        }
    }

    @Test
    void fullUrlsAreTakenAsTheyAreWithoutAskingAnyone() throws Exception {
        HomeserverDiscovery.Result result = discovery.locate("https://matrix.example.org/", "@amt:example.org");
        assertThat(result.homeserver().toString()).isEqualTo("https://matrix.example.org");
        assertThat(result.source()).isEqualTo(HomeserverDiscovery.Source.TYPED_URL);
        assertThat(requests).isEmpty();
    }

    @Test
    void plainHttpAndNonsenseAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> discovery.locate("http://matrix.example.org", "amt"))
                .isInstanceOfSatisfying(MatrixException.class,
                        e -> assertThat(e.failure()).isEqualTo(MatrixFailure.INSECURE_URL));
        assertThatThrownBy(() -> discovery.locate("", "amt"))
                .isInstanceOfSatisfying(MatrixException.class,
                        e -> assertThat(e.failure()).isEqualTo(MatrixFailure.INVALID_URL));
        assertThat(requests).isEmpty();
    }

    @Test
    void serverNameOfUserIds() {
        assertThat(HomeserverDiscovery.serverNameOf("@amt:example.org")).contains("example.org");
        assertThat(HomeserverDiscovery.serverNameOf(" @amt:example.org:8448 ")).contains("example.org:8448");
        assertThat(HomeserverDiscovery.serverNameOf("amt")).isEmpty();
        assertThat(HomeserverDiscovery.serverNameOf("@amt:")).isEmpty();
        assertThat(HomeserverDiscovery.serverNameOf(null)).isEmpty();
    }
}
