package de.amtsdesk.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The client-server API calls Amtsdesk needs, over {@code java.net.http}. Stateless apart from the server it
 * talks to: the session is passed in, so one client serves login, sync and the doctor alike.
 */
public final class MatrixClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Head room on top of the long-poll timeout, so the HTTP timeout never fires before the server answers. */
    private static final Duration SYNC_GRACE = Duration.ofSeconds(20);

    private final MatrixHttp http;

    public MatrixClient(HomeserverUrl homeserver) {
        this.http = new MatrixHttp(homeserver);
    }

    public HomeserverUrl homeserver() {
        return http.homeserver();
    }

    /** The spec versions the server offers; also the cheapest proof that a URL is a Matrix homeserver. */
    public List<String> versions() throws MatrixException {
        JsonNode versions = http.get("/_matrix/client/versions", null, REQUEST_TIMEOUT).path("versions");
        if (!versions.isArray() || versions.isEmpty()) {
            throw new MatrixException(MatrixFailure.NOT_A_HOMESERVER, "no spec versions offered",
                    homeserver().toString());
        }
        List<String> result = new ArrayList<>();
        versions.forEach(v -> result.add(v.asText()));
        return List.copyOf(result);
    }

    /**
     * Password login. {@code user} may be a localpart or a full user ID. A device ID may be passed to log in
     * again as the same workstation device.
     */
    public Session login(String user, String password, String deviceId, String deviceDisplayName)
            throws MatrixException {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "m.login.password");
        body.put("identifier", Map.of("type", "m.id.user", "user", user == null ? "" : user.strip()));
        body.put("password", password == null ? "" : password);
        if (deviceId != null) {
            body.put("device_id", deviceId);
        }
        if (deviceDisplayName != null) {
            body.put("initial_device_display_name", deviceDisplayName);
        }
        JsonNode answer = http.post("/_matrix/client/v3/login", null, body, REQUEST_TIMEOUT);
        String userId = answer.path("user_id").asText(null);
        String token = answer.path("access_token").asText(null);
        String device = answer.path("device_id").asText(null);
        if (userId == null || token == null || device == null) {
            throw new MatrixException(MatrixFailure.MALFORMED_RESPONSE, "login answer lacks user, token or device",
                    homeserver().toString());
        }
        return new Session(homeserver(), userId, device, token);
    }

    /** Who the token belongs to; fails with {@link MatrixFailure#TOKEN_REVOKED} for a dead token. */
    public String whoami(Session session) throws MatrixException {
        return http.get("/_matrix/client/v3/account/whoami", session.accessToken(), REQUEST_TIMEOUT)
                .path("user_id").asText();
    }

    public JsonNode sync(Session session, String since, Duration timeout, String filterJson) throws MatrixException {
        StringBuilder path = new StringBuilder("/_matrix/client/v3/sync?timeout=").append(timeout.toMillis());
        if (since != null) {
            path.append("&since=").append(encode(since));
        }
        if (filterJson != null) {
            path.append("&filter=").append(encode(filterJson));
        }
        return http.get(path.toString(), session.accessToken(), timeout.plus(SYNC_GRACE));
    }

    public void joinRoom(Session session, String roomId) throws MatrixException {
        http.post("/_matrix/client/v3/join/" + encode(roomId), session.accessToken(), Map.of(), REQUEST_TIMEOUT);
    }

    public void logout(Session session) throws MatrixException {
        http.post("/_matrix/client/v3/logout", session.accessToken(), Map.of(), REQUEST_TIMEOUT);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
