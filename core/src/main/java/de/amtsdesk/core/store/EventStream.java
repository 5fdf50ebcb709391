package de.amtsdesk.core.store;

import java.util.Collection;
import java.util.List;

/**
 * Reads stored timeline events forward from a stream position, for folds that consume the store incrementally
 * (the case model's staff log and citizen activity) and remember how far they got.
 */
public final class EventStream {

    /** Message-like events count as activity in a conversation (an undecryptable one still has a sender). */
    private static final String ACTIVITY_TYPES = EventRepository.MESSAGE_TYPES;
    private static final String COLUMNS = EventRepository.COLUMNS;

    private final Jdbc jdbc;

    private EventStream(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public static EventStream of(AppDatabase db) {
        return new EventStream(db.jdbc());
    }

    /** Events of one room after {@code streamOrder}, in stream (timeline) order, at most {@code limit}. */
    public List<StoredEvent> roomAfter(String roomId, long streamOrder, int limit) {
        // Ordered like the index (room_id, stream_order), so H2 reads only `limit` rows of it; ordered by
        // stream_order alone, it reads the room's whole rest and sorts it, for every chunk.
        return jdbc.run("read room stream", c -> Jdbc.list(c, EventRepository::map, "SELECT " + COLUMNS
                + " FROM events WHERE room_id = ? AND stream_order > ? ORDER BY room_id, stream_order LIMIT ?",
                roomId, streamOrder, limit));
    }

    /** Message-like events of all rooms after {@code streamOrder}, in stream order, at most {@code limit}. */
    public List<StoredEvent> messagesAfter(long streamOrder, int limit) {
        return jdbc.run("read message stream", c -> Jdbc.list(c, EventRepository::map, "SELECT " + COLUMNS
                + " FROM events WHERE stream_order > ? AND event_type IN " + ACTIVITY_TYPES
                + " ORDER BY stream_order LIMIT ?", streamOrder, limit));
    }

    /** The stored events with these IDs (those that exist), in stream order. */
    public List<StoredEvent> byIds(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(eventIds.size(), "?"));
        return jdbc.run("read events", c -> Jdbc.list(c, EventRepository::map, "SELECT " + COLUMNS
                + " FROM events WHERE event_id IN (" + marks + ") ORDER BY stream_order", eventIds.toArray()));
    }

    /** The first stored event of a type in a room (e.g. its {@code m.room.create}). */
    public java.util.Optional<StoredEvent> firstOfType(String roomId, String eventType) {
        return jdbc.run("read first event of type", c -> Jdbc.first(c, EventRepository::map, "SELECT " + COLUMNS
                + " FROM events WHERE room_id = ? AND event_type = ? ORDER BY room_id, stream_order LIMIT 1",
                roomId, eventType));
    }

    /** The highest stream position in the store (0 when empty): where a reader that has seen everything stands. */
    public long head() {
        return jdbc.run("stream head", c -> Jdbc.count(c, "SELECT COALESCE(MAX(stream_order), 0) FROM events"));
    }
}
