package de.amtsdesk.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.h2.api.ErrorCode;

/**
 * Timeline events, clear content next to the raw (encrypted) event. Events are immutable in Matrix, so an
 * upsert only ever adds an event or fills in what an earlier attempt could not decrypt; a repeated sync batch
 * changes nothing.
 */
public final class EventRepository {

    /** What an upsert did. */
    public enum Upsert {
        /** The event was new. */
        INSERTED,
        /** The event was stored undecryptable and now arrived readable; its content was filled in. */
        DECRYPTED,
        /** The event was stored already (as readable, or again undecryptable); nothing changed. */
        UNCHANGED
    }

    /**
     * Event types the room list previews. Edits ({@code m.replace}) are left out: the preview shows the message,
     * not the correction of an older one.
     */
    static final String MESSAGE_TYPES = "('m.room.message', 'm.room.encrypted', 'm.sticker', 'm.poll.start',"
            + " 'org.matrix.msc3381.poll.start')";

    static final String COLUMNS = "stream_order, room_id, event_id, sender, origin_server_ts, event_type,"
            + " content_json, raw_json, decryption_status, decryption_error, session_id, verification_state,"
            + " relates_to_event_id, relation_type";

    private final Jdbc jdbc;

    EventRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the event if new; fills in a formerly undecryptable one; otherwise leaves it alone. */
    public Upsert upsert(IncomingEvent event) {
        return jdbc.inTransaction("upsert event", c -> upsert(c, event));
    }

