package de.amtsdesk.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsdesk.core.matrix.MatrixClient;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.Session;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the hole a {@code limited} sync timeline leaves: when a workstation was off while more messages arrived in
 * a room than one sync carries, the older ones are fetched backwards with {@code /messages} from the timeline's
 * {@code prev_batch} until an event this workstation already has. Without this, a citizen's messages are silently
 * lost for the agency. Only rooms that already have stored events are filled: a room seen for the first time has no
 * hole to close (its older history pages in on demand), unless its whole history was asked for (the staff room, whose
 * log a member who joins later folds from the start).
 */
final class GapFiller {

    private static final Logger LOG = LoggerFactory.getLogger(GapFiller.class);
    private static final int PAGE = 100;
    /** A bound against a server that never ends the history; far above a realistic week of one conversation. */
    static final int MAX_EVENTS = 20_000;

    private final MatrixClient client;
    private final Session session;
    private final EngineStore store;
    /** Rooms whose whole history is fetched the first time they are seen (the staff room: ADR 0015). */
    private final java.util.Set<String> wholeHistory = java.util.concurrent.ConcurrentHashMap.newKeySet();

    GapFiller(MatrixClient client, Session session, EngineStore store) {
        this.client = client;
        this.session = session;
        this.store = store;
    }

    /** From now on, the first sync of this room fetches everything before its timeline, back to the room's start. */
    void wantWholeHistory(String roomId) {
        wholeHistory.add(roomId);
    }

    /**
     * The events missing before this sync's timeline of the room, oldest first (server order); empty when the
     * timeline is complete.
     */
    List<JsonNode> missingBefore(String roomId, JsonNode timeline) throws MatrixException {
        String from = timeline.path("prev_batch").asText(null);
        if (!timeline.path("limited").asBoolean(false) || from == null
                || (!store.hasEvents(roomId) && !wholeHistory.contains(roomId))) {
            return List.of();
        }
        JsonNode events = timeline.path("events");
        if (events.isArray() && !events.isEmpty() && store.hasEvent(events.get(0).path("event_id").asText(""))) {
            return List.of(); // the first event of the new timeline is known: nothing is missing
        }
        Deque<JsonNode> missing = new ArrayDeque<>();
        int pages = 0;
        while (missing.size() < MAX_EVENTS) {
            JsonNode page = client.messagesBackwards(session, roomId, from, PAGE);
            pages++;
            JsonNode chunk = page.path("chunk");
            for (JsonNode event : chunk) {
                if (store.hasEvent(event.path("event_id").asText(""))) {
                    LOG.info("filled a gap of {} events in {} ({} pages)", missing.size(), roomId, pages);
                    return List.copyOf(missing);
                }
                missing.addFirst(event);
            }
            String end = page.path("end").asText(null);
            if (end == null || chunk.isEmpty() || end.equals(from)) {
                LOG.info("filled a gap of {} events in {} back to the start of the room", missing.size(), roomId);
                return List.copyOf(missing);
            }
            from = end;
        }
        LOG.warn("gap in {} larger than {} events: the oldest part stays missing until paged in", roomId,
                MAX_EVENTS);
        return List.copyOf(missing);
    }
}
