package de.amtsdesk.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the homeserver from what the caseworker typed, following the spec's "Server Discovery"
 * ({@code GET https://<server name>/.well-known/matrix/client}): agencies publish their Matrix server under their
 * own domain ({@code @buergeramt:musterstadt.de}) while the homeserver runs elsewhere ({@code matrix.musterstadt.de}).
 *
 * <ul>
 *   <li>A full URL ({@code https://…}) is taken as the homeserver itself: no discovery.</li>
 *   <li>A server name ({@code musterstadt.de}), or an empty field with a user ID {@code @name:musterstadt.de}, is
 *       looked up. No well-known (404, no answer; the spec's IGNORE) or an unusable one (other status, no JSON, no
 *       {@code base_url}; FAIL_PROMPT) falls back to {@code https://<server name>}: what was typed is the answer to
 *       the prompt. A {@code base_url} that is no URL, is plain http to another machine, or answers no
 *       {@code /versions} (FAIL_ERROR) stops the login with {@link MatrixFailure#DISCOVERY_FAILED}: the server owner
 *       said where to go, and guessing elsewhere could hand the password to the wrong server.</li>
 * </ul>
 * Loopback server names are looked up over plain http (tests and the demo), like {@link HomeserverUrl} allows.
 */
public final class HomeserverDiscovery {

    /** Where the homeserver came from. */
    public enum Source { TYPED_URL, WELL_KNOWN, FALLBACK }

    public record Result(HomeserverUrl homeserver, Source source, String serverName) { }

    private static final Logger LOG = LoggerFactory.getLogger(HomeserverDiscovery.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** A well-known document is a few hundred bytes; more is not read (a hostile server could send gigabytes). */
    private static final int MAX_BODY = 64 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /**
     * @param typed the homeserver field (may be blank when {@code user} is a full user ID)
     * @param user the user field, a localpart or {@code @name:server}
     */
    public Result locate(String typed, String user) throws MatrixException {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            Optional<String> fromUser = serverNameOf(user);
            if (fromUser.isEmpty()) {
                throw new MatrixException(MatrixFailure.INVALID_URL, "no homeserver and no full user ID", "");
            }
            text = fromUser.get();
        }
        if (text.contains("://")) {
            return new Result(HomeserverUrl.parse(text), Source.TYPED_URL, text);
        }
        // Parsing first rejects what is no server name at all before anything goes over the network.
        HomeserverUrl fallback = HomeserverUrl.parse(text);
        if (!fallback.uri().getPath().isEmpty()) {
            return new Result(fallback, Source.TYPED_URL, text);
        }
        String serverName = fallback.uri().getRawAuthority();
        if (fallback.loopback()) {
            fallback = HomeserverUrl.parse("http://" + serverName);
        }
        HomeserverUrl typedServer = fallback;
        Optional<HomeserverUrl> discovered = wellKnown(serverName, fallback.uri().getScheme());
        return discovered.map(url -> new Result(url, Source.WELL_KNOWN, serverName))
                .orElseGet(() -> new Result(typedServer, Source.FALLBACK, serverName));
    }

    /** The server name of a full user ID ({@code @name:example.org:8448} → {@code example.org:8448}). */
    public static Optional<String> serverNameOf(String user) {
        String u = user == null ? "" : user.strip();
        int colon = u.indexOf(':');
        if (!u.startsWith("@") || colon < 2 || colon == u.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(u.substring(colon + 1));
    }

    /** Empty for IGNORE and FAIL_PROMPT (use the fallback); throws for FAIL_ERROR. */
    private Optional<HomeserverUrl> wellKnown(String serverName, String scheme) throws MatrixException {
        URI uri = URI.create(scheme + "://" + serverName + "/.well-known/matrix/client");
        HttpResponse<InputStream> response;
        String body;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json")
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(MAX_BODY), java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            LOG.info("no well-known for {} ({}); using the server name", serverName, e.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MatrixException(MatrixFailure.UNREACHABLE, "interrupted", serverName, null, null, e);
        }
        if (response.statusCode() != 200 || body.isBlank()) {
            LOG.info("well-known of {} answered HTTP {}; using the server name", serverName, response.statusCode());
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            LOG.warn("well-known of {} is not JSON; using the server name", serverName);
            return Optional.empty();
        }
        JsonNode baseUrl = json == null ? null : json.path("m.homeserver").get("base_url");
        if (baseUrl == null || baseUrl.isNull()) {
            LOG.warn("well-known of {} names no m.homeserver base_url; using the server name", serverName);
            return Optional.empty();
        }
        if (!baseUrl.isTextual() || !baseUrl.asText().contains("://")) {
            throw new MatrixException(MatrixFailure.DISCOVERY_FAILED, "base_url is not a URL", serverName);
        }
        HomeserverUrl homeserver;
        try {
            homeserver = HomeserverUrl.parse(baseUrl.asText());
        } catch (MatrixException e) {
            throw new MatrixException(MatrixFailure.DISCOVERY_FAILED, "base_url refused: " + e.failure(), serverName,
                    null, null, e);
        }
        try {
            new MatrixClient(homeserver).versions();
        } catch (MatrixException e) {
            throw new MatrixException(MatrixFailure.DISCOVERY_FAILED, "base_url " + homeserver + " is no homeserver: "
                    + e.failure(), serverName, null, null, e);
        }
        LOG.info("well-known of {} points to {}", serverName, homeserver);
        return Optional.of(homeserver);
    }
}