    /**
     * The events of one sync batch, in order, in one transaction, with a few statements instead of several per event:
     * one look-up of what is stored already per {@value #LOOKUP_CHUNK} IDs, and the new rows as one JDBC batch (the
     * initial sync writes thousands of events; issue 11).
     */
    public List<Upsert> upsertAll(List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        return jdbc.inTransaction("upsert events", c -> {
            java.util.Map<String, DecryptionStatus> stored = storedStatus(c, events);
            ArrayList<Upsert> results = new ArrayList<>(events.size());
            List<IncomingEvent> fresh = new ArrayList<>();
            List<Integer> freshAt = new ArrayList<>();
            for (IncomingEvent e : events) {
                DecryptionStatus before = stored.get(e.eventId());
                if (before == null) {
                    // Twice in one batch (state and timeline may repeat an event): the second is unchanged.
                    stored.put(e.eventId(), e.decryptionStatus());
                    fresh.add(e);
                    freshAt.add(results.size());
                    results.add(Upsert.INSERTED);
                } else if (before == DecryptionStatus.UNABLE_TO_DECRYPT
                        && e.decryptionStatus() != DecryptionStatus.UNABLE_TO_DECRYPT) {
                    fillIn(c, e.eventId(), e.eventType(), e.contentJson(), e.decryptionStatus(),
                            e.verificationState(), relationOf(e));
                    stored.put(e.eventId(), e.decryptionStatus());
                    results.add(Upsert.DECRYPTED);
                } else {
                    results.add(Upsert.UNCHANGED);
                }
            }
            int[] inserted = insertAll(c, fresh);
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] == java.sql.Statement.EXECUTE_FAILED) {
                    results.set(freshAt.get(i), Upsert.UNCHANGED);
                }
            }
            return results;
        });
    }

    /** How many event IDs one look-up names: a bounded IN list, which H2 answers from the unique index. */
    static final int LOOKUP_CHUNK = 500;

    /** The stored decryption status of those of the events that are stored already, locked for the fill-in. */
    private static java.util.Map<String, DecryptionStatus> storedStatus(Connection c, List<IncomingEvent> events)
            throws SQLException {
        java.util.Map<String, DecryptionStatus> stored = new java.util.HashMap<>();
        List<String> ids = events.stream().map(IncomingEvent::eventId).distinct().toList();
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            for (String[] row : Jdbc.list(c, r -> new String[] {r.getString(1), r.getString(2)},
                    "SELECT event_id, decryption_status FROM events WHERE event_id IN (" + marks + ") FOR UPDATE",
                    chunk.toArray())) {
                stored.put(row[0], DecryptionStatus.valueOf(row[1]));
            }
        }
        return stored;
    }

    /**
     * New rows as one JDBC batch, in order (the identity column keeps server order). A row another thread stored
     * meanwhile (paging back older history) fails alone as a duplicate and counts as unchanged; H2 undoes only
     * that statement.
     *
     * @return per event its update count, or {@link java.sql.Statement#EXECUTE_FAILED} for such a duplicate
     */
    private static int[] insertAll(Connection c, List<IncomingEvent> fresh) throws SQLException {
        if (fresh.isEmpty()) {
            return new int[0];
        }
        try (java.sql.PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (IncomingEvent e : fresh) {
                bindInsert(insert, e, relationOf(e));
                insert.addBatch();
            }
            try {
                return insert.executeBatch();
            } catch (java.sql.BatchUpdateException partly) {
                for (SQLException cause = partly.getNextException(); cause != null; cause = cause.getNextException()) {
                    if (cause.getErrorCode() != ErrorCode.DUPLICATE_KEY_1) {
                        throw partly;
                    }
                }
                int[] counts = partly.getUpdateCounts();
                if (counts.length != fresh.size()) {
                    throw partly;
                }
                return counts;
            }
        }
    }

    private static final String INSERT = """
            INSERT INTO events (room_id, event_id, sender, origin_server_ts, event_type, content_json,
                raw_json, decryption_status, decryption_error, session_id, verification_state,
                relates_to_event_id, relation_type)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static void bindInsert(java.sql.PreparedStatement insert, IncomingEvent e, Relation relation)
            throws SQLException {
        insert.setString(1, e.roomId());
        insert.setString(2, e.eventId());
        insert.setString(3, e.sender());
        insert.setLong(4, e.originServerTs());
        insert.setString(5, e.eventType());
        insert.setString(6, e.contentJson());
        insert.setString(7, e.rawJson());
        insert.setString(8, e.decryptionStatus().name());
        insert.setString(9, Jdbc.clip(e.decryptionError(), 1024));
        insert.setString(10, e.sessionId());
        insert.setString(11, e.verificationState());
        insert.setString(12, relation == null ? null : relation.eventId());
        insert.setString(13, relation == null ? null : relation.type());
    }

    /** The event's relation; a plaintext event's raw content is its content, so no second look is needed. */
    private static Relation relationOf(IncomingEvent e) {
        return e.decryptionStatus() == DecryptionStatus.PLAINTEXT ? Relation.fromContent(e.contentJson())
                : relationOf(e.contentJson(), e.rawJson());
    }

    private Upsert upsert(Connection c, IncomingEvent e) throws SQLException {
        Optional<DecryptionStatus> stored = Jdbc.first(c, row -> DecryptionStatus.valueOf(row.getString(1)),
                "SELECT decryption_status FROM events WHERE event_id = ? FOR UPDATE", e.eventId());
        // A plaintext event's raw content is its content: no second look needed.
        Relation relation = relationOf(e);
        if (stored.isEmpty()) {
            try {
                insert(c, e, relation);
            } catch (SQLException race) {
                if (race.getErrorCode() != ErrorCode.DUPLICATE_KEY_1) {
                    throw race;
                }
                // Another thread stored the same event between our look and our insert: it is there, which is
                // all an idempotent upsert promises. H2 undoes only the failed statement, not the transaction.
                return Upsert.UNCHANGED;
            }
            return Upsert.INSERTED;
        }
        if (stored.get() == DecryptionStatus.UNABLE_TO_DECRYPT
                && e.decryptionStatus() != DecryptionStatus.UNABLE_TO_DECRYPT) {
            fillIn(c, e.eventId(), e.eventType(), e.contentJson(), e.decryptionStatus(), e.verificationState(),
                    relation);
            return Upsert.DECRYPTED;
        }
        return Upsert.UNCHANGED;
    }

    private static void insert(Connection c, IncomingEvent e, Relation relation) throws SQLException {
        try (java.sql.PreparedStatement insert = c.prepareStatement(INSERT)) {
            bindInsert(insert, e, relation);
            insert.executeUpdate();
        }
    }

    /**
     * Older history, oldest first, placed before everything stored: the stream order counts down from the lowest
     * one in the table (negative numbers are fine, V6), so per-room timeline order stays server order. Events
     * already stored are skipped.
     *
     * @return how many were new
     */
    public int insertOlder(List<IncomingEvent> oldestFirst) {
        return jdbc.inTransaction("insert older events", c -> {
            List<IncomingEvent> fresh = new ArrayList<>();
            for (IncomingEvent e : oldestFirst) {
                if (Jdbc.count(c, "SELECT COUNT(*) FROM events WHERE event_id = ?", e.eventId()) == 0) {
                    fresh.add(e);
                }
            }
            long lowest = Jdbc.first(c, row -> row.getLong(1), "SELECT MIN(stream_order) FROM events")
                    .orElse(1L);
            long order = Math.min(lowest, 1L) - fresh.size();
            for (IncomingEvent e : fresh) {
                Relation relation = e.decryptionStatus() == DecryptionStatus.PLAINTEXT
                        ? Relation.fromContent(e.contentJson()) : relationOf(e.contentJson(), e.rawJson());
                Jdbc.update(c, """
                        INSERT INTO events (stream_order, room_id, event_id, sender, origin_server_ts, event_type,
                            content_json, raw_json, decryption_status, decryption_error, session_id,
                            verification_state, relates_to_event_id, relation_type)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        order++, e.roomId(), e.eventId(), e.sender(), e.originServerTs(), e.eventType(),
                        e.contentJson(), e.rawJson(), e.decryptionStatus(), Jdbc.clip(e.decryptionError(), 1024),
                        e.sessionId(), e.verificationState(), relation == null ? null : relation.eventId(),
                        relation == null ? null : relation.type());
            }
            return fresh.size();
        });
    }

    /**
     * The room's first stored event that is not a state event: where paging into older history starts. State events
     * are skipped because a room's first sync stores its whole state (creation included) before the timeline, so
     * the first stored row is often the room's creation, and nothing lies before that.
     */
    public Optional<StoredEvent> oldest(String roomId) {
        return jdbc.run("load oldest event", c -> Jdbc.first(c, EventRepository::map,
                "SELECT " + COLUMNS + " FROM events WHERE room_id = ? AND raw_json NOT LIKE '%\"state_key\"%'"
                        + " ORDER BY stream_order LIMIT 1", roomId));
    }

    /**
     * Records the clear type and content of an event that was stored undecryptable (its key arrived later).
     *
     * @return whether the event was undecryptable and is now decrypted; false if unknown or readable already
     */
    public boolean markDecrypted(String eventId, String clearType, String clearContentJson,
            String verificationState) {
        Objects.requireNonNull(clearType, "clearType");
        Objects.requireNonNull(clearContentJson, "clearContentJson");
        return jdbc.inTransaction("mark event decrypted", c -> {
            Optional<String> raw = Jdbc.first(c, row -> row.getString(1),
                    "SELECT raw_json FROM events WHERE event_id = ? AND decryption_status = 'UNABLE_TO_DECRYPT'"
                            + " FOR UPDATE", eventId);
            if (raw.isEmpty()) {
                return false;
            }
            fillIn(c, eventId, clearType, clearContentJson, DecryptionStatus.DECRYPTED, verificationState,
                    relationOf(clearContentJson, raw.get()));
            return true;
        });
    }

    /** Notes a failed retry's reason on an undecryptable event. */
    public boolean updateDecryptionError(String eventId, String decryptionError) {
        return jdbc.run("update decryption error", c -> Jdbc.update(c,
                "UPDATE events SET decryption_error = ? WHERE event_id = ? AND decryption_status = 'UNABLE_TO_DECRYPT'",
                Jdbc.clip(decryptionError, 1024), eventId)) > 0;
    }

    private static void fillIn(Connection c, String eventId, String type, String content, DecryptionStatus status,
            String verificationState, Relation relation) throws SQLException {
        Jdbc.update(c, """
                UPDATE events SET event_type = ?, content_json = ?, decryption_status = ?, decryption_error = NULL,
                    verification_state = ?,
                    relates_to_event_id = COALESCE(?, relates_to_event_id), relation_type = COALESCE(?, relation_type)
                WHERE event_id = ?""",
                type, content, status, verificationState, relation == null ? null : relation.eventId(),
                relation == null ? null : relation.type(), eventId);
    }

    /**
     * Clear content wins. Matrix keeps {@code m.relates_to} unencrypted beside the ciphertext (the server
     * aggregates by it), and decrypted content does not always repeat it, so the raw event is the fallback.
     */
    private static Relation relationOf(String contentJson, String rawJson) {
        Relation relation = Relation.fromContent(contentJson);
        return relation != null ? relation : Relation.fromRawEvent(rawJson);
    }

    public Optional<StoredEvent> find(String eventId) {
        return jdbc.run("find event", c -> Jdbc.first(c, EventRepository::map,
                "SELECT " + COLUMNS + " FROM events WHERE event_id = ?", eventId));
    }

    /** The latest {@code limit} events of the room, oldest first (timeline order). */
    public List<StoredEvent> timeline(String roomId, int limit) {
        return jdbc.run("load timeline", c -> Jdbc.list(c, EventRepository::map,
                "SELECT * FROM (SELECT " + COLUMNS + " FROM events WHERE room_id = ? ORDER BY stream_order DESC"
                        + " LIMIT ?) ORDER BY stream_order", roomId, limit));
    }

    /** The {@code limit} events before {@code streamOrder} in the room, oldest first (scrolling back). */
    public List<StoredEvent> timelineBefore(String roomId, long streamOrder, int limit) {
        return jdbc.run("load timeline", c -> Jdbc.list(c, EventRepository::map,
                "SELECT * FROM (SELECT " + COLUMNS + " FROM events WHERE room_id = ? AND stream_order < ?"
                        + " ORDER BY stream_order DESC LIMIT ?) ORDER BY stream_order", roomId, streamOrder, limit));
    }

    /** Undecryptable events of one room, or of all rooms when {@code roomId} is null, in timeline order. */
    public List<StoredEvent> undecryptable(String roomId) {
        return jdbc.run("list undecryptable events", c -> roomId == null
                ? Jdbc.list(c, EventRepository::map, "SELECT " + COLUMNS
                        + " FROM events WHERE decryption_status = 'UNABLE_TO_DECRYPT' ORDER BY stream_order")
                : Jdbc.list(c, EventRepository::map, "SELECT " + COLUMNS
                        + " FROM events WHERE decryption_status = 'UNABLE_TO_DECRYPT' AND room_id = ?"
                        + " ORDER BY stream_order", roomId));
    }

    /** Undecryptable events of one Megolm session: what to retry once that session's key arrives. */
    public List<StoredEvent> undecryptableInSession(String sessionId) {
        return jdbc.run("list undecryptable events", c -> Jdbc.list(c, EventRepository::map, "SELECT " + COLUMNS
                + " FROM events WHERE decryption_status = 'UNABLE_TO_DECRYPT' AND session_id = ?"
                + " ORDER BY stream_order", sessionId));
    }

    /** Events that relate to the given one (its edits, a poll's responses), in timeline order. */
    public List<StoredEvent> relatedTo(String eventId) {
        return jdbc.run("list related events", c -> Jdbc.list(c, EventRepository::map,
                "SELECT " + COLUMNS + " FROM events WHERE relates_to_event_id = ? ORDER BY stream_order", eventId));
    }

    /**
     * The latest message-like event of the room (message, sticker, poll start, or one still undecryptable), for
     * the room list's preview; edits are skipped.
     */
    public Optional<StoredEvent> lastMessage(String roomId) {
        return jdbc.run("load last message", c -> Jdbc.first(c, EventRepository::map,
                "SELECT " + COLUMNS + " FROM events WHERE room_id = ? AND event_type IN " + MESSAGE_TYPES
                        + " AND (relation_type IS NULL OR relation_type <> 'm.replace')"
                        + " ORDER BY stream_order DESC LIMIT 1", roomId));
    }

    public long count(String roomId) {
        return jdbc.run("count events", c -> Jdbc.count(c, "SELECT COUNT(*) FROM events WHERE room_id = ?", roomId));
    }

    static StoredEvent map(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong("stream_order"), row.getString("room_id"), row.getString("event_id"),
                row.getString("sender"), row.getLong("origin_server_ts"), row.getString("event_type"),
                row.getString("content_json"), row.getString("raw_json"),
                DecryptionStatus.valueOf(row.getString("decryption_status")), row.getString("decryption_error"),
                row.getString("session_id"), row.getString("verification_state"),
                row.getString("relates_to_event_id"), row.getString("relation_type"));
    }
}
