package de.amtsdesk.core.store;

import java.util.List;

/**
 * Replies a caseworker sent through the functional account whose attribution ({@code de.amtsdesk.case.replied} in
 * the staff room) is still to be queued (schema 7, table {@code reply_attributions}, ADR 0011). Lives in the store
 * of the caseworker's staff profile. Holds a SHA-256 of the text, never the text.
 */
public final class ReplyAttributionRepository {

    /**
     * @param replyTxnId the functional account's outbox transaction ID of the reply
     * @param kind       {@code text}, {@code poll}, {@code file} or {@code template}
     * @param templateId set exactly when {@code kind} is {@code template}
     * @param staffTxnId the staff outbox transaction of the {@code replied} event, once queued
     */
    public record PendingAttribution(String replyTxnId, String caseId, String kind, String templateId,
            String bodySha256, long createdAt, String staffTxnId) {
    }

    private final Jdbc jdbc;

    private ReplyAttributionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public static ReplyAttributionRepository of(AppDatabase db) {
        return new ReplyAttributionRepository(db.jdbc());
    }

    public void add(String replyTxnId, String caseId, String kind, String templateId, String bodySha256) {
        jdbc.run("add reply attribution", c -> Jdbc.update(c, """
                INSERT INTO reply_attributions (reply_txn_id, case_id, kind, template_id, body_sha256, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""", replyTxnId, caseId, kind, templateId, bodySha256, jdbc.now()));
    }

    /** Those whose staff event is not queued yet, oldest first. */
    public List<PendingAttribution> unattributed() {
        return jdbc.run("list reply attributions", c -> Jdbc.list(c, ReplyAttributionRepository::row,
                "SELECT * FROM reply_attributions WHERE staff_txn_id IS NULL ORDER BY created_at, reply_txn_id"));
    }

    public List<PendingAttribution> all() {
        return jdbc.run("list reply attributions", c -> Jdbc.list(c, ReplyAttributionRepository::row,
                "SELECT * FROM reply_attributions ORDER BY created_at, reply_txn_id"));
    }

    /** Records the staff event's transaction; false if the row is gone or had one already. */
    public boolean markAttributed(String replyTxnId, String staffTxnId) {
        return jdbc.run("mark reply attributed", c -> Jdbc.update(c,
                "UPDATE reply_attributions SET staff_txn_id = ? WHERE reply_txn_id = ? AND staff_txn_id IS NULL",
                staffTxnId, replyTxnId)) > 0;
    }

    /** Forgets a reply that will never be sent (discarded from the outbox). */
    public void remove(String replyTxnId) {
        jdbc.run("remove reply attribution", c -> Jdbc.update(c,
                "DELETE FROM reply_attributions WHERE reply_txn_id = ?", replyTxnId));
    }

    private static PendingAttribution row(java.sql.ResultSet r) throws java.sql.SQLException {
        return new PendingAttribution(r.getString("reply_txn_id"), r.getString("case_id"), r.getString("kind"),
                r.getString("template_id"), r.getString("body_sha256"), r.getLong("created_at"),
                r.getString("staff_txn_id"));
    }
}
