package de.amtsdesk.app.workspace;

import de.amtsdesk.core.cases.CaseBook;
import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.catalogue.ServiceCatalogue;
import de.amtsdesk.core.staff.SearchIndex;
import java.util.List;

/**
 * What the workspace panes need of the unit's case log: the live book, changes to it, and a way to send a change.
 * A change is never applied here: it is sent into the encrypted staff room and takes effect when it comes back by
 * sync, as on every other workstation. The app implements this over the staff client; tests over a local fold.
 */
public interface CaseDesk {

    /** The signed-in caseworker's personal account. */
    String me();

    CaseBook book();

    ServiceCatalogue catalogue();

    void addListener(CaseBookListener listener);

    void removeListener(CaseBookListener listener);

    /** Queues a change for the staff room; returns at once (the outbox sends it encrypted). */
    void send(OutgoingStaffEvents.Outgoing change);

    /** Full-text search over the encrypted local index (citizen messages and internal notes). */
    List<SearchIndex.Hit> search(String query, int limit);

    /** This case's audit trail, oldest first. */
    List<AuditEntry> audit(String caseId);

    /**
     * Sends like {@link #send} and returns a receipt to ask {@link #verdict} about later (the outbox transaction in
     * the app). Without tracking, null.
     */
    default String submit(OutgoingStaffEvents.Outgoing change) {
        send(change);
        return null;
    }

    /**
     * The audit entries the fold wrote for a submitted change (applied or refused with the reason); empty while it
     * has not come back yet (or for a null receipt).
     */
    default List<AuditEntry> verdict(String receipt) {
        return List.of();
    }

    /**
     * Invites a person into the unit's staff room (a lead's action; the homeserver refuses it to others).
     *
     * @throws Exception with the homeserver's reason when it refuses
     */
    default void inviteMember(String userId) throws Exception {
        throw new UnsupportedOperationException("this desk cannot change the unit's members");
    }

    /** Removes a member from the staff room (a lead's action; the room key rotates, ADR 0014). */
    default void removeMember(String userId) throws Exception {
        throw new UnsupportedOperationException("this desk cannot change the unit's members");
    }

    /** Whether the caseworker has the lead's power level in the staff room. */
    default boolean isLead() {
        return book().staffRoom().levelOf(me()) >= book().staffRoom().powerLevels().requiredFor(
                de.amtsdesk.core.cases.log.StaffEventTypes.ASSIGNED).orElse(50);
    }
}
