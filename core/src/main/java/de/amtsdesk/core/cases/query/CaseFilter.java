package de.amtsdesk.core.cases.query;

import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseStatus;
import java.time.Instant;
import java.util.Locale;

/** The queue filters of the workspace. All but {@link #CLOSED} show only cases that are not closed. */
public enum CaseFilter {
    /** Everything not closed. */
    ACTIVE,
    /** Not closed and assigned to the viewing caseworker. */
    MINE,
    /** Not closed and assigned to nobody. */
    UNASSIGNED,
    /** Not closed and at least one SLA clock past its due time. */
    OVERDUE,
    /** Waiting for the citizen. */
    WAITING,
    CLOSED;

    public boolean matches(Case c, String me, Instant now) {
        return switch (this) {
            case ACTIVE -> !c.isClosed();
            case MINE -> !c.isClosed() && c.isAssignedTo(me);
            case UNASSIGNED -> !c.isClosed() && !c.isAssigned();
            case OVERDUE -> c.overdueAt(now);
            case WAITING -> c.status() == CaseStatus.WAITING;
            case CLOSED -> c.isClosed();
        };
    }

    public String messageKey() {
        return "case.filter." + name().toLowerCase(Locale.ROOT);
    }
}
