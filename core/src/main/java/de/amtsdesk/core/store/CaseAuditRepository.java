package de.amtsdesk.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.h2.api.ErrorCode;

/**
 * The case audit trail (schema 3, table {@code case_audit}): append-only rows identified by the event that caused
 * them and their index among that event's entries, so folding the same event again writes nothing twice. Rows are
 * plain values here; {@code de.amtsdesk.core.staff.H2AuditLog} maps them to the case model's audit entries.
 */
public final class CaseAuditRepository {

    /** One stored entry. {@code sequence} is assigned by the store (0 in a row to append). Times in epoch ms. */
    public record Row(long sequence, String eventId, int entryIndex, long at, String actor, String caseId,
            String action, String outcome, String rejection, String detail, String changesJson) {

        @Override
        public String toString() {
            return "AuditRow[#" + sequence + " " + eventId + "/" + entryIndex + " " + action + " " + outcome + "]";
        }
    }

    private static final String COLUMNS = "seq, event_id, entry_index, at, actor, case_id, action, outcome, rejection,"
            + " detail, changes_json";

    private final Jdbc jdbc;

    private CaseAuditRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public static CaseAuditRepository of(AppDatabase db) {
        return new CaseAuditRepository(db.jdbc());
    }

    /**
     * Appends the row unless an entry with the same event and index is stored already; returns the stored row
     * (with its sequence) either way.
     */
    public Row appendIfAbsent(Row row) {
        return jdbc.inTransaction("append audit entry", c -> {
            try {
                return insert(c, row);
            } catch (SQLException e) {
                if (e.getErrorCode() != ErrorCode.DUPLICATE_KEY_1) {
                    throw e;
                }
                // Folded before (a replay after a crash): H2 undid only the failed statement. Duplicates are rare,
                // so trying the insert first costs one statement per entry instead of two.
                Optional<Row> existing = Jdbc.first(c, CaseAuditRepository::map, "SELECT " + COLUMNS
                        + " FROM case_audit WHERE event_id = ? AND entry_index = ?", row.eventId(), row.entryIndex());
                return existing.orElseThrow(() -> e);
            }
        });
    }

    private static Row insert(Connection c, Row row) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO case_audit (event_id, entry_index, at, actor, case_id, action, outcome, rejection,
                    detail, changes_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, row.eventId());
            insert.setInt(2, row.entryIndex());
            insert.setLong(3, row.at());
            insert.setString(4, Jdbc.clip(row.actor(), 255));
            insert.setString(5, row.caseId() == null ? null : Jdbc.clip(row.caseId(), 255));
            insert.setString(6, Jdbc.clip(row.action(), 255));
            insert.setString(7, row.outcome());
            insert.setString(8, row.rejection());
            insert.setString(9, Jdbc.clip(row.detail(), 2048));
            insert.setString(10, row.changesJson());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                long seq = keys.getLong(1);
                return new Row(seq, row.eventId(), row.entryIndex(), row.at(), row.actor(), row.caseId(), row.action(),
                        row.outcome(), row.rejection(), row.detail(), row.changesJson());
            }
        }
    }

    /**
     * Entries matching every given criterion (null = any), oldest first. The time range is half-open:
     * {@code fromInclusive <= at < toExclusive}.
     */
    public List<Row> query(String caseId, String actor, Long fromInclusive, Long toExclusive, String outcome) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM case_audit WHERE TRUE");
        List<Object> parameters = new ArrayList<>();
        if (caseId != null) {
            sql.append(" AND case_id = ?");
            parameters.add(caseId);
        }
        if (actor != null) {
            sql.append(" AND actor = ?");
            parameters.add(actor);
        }
        if (fromInclusive != null) {
            sql.append(" AND at >= ?");
            parameters.add(fromInclusive);
        }
        if (toExclusive != null) {
            sql.append(" AND at < ?");
            parameters.add(toExclusive);
        }
        if (outcome != null) {
            sql.append(" AND outcome = ?");
            parameters.add(outcome);
        }
        sql.append(" ORDER BY seq");
        return jdbc.run("query audit", c -> Jdbc.list(c, CaseAuditRepository::map, sql.toString(),
                parameters.toArray()));
    }

    /** The entries an event caused, in the order the fold wrote them. */
    public List<Row> forEvent(String eventId) {
        return jdbc.run("audit of event", c -> Jdbc.list(c, CaseAuditRepository::map, "SELECT " + COLUMNS
                + " FROM case_audit WHERE event_id = ? ORDER BY entry_index", eventId));
    }

    public long count() {
        return jdbc.run("count audit", c -> Jdbc.count(c, "SELECT COUNT(*) FROM case_audit"));
    }

    private static Row map(ResultSet row) throws SQLException {
        return new Row(row.getLong("seq"), row.getString("event_id"), row.getInt("entry_index"), row.getLong("at"),
                row.getString("actor"), row.getString("case_id"), row.getString("action"), row.getString("outcome"),
                row.getString("rejection"), row.getString("detail"), row.getString("changes_json"));
    }
}
