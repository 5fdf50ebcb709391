package de.amtsdesk.core.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.AuditExport;
import de.amtsdesk.core.cases.audit.AuditLog;
import de.amtsdesk.core.cases.audit.AuditQuery;
import de.amtsdesk.core.cases.audit.FieldChange;
import de.amtsdesk.core.cases.audit.Rejection;
import de.amtsdesk.core.store.AppDatabase;
import de.amtsdesk.core.store.CaseAuditRepository;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fold's audit trail in the encrypted store. Entries are numbered per causing event in the order the fold
 * writes them; because the fold writes the same entries in the same order whenever it folds an event, an event
 * folded a second time (after a crash between folding and saving the snapshot) adds no entry.
 *
 * <p>Appends join the store transaction of the calling thread, so a fold batch commits its audit entries together
 * with the book's snapshot.
 */
public final class H2AuditLog implements AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CaseAuditRepository rows;
    private String currentEventId;
    private int nextIndex;

    public H2AuditLog(AppDatabase db) {
        this.rows = CaseAuditRepository.of(db);
    }

    @Override
    public synchronized AuditEntry append(AuditEntry entry) {
        if (!entry.eventId().equals(currentEventId)) {
            currentEventId = entry.eventId();
            nextIndex = 0;
        }
        int index = nextIndex++;
        CaseAuditRepository.Row stored = rows.appendIfAbsent(new CaseAuditRepository.Row(0, entry.eventId(), index,
                entry.at().toEpochMilli(), entry.actor(), entry.caseId(), entry.action(), entry.outcome().name(),
                entry.rejection() == null ? null : entry.rejection().name(), entry.detail(),
                changesJson(entry.changes())));
        return toEntry(stored);
    }

    /** Starts numbering afresh: the next entry opens a new event even if it has the last one's ID. */
    synchronized void resetNumbering() {
        currentEventId = null;
        nextIndex = 0;
    }

    @Override
    public List<AuditEntry> query(AuditQuery query) {
        return rows.query(query.caseId(), query.actor(),
                query.from() == null ? null : query.from().toEpochMilli(),
                query.to() == null ? null : query.to().toEpochMilli(),
                query.outcome() == null ? null : query.outcome().name()).stream()
                .map(H2AuditLog::toEntry).toList();
    }

    /** The entries an event caused, in the order the fold wrote them. */
    public List<AuditEntry> forEvent(String eventId) {
        return rows.forEvent(eventId).stream().map(H2AuditLog::toEntry).toList();
    }

    public long size() {
        return rows.count();
    }

    /** The matching entries as the audit export document ({@link AuditExport}). */
    public void export(AuditQuery query, OutputStream out) throws IOException {
        AuditExport.write(query(query), out);
    }

    public String exportJson(AuditQuery query) {
        return AuditExport.toJsonString(query(query));
    }

    private static String changesJson(List<FieldChange> changes) {
        ArrayNode array = JSON.createArrayNode();
        for (FieldChange change : changes) {
            array.addObject().put("field", change.field()).put("before", change.before()).put("after", change.after());
        }
        return array.toString();
    }

    private static AuditEntry toEntry(CaseAuditRepository.Row row) {
        List<FieldChange> changes = new ArrayList<>();
        try {
            for (JsonNode change : JSON.readTree(row.changesJson())) {
                changes.add(new FieldChange(change.path("field").asText(), textOrNull(change.path("before")),
                        textOrNull(change.path("after"))));
            }
        } catch (IOException e) {
            throw new IllegalStateException("stored audit changes of " + row + " are not JSON", e);
        }
        return new AuditEntry(row.sequence(), row.eventId(), Instant.ofEpochMilli(row.at()), row.actor(),
                row.caseId(), row.action(), AuditEntry.Outcome.valueOf(row.outcome()),
                row.rejection() == null ? null : Rejection.valueOf(row.rejection()), row.detail(), changes);
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
