package de.amtsdesk.core.store;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Messages written by the caseworker, kept until the homeserver has them, across restarts and outages.
 *
 * <p>Order: within a room the oldest unsent message goes first, and a message does not overtake one that is
 * still sending or has failed (a citizen must read the case's messages in the order they were written). Rooms
 * do not hold each other up.
 *
 * <p>Every state change is a conditional update, so repeating one (a retried "sent" callback, say) is harmless
 * and reports {@code false}.
 */
public final class OutboxRepository {

    private static final String TXN_PREFIX = "amtsdesk-";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "seq, txn_id, room_id, event_type, content_json, attachment_path, state,"
            + " attempts, last_error, event_id, created_at";

    private final Jdbc jdbc;

    OutboxRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues a message.
     *
     * @return its transaction id, {@code amtsdesk-} and 128 random bits: unique per device without coordination,
     *         which is what the homeserver's deduplication of retried sends relies on
     */
    public String enqueue(String roomId, String eventType, String contentJson, String attachmentPath) {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(contentJson, "contentJson");
        String txnId = newTxnId();
        long now = jdbc.now();
        jdbc.run("enqueue message", c -> Jdbc.update(c, """
                INSERT INTO outbox (txn_id, room_id, event_type, content_json, attachment_path, state, attempts,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)""",
                txnId, roomId, eventType, contentJson, attachmentPath, now, now));
        return txnId;
    }

    static String newTxnId() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return TXN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The next message the sender may send in this room: the room's oldest unsent one, if it is queued. */
    public Optional<OutboxMessage> nextPending(String roomId) {
        return jdbc.run("next outbox message", c -> Jdbc.first(c, OutboxRepository::map,
                "SELECT " + COLUMNS + " FROM outbox WHERE room_id = ? AND state <> 'SENT' ORDER BY seq LIMIT 1",
                roomId)).filter(message -> message.state() == OutboxState.QUEUED);
    }

    /** The next message the sender may send in any room: the oldest queued message at the head of its room. */
    public Optional<OutboxMessage> nextPending() {
        return jdbc.run("next outbox message", c -> Jdbc.first(c, OutboxRepository::map, "SELECT " + COLUMNS
                + " FROM outbox o WHERE o.state = 'QUEUED' AND NOT EXISTS (SELECT 1 FROM outbox p"
                + " WHERE p.room_id = o.room_id AND p.seq < o.seq AND p.state <> 'SENT') ORDER BY o.seq LIMIT 1"));
    }

    /** Unsent messages of the room, oldest first, for showing them greyed in the timeline. */
    public List<OutboxMessage> unsent(String roomId) {
        return jdbc.run("list unsent messages", c -> Jdbc.list(c, OutboxRepository::map,
                "SELECT " + COLUMNS + " FROM outbox WHERE room_id = ? AND state <> 'SENT' ORDER BY seq", roomId));
    }

    public Optional<OutboxMessage> find(String txnId) {
        return jdbc.run("find outbox message", c -> Jdbc.first(c, OutboxRepository::map,
                "SELECT " + COLUMNS + " FROM outbox WHERE txn_id = ?", txnId));
    }

    /** QUEUED → SENDING, counting the attempt. False if the message is not queued (taken by another sender). */
    public boolean markSending(String txnId) {
        return transition("mark sending", "state = 'SENDING', attempts = attempts + 1", "state = 'QUEUED'", txnId);
    }

    /**
     * Any unsent state → SENT with the homeserver's event id (a late success after a reported failure counts).
     * False if it was sent already: the first event id stays.
     */
    public boolean markSent(String txnId, String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        return jdbc.run("mark sent", c -> Jdbc.update(c,
                "UPDATE outbox SET state = 'SENT', event_id = ?, last_error = NULL, updated_at = ?"
                        + " WHERE txn_id = ? AND state <> 'SENT'", eventId, jdbc.now(), txnId)) > 0;
    }

    /**
     * QUEUED or SENDING → FAILED with a reason for the log and the UI. The reason must not quote the message.
     * False if the message was sent meanwhile (a late failure never undoes a success).
     */
    public boolean markFailed(String txnId, String error) {
        return jdbc.run("mark failed", c -> Jdbc.update(c,
                "UPDATE outbox SET state = 'FAILED', last_error = ?, updated_at = ?"
                        + " WHERE txn_id = ? AND state IN ('QUEUED', 'SENDING')",
                Jdbc.clip(error, 1024), jdbc.now(), txnId)) > 0;
    }

    /** FAILED → QUEUED, keeping its place in the room's order. */
    public boolean retry(String txnId) {
        return transition("retry", "state = 'QUEUED'", "state = 'FAILED'", txnId);
    }

    /** Drops a message that was not sent (queued or failed), so it stops holding up its room. */
    public boolean discard(String txnId) {
        return jdbc.run("discard message", c -> Jdbc.update(c,
                "DELETE FROM outbox WHERE txn_id = ? AND state IN ('QUEUED', 'FAILED')", txnId)) > 0;
    }

    /**
     * SENDING → QUEUED for all messages: after a crash nobody is sending them. Safe because the same
     * transaction id lets the homeserver recognise a send that did arrive. Called by {@link AppDatabase} on open.
     */
    public int requeueInterrupted() {
        return jdbc.run("requeue interrupted sends", c -> Jdbc.update(c,
                "UPDATE outbox SET state = 'QUEUED', updated_at = ? WHERE state = 'SENDING'", jdbc.now()));
    }

    /** Messages not yet sent (queued, sending or failed), in all rooms. */
    public long pendingCount() {
        return jdbc.run("count pending", c -> Jdbc.count(c, "SELECT COUNT(*) FROM outbox WHERE state <> 'SENT'"));
    }

    public long pendingCount(String roomId) {
        return jdbc.run("count pending", c -> Jdbc.count(c,
                "SELECT COUNT(*) FROM outbox WHERE room_id = ? AND state <> 'SENT'", roomId));
    }

    private boolean transition(String what, String set, String condition, String txnId) {
        return jdbc.run(what, c -> Jdbc.update(c,
                "UPDATE outbox SET " + set + ", updated_at = ? WHERE txn_id = ? AND " + condition, jdbc.now(),
                txnId)) > 0;
    }

    private static OutboxMessage map(ResultSet row) throws SQLException {
        return new OutboxMessage(row.getLong("seq"), row.getString("txn_id"), row.getString("room_id"),
                row.getString("event_type"), row.getString("content_json"), row.getString("attachment_path"),
                OutboxState.valueOf(row.getString("state")), row.getInt("attempts"), row.getString("last_error"),
                row.getString("event_id"), row.getLong("created_at"));
    }
}
