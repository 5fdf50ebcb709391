package de.amtsdesk.core.cases;

import de.amtsdesk.core.cases.templates.ReplyTemplate;

/**
 * Told about every committed change, on the folding thread, after the change is visible in the {@link CaseBook}.
 * The encrypted store implements it to persist incrementally; a view model to refresh. Must not call back into
 * the fold.
 */
public interface CaseBookListener {

    /** {@code before} is null for a new case. */
    default void caseChanged(Case before, Case after) {
    }

    default void policyChanged(UnitPolicy policy) {
    }

    default void templatePublished(ReplyTemplate template) {
    }

    default void macroPublished(Macro macro) {
    }

    default void staffRoomChanged(StaffRoom room) {
    }

    /** A lead changed a member's capacity, competence or absence, or handed their cases over. */
    default void rosterChanged(UnitRoster roster) {
    }

    /**
     * An entry was added to the case's audit trail while the case itself stayed as it was (a reply's attribution,
     * ADR 0011); changes of the case come with {@link #caseChanged} and their audit entry is written before it.
     */
    default void auditRecorded(String caseId) {
    }
}
