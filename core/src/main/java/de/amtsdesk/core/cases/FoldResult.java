package de.amtsdesk.core.cases;

import de.amtsdesk.core.cases.audit.Rejection;
import java.util.List;

/**
 * What the fold did with one input; for the transport's logs and for tests. The audit log holds the same
 * information durably.
 */
public record FoldResult(Outcome outcome, Rejection rejection, String detail, List<String> caseIds) {

    public enum Outcome {
        /** State changed. */
        APPLIED,
        /** Ignored and audited; nothing changed. */
        REJECTED,
        /** Accepted, but nothing a caseworker would see changed (e.g. a citizen message for a room without a case yet). */
        UNCHANGED,
        /** The same event ID came again; ignored without an audit entry (the first delivery was audited). */
        DUPLICATE
    }

    public FoldResult {
        caseIds = List.copyOf(caseIds);
    }

    static FoldResult applied(List<String> caseIds) {
        return new FoldResult(Outcome.APPLIED, null, null, caseIds);
    }

    static FoldResult rejected(Rejection rejection, String detail, List<String> caseIds) {
        return new FoldResult(Outcome.REJECTED, rejection, detail, caseIds);
    }

    static FoldResult unchanged() {
        return new FoldResult(Outcome.UNCHANGED, null, null, List.of());
    }

    static FoldResult duplicate() {
        return new FoldResult(Outcome.DUPLICATE, Rejection.DUPLICATE_EVENT, null, List.of());
    }

    public boolean applied() {
        return outcome == Outcome.APPLIED;
    }
}
