package de.amtsdesk.app.workspace;

import de.amtsdesk.core.cases.Case;

/**
 * ADR 0014's ownership rule as the UI applies it (the fold enforces it): on an assigned case only the assignee or a
 * lead changes the status and replies; on an unassigned case any member may (triage).
 */
public final class Ownership {

    private Ownership() {
    }

    public static boolean mayChangeStatus(CaseDesk desk, Case c) {
        return !c.isAssigned() || c.isAssignedTo(desk.me()) || desk.isLead();
    }

    /** Whether the user can take the case over from someone else (it is held by another member and not closed). */
    public static boolean canTakeOver(CaseDesk desk, Case c) {
        return c.isAssigned() && !c.isAssignedTo(desk.me()) && !c.isClosed();
    }
}
