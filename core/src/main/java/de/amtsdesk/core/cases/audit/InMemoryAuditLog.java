package de.amtsdesk.core.cases.audit;

import java.util.ArrayList;
import java.util.List;

/** An append-only audit log in memory; thread-safe because the UI queries while the sync thread folds. */
public final class InMemoryAuditLog implements AuditLog {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized AuditEntry append(AuditEntry entry) {
        AuditEntry numbered = new AuditEntry(entries.size() + 1L, entry.eventId(), entry.at(), entry.actor(),
                entry.caseId(), entry.action(), entry.outcome(), entry.rejection(), entry.detail(), entry.changes());
        entries.add(numbered);
        return numbered;
    }

    @Override
    public synchronized List<AuditEntry> query(AuditQuery query) {
        return entries.stream().filter(query.asPredicate()).toList();
    }

    public synchronized int size() {
        return entries.size();
    }
}
