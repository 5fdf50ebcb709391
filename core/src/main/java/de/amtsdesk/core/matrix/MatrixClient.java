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
    private static final Duration MEDIA_TIMEOUT = Duration.ofMinutes(5);
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

    /**
     * The pagination token just before an event ({@code GET /rooms/{roomId}/context/{eventId}}, {@code start}):
     * where paging into older history begins when only the oldest stored event is known.
     */
    public String tokenBefore(Session session, String roomId, String eventId) throws MatrixException {
        String start = http.get("/_matrix/client/v3/rooms/" + encode(roomId) + "/context/" + encode(eventId)
                + "?limit=0", session.accessToken(), REQUEST_TIMEOUT).path("start").asText(null);
        if (start == null) {
            throw new MatrixException(MatrixFailure.MALFORMED_RESPONSE, "context answer lacks start", roomId);
        }
        return start;
    }

    /** The content of one global account-data event of the session's user, or empty when there is none. */
    public java.util.Optional<JsonNode> accountData(Session session, String type) throws MatrixException {
        try {
            return java.util.Optional.of(http.get("/_matrix/client/v3/user/" + encode(session.userId())
                    + "/account_data/" + encode(type), session.accessToken(), REQUEST_TIMEOUT));
        } catch (MatrixException e) {
            if (e.errcode().filter("M_NOT_FOUND"::equals).isPresent()) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    public void putAccountData(Session session, String type, String contentJson) throws MatrixException {
        http.sendRaw("PUT", "/_matrix/client/v3/user/" + encode(session.userId()) + "/account_data/" + encode(type),
                session.accessToken(), contentJson, REQUEST_TIMEOUT);
    }

    public void leaveRoom(Session session, String roomId) throws MatrixException {
        http.post("/_matrix/client/v3/rooms/" + encode(roomId) + "/leave", session.accessToken(), Map.of(),
                REQUEST_TIMEOUT);
    }

    /**
     * A GET whose JSON answer {@code reader} reads as it arrives (for answers too big to hold at once). Takes up
     * to {@link #MEDIA_TIMEOUT} like a download.
     */
    public <T> T getStreamed(Session session, String path, StreamedBodyReader<T> reader) throws MatrixException {
        return http.getStreamed(path, session.accessToken(), MEDIA_TIMEOUT, reader);
    }

    /** Sends a request someone else prepared, e.g. the crypto machine's key upload; returns the JSON answer. */
    public JsonNode send(Session session, String method, String path, String bodyJson) throws MatrixException {
        return http.sendRaw(method, path, session.accessToken(), bodyJson, REQUEST_TIMEOUT);
    }

    /**
     * Sends a room event with a client transaction ID. The homeserver deduplicates on (device, txn ID), so sending
     * the same outbox entry again after a crash yields the same event, never a second one.
     */
    public String sendRoomEvent(Session session, String roomId, String eventType, String txnId, Object content)
            throws MatrixException {
        String path = "/_matrix/client/v3/rooms/" + encode(roomId) + "/send/" + encode(eventType) + "/" + encode(txnId);
        JsonNode answer = http.put(path, session.accessToken(), content, REQUEST_TIMEOUT);
        String eventId = answer.path("event_id").asText(null);
        if (eventId == null) {
            throw new MatrixException(MatrixFailure.MALFORMED_RESPONSE, "send answer lacks event_id", roomId);
        }
        return eventId;
    }

    public void sendReadReceipt(Session session, String roomId, String eventId) throws MatrixException {
        http.post("/_matrix/client/v3/rooms/" + encode(roomId) + "/receipt/m.read/" + encode(eventId),
                session.accessToken(), Map.of(), REQUEST_TIMEOUT);
    }

    /** Joined members of a room, for deciding whom to share a room key with. */
    public List<String> joinedMembers(Session session, String roomId) throws MatrixException {
        JsonNode joined = http.get("/_matrix/client/v3/rooms/" + encode(roomId) + "/joined_members",
                session.accessToken(), REQUEST_TIMEOUT).path("joined");
        List<String> members = new ArrayList<>();
        joined.fieldNames().forEachRemaining(members::add);
        return members;
    }

    /** Uploads (already encrypted) bytes; returns the mxc:// URI. */
    public String uploadMedia(Session session, byte[] bytes, String contentType) throws MatrixException {
        JsonNode answer = http.upload("/_matrix/media/v3/upload", session.accessToken(), contentType, bytes,
                MEDIA_TIMEOUT);
        String uri = answer.path("content_uri").asText(null);
        if (uri == null || !uri.startsWith("mxc://")) {
            throw new MatrixException(MatrixFailure.MALFORMED_RESPONSE, "upload answer lacks content_uri",
                    homeserver().toString());
        }
        return uri;
    }

    /** Downloads through authenticated media ({@code /_matrix/client/v1/media}, spec v1.11). */
    public byte[] downloadMedia(Session session, String mxcUri) throws MatrixException {
        if (mxcUri == null || !mxcUri.startsWith("mxc://") || mxcUri.substring(6).split("/").length != 2) {
            throw new MatrixException(MatrixFailure.REQUEST_REJECTED, "not an mxc URI", String.valueOf(mxcUri));
        }
        String[] parts = mxcUri.substring(6).split("/");
        return http.download("/_matrix/client/v1/media/download/" + encode(parts[0]) + "/" + encode(parts[1]),
                session.accessToken(), MEDIA_TIMEOUT);
    }

    /** Creates a room from a full {@code /createRoom} body; returns the room ID. */
    public String createRoom(Session session, Object body) throws MatrixException {
        String roomId = http.post("/_matrix/client/v3/createRoom", session.accessToken(), body, REQUEST_TIMEOUT)
                .path("room_id").asText(null);
        if (roomId == null) {
            throw new MatrixException(MatrixFailure.MALFORMED_RESPONSE, "createRoom answer lacks room_id",
                    homeserver().toString());
        }
        return roomId;
    }

    /** Sets a state event (e.g. power levels); returns its event ID. */
    public String putState(Session session, String roomId, String eventType, String stateKey, Object content)
            throws MatrixException {
        return http.put("/_matrix/client/v3/rooms/" + encode(roomId) + "/state/" + encode(eventType) + "/"
                + encode(stateKey), session.accessToken(), content, REQUEST_TIMEOUT).path("event_id").asText(null);
    }

    /**
     * The content of one state event, or empty when the room has none of that type and key ({@code M_NOT_FOUND}).
     */
    public java.util.Optional<JsonNode> getState(Session session, String roomId, String eventType, String stateKey)
            throws MatrixException {
        try {
            return java.util.Optional.of(http.get("/_matrix/client/v3/rooms/" + encode(roomId) + "/state/"
                    + encode(eventType) + "/" + encode(stateKey), session.accessToken(), REQUEST_TIMEOUT));
        } catch (MatrixException e) {
            if (e.errcode().filter("M_NOT_FOUND"::equals).isPresent()) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    /**
     * One page of a room's history ({@code GET /rooms/{roomId}/messages}), going backwards from {@code from}:
     * the answer's {@code chunk} is newest first and {@code end} continues further back (absent at the start).
     */
    public JsonNode messagesBackwards(Session session, String roomId, String from, int limit)
            throws MatrixException {
        StringBuilder path = new StringBuilder("/_matrix/client/v3/rooms/").append(encode(roomId))
                .append("/messages?dir=b&limit=").append(limit);
        if (from != null) {
            path.append("&from=").append(encode(from));
        }
        return http.get(path.toString(), session.accessToken(), REQUEST_TIMEOUT);
    }

    public void invite(Session session, String roomId, String userId) throws MatrixException {
        http.post("/_matrix/client/v3/rooms/" + encode(roomId) + "/invite", session.accessToken(),
                Map.of("user_id", userId), REQUEST_TIMEOUT);
    }

    /**
     * Removes a member from a room ({@code /kick}). The homeserver refuses it unless {@code session} has the room's
     * kick level and a higher level than the member.
     */
    public void kick(Session session, String roomId, String userId, String reason) throws MatrixException {
        Map<String, String> body = reason == null || reason.isBlank() ? Map.of("user_id", userId)
                : Map.of("user_id", userId, "reason", reason);
        http.post("/_matrix/client/v3/rooms/" + encode(roomId) + "/kick", session.accessToken(), body,
                REQUEST_TIMEOUT);
    }

    /** One event as the server hands it to this account ({@code /rooms/{roomId}/event/{eventId}}), still encrypted. */
    public JsonNode event(Session session, String roomId, String eventId) throws MatrixException {
        return http.get("/_matrix/client/v3/rooms/" + encode(roomId) + "/event/" + encode(eventId),
                session.accessToken(), REQUEST_TIMEOUT);
    }

    public void logout(Session session) throws MatrixException {
        http.post("/_matrix/client/v3/logout", session.accessToken(), Map.of(), REQUEST_TIMEOUT);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
