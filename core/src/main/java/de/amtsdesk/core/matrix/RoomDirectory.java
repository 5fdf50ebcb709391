package de.amtsdesk.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds {@code /sync} responses into the per-room facts the room list shows. Malformed events are skipped, never
 * fatal: one broken event from a remote server must not hide every other conversation.
 */
public final class RoomDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(RoomDirectory.class);
    private static final int MAX_HEROES = 5;

    private final String ownUserId;
    private final Clock clock;
    private final Map<String, RoomFacts> rooms = new LinkedHashMap<>();
    private final Map<String, String> inviters = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Rooms known to have been encrypted, kept apart from the per-room facts: leaving a room or losing the snapshot
     * drops facts, but a room that was encrypted stays encrypted (the event cannot be removed from a room).
     */
    private final Set<String> everEncrypted = new java.util.HashSet<>();

    public RoomDirectory(String ownUserId, Clock clock) {
        this.ownUserId = ownUserId;
        this.clock = clock;
    }

    public synchronized void apply(JsonNode sync) {
        JsonNode roomsNode = sync.path("rooms");
        roomsNode.path("join").properties().forEach(entry -> applyJoined(entry.getKey(), entry.getValue()));
        roomsNode.path("invite").properties().forEach(entry -> applyInvite(entry.getKey(), entry.getValue()));
        roomsNode.path("leave").properties().forEach(entry -> rooms.remove(entry.getKey()));
    }

    /** Rooms the account is invited to and has not joined yet. */
    public synchronized Set<String> pendingInvites() {
        Set<String> invites = new TreeSet<>();
        rooms.forEach((id, facts) -> {
            if (facts.membership == RoomSummary.Membership.INVITED) {
                invites.add(id);
            }
        });
        return invites;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The directory as JSON, stored next to the sync token so that after a restart an incremental sync (from the
     * stored token) still knows every room's name and members.
     */
    public synchronized String snapshot() {
        ObjectNode root = JSON.createObjectNode();
        rooms.forEach((id, facts) -> {
            ObjectNode room = root.putObject(id);
            room.put("name", facts.name).put("alias", facts.canonicalAlias).put("encrypted", facts.encrypted)
                    .put("membership", facts.membership.name()).put("firstSeen", facts.firstSeen.toEpochMilli());
            if (facts.lastEvent != null) {
                room.put("lastEvent", facts.lastEvent.toEpochMilli());
            }
            if (facts.heroes != null) {
                ArrayNode heroes = room.putArray("heroes");
                facts.heroes.forEach(heroes::add);
            }
            ObjectNode members = room.putObject("members");
            facts.members.forEach((user, m) -> members.putObject(user).put("displayname", m.displayName)
                    .put("membership", m.membership));
        });
        return root.toString();
    }

    public synchronized void restore(String snapshot) {
        if (snapshot == null || snapshot.isBlank()) {
            return;
        }
        try {
            JSON.readTree(snapshot).properties().forEach(entry -> {
                JsonNode room = entry.getValue();
                RoomFacts facts = new RoomFacts(Instant.ofEpochMilli(room.path("firstSeen").asLong(0)));
                facts.name = room.path("name").asText("");
                facts.canonicalAlias = room.path("alias").asText("");
                facts.encrypted = room.path("encrypted").asBoolean(false);
                facts.membership = RoomSummary.Membership.valueOf(room.path("membership").asText("JOINED"));
                if (room.has("lastEvent")) {
                    facts.lastEvent = Instant.ofEpochMilli(room.path("lastEvent").asLong());
                }
                if (room.path("heroes").isArray()) {
                    facts.heroes = new ArrayList<>();
                    room.path("heroes").forEach(h -> facts.heroes.add(h.asText()));
                }
                room.path("members").properties().forEach(m -> facts.members.put(m.getKey(), new Member(
                        m.getValue().path("displayname").asText(""), m.getValue().path("membership").asText(""))));
                rooms.put(entry.getKey(), facts);
            });
        } catch (Exception e) {
            // A damaged snapshot costs names until the next full sync, never the start of the app.
            LOG.warn("ignoring unreadable room directory snapshot: {}", e.getClass().getSimpleName());
        }
    }

    /** The member's display name in that room, or the user ID when none is known. */
    public synchronized String memberName(String roomId, String userId) {
        RoomFacts facts = rooms.get(roomId);
        return facts == null ? userId : nameOf(facts, userId);
    }

    /** Whether the room is encrypted, as far as the state seen so far (or the sticky record) tells. */
    public synchronized boolean isEncrypted(String roomId) {
        RoomFacts facts = rooms.get(roomId);
        return everEncrypted.contains(roomId) || facts != null && facts.encrypted;
    }

    /** From the sticky record in the store: these rooms count as encrypted whatever the snapshot says. */
    public synchronized void markEncrypted(java.util.Collection<String> roomIds) {
        everEncrypted.addAll(roomIds);
    }

    /** Members who are joined or invited: the people whose devices need the room key. */
    public synchronized List<String> membersToShareWith(String roomId) {
        RoomFacts facts = rooms.get(roomId);
        if (facts == null) {
            return List.of();
        }
        return facts.members.entrySet().stream()
                .filter(e -> e.getValue().membership.equals("join") || e.getValue().membership.equals("invite"))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Most recently active first, as in every messenger. */
    public synchronized List<RoomSummary> summaries() {
        List<RoomSummary> result = new ArrayList<>();
        rooms.forEach((id, facts) -> result.add(new RoomSummary(id, displayName(id, facts), facts.lastActivity(),
                facts.encrypted || everEncrypted.contains(id), facts.membership)));
        result.sort(Comparator.comparing(RoomSummary::lastActivity).reversed().thenComparing(RoomSummary::roomId));
        return List.copyOf(result);
    }

    private void applyJoined(String roomId, JsonNode room) {
        RoomFacts facts = rooms.computeIfAbsent(roomId, id -> new RoomFacts(clock.instant()));
        facts.membership = RoomSummary.Membership.JOINED;
        JsonNode heroes = room.path("summary").path("m.heroes");
        if (heroes.isArray()) {
            facts.heroes = new ArrayList<>();
            heroes.forEach(h -> facts.heroes.add(h.asText()));
        }
        room.path("state").path("events").forEach(event -> applyEvent(facts, event));
        room.path("timeline").path("events").forEach(event -> applyEvent(facts, event));
    }

    private void applyInvite(String roomId, JsonNode room) {
        RoomFacts facts = rooms.computeIfAbsent(roomId, id -> new RoomFacts(clock.instant()));
        facts.membership = RoomSummary.Membership.INVITED;
        room.path("invite_state").path("events").forEach(event -> {
            applyEvent(facts, event);
            if (event.path("type").asText("").equals("m.room.member")
                    && event.path("state_key").asText("").equals(ownUserId)
                    && event.path("content").path("membership").asText("").equals("invite")) {
                inviters.put(roomId, event.path("sender").asText(""));
            }
        });
    }

    /**
     * Who invited this account to the room, as the invite said (kept in memory only: after a restart between invite
     * and join it is unknown here).
     */
    public java.util.Optional<String> inviterOf(String roomId) {
        return java.util.Optional.ofNullable(inviters.get(roomId)).filter(s -> !s.isEmpty());
    }

    private void applyEvent(RoomFacts facts, JsonNode event) {
        String type = event.path("type").asText(null);
        if (type == null || !event.isObject()) {
            LOG.debug("skipping malformed event without type");
            return;
        }
        long ts = event.path("origin_server_ts").asLong(0);
        if (ts > 0 && (facts.lastEvent == null || ts > facts.lastEvent.toEpochMilli())) {
            facts.lastEvent = Instant.ofEpochMilli(ts);
        }
        JsonNode stateKey = event.get("state_key");
        if (stateKey == null || !stateKey.isTextual()) {
            return;
        }
        JsonNode content = event.path("content");
        switch (type) {
            case "m.room.name" -> facts.name = content.path("name").asText("").strip();
            case "m.room.canonical_alias" -> facts.canonicalAlias = content.path("alias").asText("").strip();
            case "m.room.encryption" -> facts.encrypted = facts.encrypted || content.has("algorithm");
            case "m.room.member" -> facts.members.put(stateKey.asText(),
                    new Member(content.path("displayname").asText("").strip(), content.path("membership").asText("")));
            default -> { }
        }
    }

    /** The display name rules of the Matrix spec (client-server API, "Calculating the display name for a room"). */
    private String displayName(String roomId, RoomFacts facts) {
        if (!facts.name.isEmpty()) {
            return facts.name;
        }
        if (!facts.canonicalAlias.isEmpty()) {
            return facts.canonicalAlias;
        }
        List<String> heroIds = facts.heroes != null ? facts.heroes : membersOtherThanMe(facts);
        List<String> names = heroIds.stream()
                .filter(id -> !id.equals(ownUserId))
                .limit(MAX_HEROES)
                .map(id -> nameOf(facts, id))
                .toList();
        return names.isEmpty() ? roomId : String.join(", ", names);
    }

    private List<String> membersOtherThanMe(RoomFacts facts) {
        return facts.members.entrySet().stream()
                .filter(e -> !e.getKey().equals(ownUserId))
                .filter(e -> e.getValue().membership.equals("join") || e.getValue().membership.equals("invite"))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    private static String nameOf(RoomFacts facts, String userId) {
        Member member = facts.members.get(userId);
        return member != null && !member.displayName.isEmpty() ? member.displayName : userId;
    }

    private record Member(String displayName, String membership) { }

    private static final class RoomFacts {
        private String name = "";
        private String canonicalAlias = "";
        private boolean encrypted;
        private List<String> heroes;
        private final Map<String, Member> members = new HashMap<>();
        /** Invites carry stripped state without timestamps; until an event arrives, "when we first saw it" counts. */
        private final Instant firstSeen;
        private Instant lastEvent;
        private RoomSummary.Membership membership = RoomSummary.Membership.JOINED;

        private RoomFacts(Instant firstSeen) {
            this.firstSeen = firstSeen;
        }

        private Instant lastActivity() {
            return lastEvent != null ? lastEvent : firstSeen;
        }
    }
}
