package de.amtsdesk.core.cases.query;

import java.time.Instant;

/**
 * One missed target: due at {@code due}, met late at {@code met} or not met yet (null). {@code caseType} and
 * {@code assignee} are as the case stands now (null when unset).
 */
public record SlaBreach(String caseId, String reference, String caseType, String assignee, SlaTarget target,
        Instant due, Instant met) {
}
