package de.amtsdesk.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first screenful of the room list on a workstation that has never synced, from one request of simplified
 * sliding sync (MSC4186, native in Synapse): the most recently active rooms with their names, encryption and
 * members' names, in well under a second however many rooms the account has, while the full {@code /sync} (whose
 * first answer grows with the number of rooms) is still on its way (ADR 0021).
 *
 * <p>It only shows: nothing here is stored, no sync position is kept, and the engine's own {@link RoomDirectory}
 * is not touched, because a partial member list there would share a room key with too few devices. A server
 * without the endpoint (404, {@code M_UNRECOGNIZED}) or any failure leaves the caseworker with what {@code /sync}
 * brings, as before.
 */
public final class FirstScreenful {

    static final String PATH = "/_matrix/client/unstable/org.matrix.simplified_msc3575/sync";
    private static final Logger LOG = LoggerFactory.getLogger(FirstScreenful.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MatrixClient client;
    private final Session session;

    public FirstScreenful(MatrixClient client, Session session) {
        this.client = client;
        this.session = session;
    }

    /**
     * The {@code count} most recently active rooms, newest first; empty when the server has no sliding sync or the
     * request failed.
     */
    public Optional<List<RoomSummary>> fetch(int count) {
        try {
            JsonNode response = client.send(session, "POST", PATH + "?timeout=0", request(count).toString());
            RoomDirectory view = new RoomDirectory(session.userId(), Clock.systemUTC());
            view.apply(asSyncResponse(response));
            return Optional.of(inServerOrder(view.summaries(), response).stream().limit(count).toList());
        } catch (MatrixException e) {
            LOG.info("no first screenful from sliding sync ({}); the room list waits for /sync", e.failure());
        } catch (RuntimeException e) {
            LOG.warn("unreadable sliding sync answer ignored: {}", e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    /**
     * The server's order (most recent activity first, by its bump stamps), not the order of the newest timestamp
     * the rows carry: the required state includes this account's own join, often newer than the last message.
     * The list's window names the rooms in order; without it, bump stamps decide; rooms named in neither go last.
     */
    static List<RoomSummary> inServerOrder(List<RoomSummary> rows, JsonNode slidingSync) {
        java.util.Map<String, Long> rank = new java.util.HashMap<>();
        for (JsonNode op : slidingSync.path("lists").path("first_screen").path("ops")) {
            for (JsonNode id : op.path("room_ids")) {
                rank.putIfAbsent(id.asText(), (long) rank.size());
            }
        }
        if (rank.isEmpty()) {
            slidingSync.path("rooms").properties().forEach(room ->
                    rank.put(room.getKey(), -room.getValue().path("bump_stamp").asLong(0)));
        }
        return rows.stream()
                .sorted(java.util.Comparator.comparingLong(row -> rank.getOrDefault(row.roomId(), Long.MAX_VALUE)))
                .toList();
    }

    /**
     * One list, the newest {@code count} rooms (the server sorts by recency), with the state a room list row needs
     * and the last event for its time. No extensions: to-device events are left to {@code /sync}, which deletes
     * them on the server once its next token is used, so none can be taken here and lost.
     */
    static ObjectNode request(int count) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode list = body.putObject("lists").putObject("first_screen");
        list.putArray("ranges").addArray().add(0).add(Math.max(0, count - 1));
        list.put("timeline_limit", 1);
        ArrayNode state = list.putArray("required_state");
        for (String type : List.of("m.room.name", "m.room.canonical_alias", "m.room.encryption", "m.room.create")) {
            state.addArray().add(type).add("");
        }
        state.addArray().add("m.room.member").add("$ME");
        return body;
    }

    /**
     * The sliding sync rooms in the shape {@link RoomDirectory#apply} reads from {@code /sync}: joined rooms with
     * their required state as state and their timeline; invitations with their stripped state; heroes (the server's
     * choice of other members, with display names) as member events and {@code m.heroes}.
     */
    static ObjectNode asSyncResponse(JsonNode slidingSync) {
        ObjectNode sync = JSON.createObjectNode();
        ObjectNode rooms = sync.putObject("rooms");
        ObjectNode join = rooms.putObject("join");
        ObjectNode invites = rooms.putObject("invite");
        slidingSync.path("rooms").properties().forEach(entry -> {
            JsonNode room = entry.getValue();
            if (room.path("invite_state").isArray()) {
                invites.putObject(entry.getKey()).putObject("invite_state").set("events", room.path("invite_state"));
                return;
            }
            ObjectNode target = join.putObject(entry.getKey());
            ArrayNode state = target.putObject("state").putArray("events");
            room.path("required_state").forEach(state::add);
            ArrayNode heroIds = target.putObject("summary").putArray("m.heroes");
            room.path("heroes").forEach(hero -> {
                String userId = hero.path("user_id").asText("");
                if (userId.isEmpty()) {
                    return;
                }
                heroIds.add(userId);
                ObjectNode member = state.addObject().put("type", "m.room.member").put("state_key", userId);
                member.putObject("content").put("membership", "join")
                        .put("displayname", hero.path("displayname").asText(""));
            });
            target.putObject("timeline").set("events", room.path("timeline").isArray()
                    ? room.path("timeline") : JSON.createArrayNode());
        });
        return sync;
    }
}
