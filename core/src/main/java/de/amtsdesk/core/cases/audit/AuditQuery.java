package de.amtsdesk.core.cases.audit;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * A filter over the audit log; every criterion is optional (null = any). The time range is half-open:
 * {@code from <= at < to}.
 */
public record AuditQuery(String caseId, String actor, Instant from, Instant to, AuditEntry.Outcome outcome) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }

    public AuditQuery forCase(String id) {
        return new AuditQuery(id, actor, from, to, outcome);
    }

    public AuditQuery byActor(String userId) {
        return new AuditQuery(caseId, userId, from, to, outcome);
    }

    public AuditQuery between(Instant fromInclusive, Instant toExclusive) {
        return new AuditQuery(caseId, actor, fromInclusive, toExclusive, outcome);
    }

    public AuditQuery withOutcome(AuditEntry.Outcome wanted) {
        return new AuditQuery(caseId, actor, from, to, wanted);
    }

    public Predicate<AuditEntry> asPredicate() {
        return entry -> (caseId == null || caseId.equals(entry.caseId()))
                && (actor == null || actor.equals(entry.actor()))
                && (from == null || !entry.at().isBefore(from))
                && (to == null || entry.at().isBefore(to))
                && (outcome == null || outcome == entry.outcome());
    }
}
