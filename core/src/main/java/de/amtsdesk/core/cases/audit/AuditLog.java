package de.amtsdesk.core.cases.audit;

import java.util.List;

/**
 * Where the fold writes its audit trail. {@link InMemoryAuditLog} serves tests and the first release; the
 * encrypted H2 store implements the same interface later (append-only table, same queries).
 */
public interface AuditLog {

    /** Appends an entry; the log assigns the sequence number (the entry's own is ignored). */
    AuditEntry append(AuditEntry entry);

    /** Entries matching the query, oldest first. */
    List<AuditEntry> query(AuditQuery query);

    default List<AuditEntry> all() {
        return query(AuditQuery.all());
    }
}
