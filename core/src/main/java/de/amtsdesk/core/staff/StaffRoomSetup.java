package de.amtsdesk.core.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.core.matrix.MatrixClient;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.Session;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Creates a unit's staff room and changes who leads it (ADR 0005). The room is Megolm-encrypted from its first
 * event, invite-only, with {@code history_visibility: shared} (members read the history from before they joined,
 * given the keys). Power levels: the creating lead 100, further leads the lead level (≥ the fold's threshold,
 * default 50), caseworkers the default 0; every member may send (case events are encrypted, the server cannot tell
 * them apart, the fold applies the per-type levels); only leads invite, kick and change power levels; nobody below
 * 100 may redact (a redacted staff event would read differently to a client that folds it later), change
 * encryption, history visibility, join rules, or upgrade the room.
 */
public final class StaffRoomSetup {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final int ADMIN_LEVEL = 100;
    public static final String MEGOLM = "m.megolm.v1.aes-sha2";

    private StaffRoomSetup() {
    }

    /**
     * The {@code /createRoom} body. The creator becomes admin (100); {@code leads} get {@code leadLevel};
     * everyone in {@code leads} and {@code caseworkers} is invited.
     */
    public static ObjectNode createRoomBody(String creator, String name, Collection<String> leads,
            Collection<String> caseworkers, int leadLevel) {
        return createRoomBody(creator, name, leads, caseworkers, leadLevel, null);
    }

    /**
     * As above for a given room version (null: the server's default, assumed to list the creator). In room
     * versions with privileged creators (12 and later, MSC4289) the creator has unlimited power and must not
     * appear in the power levels' {@code users}.
     */
    public static ObjectNode createRoomBody(String creator, String name, Collection<String> leads,
            Collection<String> caseworkers, int leadLevel, String roomVersion) {
        if (leadLevel < 1 || leadLevel > ADMIN_LEVEL) {
            throw new IllegalArgumentException("lead level must be 1 to 100: " + leadLevel);
        }
        ObjectNode body = JSON.createObjectNode().put("preset", "private_chat").put("visibility", "private")
                .put("name", name);
        if (roomVersion != null) {
            body.put("room_version", roomVersion);
        }
        ObjectNode creation = body.putObject("creation_content");
        creation.put("m.federate", true);
        Set<String> invite = new LinkedHashSet<>(leads);
        invite.addAll(caseworkers);
        invite.remove(creator);
        ArrayNode invites = body.putArray("invite");
        invite.forEach(invites::add);
        ArrayNode initial = body.putArray("initial_state");
        initial.addObject().put("type", "m.room.encryption").put("state_key", "")
                .putObject("content").put("algorithm", MEGOLM);
        initial.addObject().put("type", "m.room.history_visibility").put("state_key", "")
                .putObject("content").put("history_visibility", "shared");
        initial.addObject().put("type", "m.room.join_rules").put("state_key", "")
                .putObject("content").put("join_rule", "invite");
        initial.addObject().put("type", "m.room.guest_access").put("state_key", "")
                .putObject("content").put("guest_access", "forbidden");
        ObjectNode power = body.putObject("power_level_content_override");
        ObjectNode users = power.putObject("users");
        if (!creatorsArePrivileged(roomVersion)) {
            users.put(creator, ADMIN_LEVEL);
        }
        for (String lead : leads) {
            if (!lead.equals(creator)) {
                users.put(lead, leadLevel);
            }
        }
        power.put("users_default", 0).put("events_default", 0).put("state_default", leadLevel)
                .put("invite", leadLevel).put("kick", leadLevel).put("ban", leadLevel).put("redact", ADMIN_LEVEL);
        ObjectNode events = power.putObject("events");
        events.put("m.room.power_levels", leadLevel);
        events.put("m.room.name", leadLevel);
        events.put("m.room.topic", leadLevel);
        events.put("m.room.avatar", leadLevel);
        events.put("m.room.encryption", ADMIN_LEVEL);
        events.put("m.room.history_visibility", ADMIN_LEVEL);
        events.put("m.room.join_rules", ADMIN_LEVEL);
        events.put("m.room.guest_access", ADMIN_LEVEL);
        events.put("m.room.server_acl", ADMIN_LEVEL);
        events.put("m.room.tombstone", ADMIN_LEVEL);
        events.put("m.room.canonical_alias", ADMIN_LEVEL);
        events.put("m.room.redaction", ADMIN_LEVEL);
        return body;
    }

    /** Creates the staff room with the given lead as creator; returns its room ID. */
    public static String create(MatrixClient client, Session lead, String name, Collection<String> furtherLeads,
            Collection<String> caseworkers, int leadLevel) throws MatrixException {
        String version = defaultRoomVersion(client, lead);
        return client.createRoom(lead, createRoomBody(lead.userId(), name, furtherLeads, caseworkers, leadLevel,
                version));
    }

    /** The server's default room version ({@code /capabilities}), or null if it does not say. */
    public static String defaultRoomVersion(MatrixClient client, Session session) throws MatrixException {
        JsonNode versions = client.send(session, "GET", "/_matrix/client/v3/capabilities", null)
                .path("capabilities").path("m.room_versions");
        return versions.path("default").asText(null);
    }

    /**
     * Whether the room version gives its creators unlimited power outside the power levels (MSC4289, room
     * version 12 and later). Unknown, non-numeric versions are taken as older ones.
     */
    public static boolean creatorsArePrivileged(String roomVersion) {
        if (roomVersion == null || !roomVersion.matches("\\d{1,4}")) {
            return false;
        }
        return Integer.parseInt(roomVersion) >= 12;
    }

    /** The room's current {@code m.room.power_levels} content. */
    public static ObjectNode powerLevels(MatrixClient client, Session session, String roomId) throws MatrixException {
        JsonNode current = client.send(session, "GET", "/_matrix/client/v3/rooms/" + encode(roomId)
                + "/state/m.room.power_levels/", null);
        if (!current.isObject()) {
            throw new IllegalStateException("power levels of " + roomId + " are not an object");
        }
        return (ObjectNode) current;
    }

    /**
     * Sets one member's power level (e.g. makes a caseworker a lead), keeping everything else. The homeserver
     * refuses it unless {@code session} may change power levels and the new level is not above its own.
     *
     * @return the event ID of the new power-level event
     */
    public static String setLevel(MatrixClient client, Session session, String roomId, String userId, int level)
            throws MatrixException {
        ObjectNode content = powerLevels(client, session, roomId);
        ObjectNode users = content.has("users") && content.get("users").isObject() ? (ObjectNode) content.get("users")
                : content.putObject("users");
        users.put(userId, level);
        return client.putState(session, roomId, "m.room.power_levels", "", content);
    }

    /** Invites another staff member (leads only, enforced by the homeserver). */
    public static void invite(MatrixClient client, Session lead, String roomId, String userId)
            throws MatrixException {
        client.invite(lead, roomId, userId);
    }

    /**
     * Removes a staff member (leads only, enforced by the homeserver). Nothing needs to be done for the keys: the
     * next staff event from any member is encrypted with a new room key that the removed member's devices do not
     * get (matrix-sdk-crypto rotates the outbound session when a member has left; tested in MemberRemovalTest).
     */
    public static void remove(MatrixClient client, Session lead, String roomId, String userId, String reason)
            throws MatrixException {
        client.kick(lead, roomId, userId, reason);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
