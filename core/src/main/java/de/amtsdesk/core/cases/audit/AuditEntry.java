package de.amtsdesk.core.cases.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One applied or rejected change. {@code at} is the server time of the event that caused it, so every client
 * folding the same log writes the same entries. {@code caseId} is null for unit-wide changes (policy, templates,
 * staff room). A rejected entry carries the reason and no field changes.
 */
public record AuditEntry(long sequence, String eventId, Instant at, String actor, String caseId, String action,
        Outcome outcome, Rejection rejection, String detail, List<FieldChange> changes) {

    public enum Outcome { APPLIED, REJECTED }

    public AuditEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.REJECTED) != (rejection != null)) {
            throw new IllegalArgumentException("a rejected entry needs a reason, an applied one none");
        }
        changes = List.copyOf(changes);
    }

    public boolean applied() {
        return outcome == Outcome.APPLIED;
    }
}
