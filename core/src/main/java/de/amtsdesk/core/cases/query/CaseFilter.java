package de.amtsdesk.core.cases.query;

import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseStatus;
import java.time.Instant;
import java.util.Locale;

/** The queue filters of the workspace. All but {@link #CLOSED} show only cases that are not closed. */
public enum CaseFilter {
    /** Not closed and without a case type yet: triage. */
    NEW,
    /** Everything not closed. */
    ACTIVE,
    /** Not closed and assigned to the viewing caseworker. */
    MINE,
    /** Not closed and assigned to nobody. */
    UNASSIGNED,
    /** Not closed and at least one SLA clock past its due time. */
    OVERDUE,
    /** Not closed and overdue, or due within {@link #DUE_SOON}: what needs doing today. */
    DUE,
    /** Waiting for the citizen. */
    WAITING,
    CLOSED;

    /** How far ahead "bald fällig" looks. */
    public static final java.time.Duration DUE_SOON = java.time.Duration.ofHours(24);

    public boolean matches(Case c, String me, Instant now) {
        return switch (this) {
            case NEW -> !c.isClosed() && !c.isTyped();
            case ACTIVE -> !c.isClosed();
            case MINE -> !c.isClosed() && c.isAssignedTo(me);
            case UNASSIGNED -> !c.isClosed() && !c.isAssigned();
            case OVERDUE -> c.overdueAt(now);
            case DUE -> !c.isClosed() && (c.overdueAt(now)
                    || c.nextDue().map(due -> due.isBefore(now.plus(DUE_SOON))).orElse(false));
            case WAITING -> c.status() == CaseStatus.WAITING;
            case CLOSED -> c.isClosed();
        };
    }

    public String messageKey() {
        return "case.filter." + name().toLowerCase(Locale.ROOT);
    }
}
