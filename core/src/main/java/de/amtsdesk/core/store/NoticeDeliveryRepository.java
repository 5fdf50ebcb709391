package de.amtsdesk.core.store;

import java.util.List;
import java.util.Optional;

/**
 * Signed notices this caseworker sent through the functional account whose delivery evidence
 * ({@code de.amtsdesk.case.notice.delivered} in the staff room) is still to be queued (schema 10, table
 * {@code notice_deliveries}, ADR 0017). Holds hashes and IDs, never the PDF.
 */
public final class NoticeDeliveryRepository {

    /**
     * @param fileTxnId the functional account's outbox transaction of the file event
     * @param eventId   the file event's ID once the outbox sent it
     * @param sentTxnId the staff outbox transaction of the {@code sent} evidence, once queued
     * @param readTxnId the staff outbox transaction of the {@code read} evidence, once queued
     */
    public record PendingDelivery(String fileTxnId, String caseId, String pdfSha256, String draftSha256,
            long createdAt, String eventId, String sentTxnId, String readTxnId) {
    }

    private final Jdbc jdbc;

    private NoticeDeliveryRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public static NoticeDeliveryRepository of(AppDatabase db) {
        return new NoticeDeliveryRepository(db.jdbc());
    }

    public void add(String fileTxnId, String caseId, String pdfSha256, String draftSha256) {
        jdbc.run("add notice delivery", c -> Jdbc.update(c, """
                INSERT INTO notice_deliveries (file_txn_id, case_id, pdf_sha256, draft_sha256, created_at)
                VALUES (?, ?, ?, ?, ?)""", fileTxnId, caseId, pdfSha256, draftSha256, jdbc.now()));
    }

    /** Those whose {@code sent} evidence is not queued yet, oldest first. */
    public List<PendingDelivery> unsent() {
        return jdbc.run("list notice deliveries", c -> Jdbc.list(c, NoticeDeliveryRepository::row,
                "SELECT * FROM notice_deliveries WHERE sent_txn_id IS NULL ORDER BY created_at, file_txn_id"));
    }

    /** Those whose {@code sent} evidence is queued but whose read receipt is not recorded yet. */
    public List<PendingDelivery> awaitingReceipt() {
        return jdbc.run("list notice deliveries", c -> Jdbc.list(c, NoticeDeliveryRepository::row,
                "SELECT * FROM notice_deliveries WHERE sent_txn_id IS NOT NULL AND read_txn_id IS NULL"
                        + " ORDER BY created_at, file_txn_id"));
    }

    public Optional<PendingDelivery> find(String fileTxnId) {
        return jdbc.run("find notice delivery", c -> Jdbc.list(c, NoticeDeliveryRepository::row,
                "SELECT * FROM notice_deliveries WHERE file_txn_id = ?", fileTxnId)).stream().findFirst();
    }

    public boolean markSent(String fileTxnId, String eventId, String sentTxnId) {
        return jdbc.run("mark notice sent", c -> Jdbc.update(c, "UPDATE notice_deliveries SET event_id = ?,"
                + " sent_txn_id = ? WHERE file_txn_id = ? AND sent_txn_id IS NULL", eventId, sentTxnId,
                fileTxnId)) > 0;
    }

    public boolean markRead(String fileTxnId, String readTxnId) {
        return jdbc.run("mark notice read", c -> Jdbc.update(c, "UPDATE notice_deliveries SET read_txn_id = ?"
                + " WHERE file_txn_id = ? AND read_txn_id IS NULL", readTxnId, fileTxnId)) > 0;
    }

    /** Forgets a notice that will never be sent (discarded from the outbox). */
    public void remove(String fileTxnId) {
        jdbc.run("remove notice delivery", c -> Jdbc.update(c,
                "DELETE FROM notice_deliveries WHERE file_txn_id = ?", fileTxnId));
    }

    private static PendingDelivery row(java.sql.ResultSet r) throws java.sql.SQLException {
        return new PendingDelivery(r.getString("file_txn_id"), r.getString("case_id"), r.getString("pdf_sha256"),
                r.getString("draft_sha256"), r.getLong("created_at"), r.getString("event_id"),
                r.getString("sent_txn_id"), r.getString("read_txn_id"));
    }
}
