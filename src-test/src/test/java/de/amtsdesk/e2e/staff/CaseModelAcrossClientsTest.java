package de.amtsdesk.e2e.staff;

import static de.amtsdesk.e2e.staff.StaffUnit.send;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.AuditQuery;
import de.amtsdesk.core.cases.audit.Rejection;
import de.amtsdesk.core.engine.Workstation;
import de.amtsdesk.core.staff.CitizenRooms;
import de.amtsdesk.core.staff.StaffClient;
import de.amtsdesk.core.staff.StaffRoomSetup;
import de.amtsdesk.core.store.EventStream;
import de.amtsdesk.core.store.StoredEvent;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 4 against a real Synapse: a lead and two caseworkers, each with their own workstation profile and personal
 * account, share an encrypted staff room; the functional account holds the citizen's room. Every check is on what
 * each client's encrypted store folded from what the homeserver delivered.
 */
@ExtendWith(SynapseExtension.class)
class CaseModelAcrossClientsTest {

    private static final String WOHNGELD = "housing.wohngeld.apply";

    @Test
    void theLeadTypesAndAssignsAndEveryClientShowsTheSameCase(SynapseServer synapse) throws Exception {
        try (StaffUnit unit = StaffUnit.start(synapse, "assign")) {
            String anna = unit.anna.userId();
            String caseId = send(unit.lead, OutgoingStaffEvents.created(unit.citizenRoom, unit.citizenId(),
                    "Erika Mustermann"));
            send(unit.lead, OutgoingStaffEvents.typed(caseId, WOHNGELD));
            send(unit.lead, OutgoingStaffEvents.assign(caseId, anna));

            unit.await("the typed and assigned case", c -> c.book().find(caseId)
                    .filter(k -> WOHNGELD.equals(k.type()) && anna.equals(k.assignee())).isPresent());
            for (StaffClient client : unit.all()) {
                Case c = unit.caseOn(client);
                assertThat(c.id()).isEqualTo(caseId);
                assertThat(c.type()).isEqualTo(WOHNGELD);
                assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
                assertThat(c.assignee()).isEqualTo(anna);
                assertThat(c.reference()).isEqualTo(unit.caseOn(unit.lead).reference()).startsWith("WG-");
                assertThat(c.citizenName()).isEqualTo("Erika Mustermann");
                // The citizen wrote before the case existed: the first-response clock started then.
                assertThat(c.sla().firstResponse().started()).isBefore(c.createdAt());
            }

            // The citizen's next message reopens a case that waits for them, on every client.
            send(unit.anna, OutgoingStaffEvents.status(caseId, CaseStatus.WAITING, "Mietvertrag fehlt"));
            unit.await("the waiting case", c -> unit.caseOn(c).status() == CaseStatus.WAITING);
            unit.citizen.sendText(unit.citizenRoom, "Anbei der Mietvertrag.");
            unit.awaitAgencyMessages(2);
            unit.await("the case reopened by the citizen", c -> unit.caseOn(c).status() == CaseStatus.OPEN);
        }
    }

    @Test
    void aCaseworkersReassignmentIsRejectedAndAuditedEverywhereAndTwoLeadsAtOnceEndAlike(SynapseServer synapse)
            throws Exception {
        try (StaffUnit unit = StaffUnit.start(synapse, "leads")) {
            String lead = unit.lead.userId();
            String anna = unit.anna.userId();
            String ben = unit.ben.userId();
            String caseId = send(unit.lead, OutgoingStaffEvents.created(unit.citizenRoom, unit.citizenId(), null));
            send(unit.lead, OutgoingStaffEvents.assign(caseId, anna));
            unit.await("the assignment", c -> c.book().find(caseId).map(Case::assignee).orElse("").equals(anna));

            // Ben, a caseworker (level 0), hands Anna's case to the lead: the fold refuses it on every client.
            String reassign = send(unit.ben, OutgoingStaffEvents.assign(caseId, lead));
            unit.awaitAudited(reassign);
            for (StaffClient client : unit.all()) {
                assertThat(client.audit().forEvent(reassign)).singleElement().satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.REJECTED);
                    assertThat(e.rejection()).isEqualTo(Rejection.INSUFFICIENT_POWER);
                    assertThat(e.actor()).isEqualTo(ben);
                    assertThat(e.caseId()).isEqualTo(caseId);
                });
                assertThat(client.audit().query(AuditQuery.all().byActor(ben)
                        .withOutcome(AuditEntry.Outcome.REJECTED))).hasSize(1);
                assertThat(unit.caseOn(client).assignee()).isEqualTo(anna);
            }
            // Taking a case someone holds is refused too (caseworkers may only take unassigned ones).
            String take = send(unit.ben, OutgoingStaffEvents.assign(caseId, ben));
            unit.awaitAudited(take);
            unit.all().forEach(c -> assertThat(c.audit().forEvent(take)).singleElement()
                    .satisfies(e -> assertThat(e.rejection()).isEqualTo(Rejection.ALREADY_ASSIGNED)));

            // The lead makes Ben a second lead; the homeserver enforces who may change power levels.
            StaffRoomSetup.setLevel(unit.lead.engine().client(), unit.lead.engine().session(), unit.staffRoom, ben,
                    StaffUnit.CONFIG.leadLevel());
            unit.await("Ben as a lead", c -> c.book().staffRoom().levelOf(ben) == StaffUnit.CONFIG.leadLevel());

            // Both leads assign the same case "at once": both events are sent before either client syncs.
            String txnLead = unit.lead.send(OutgoingStaffEvents.assign(caseId, ben));
            String txnBen = unit.ben.send(OutgoingStaffEvents.assign(caseId, lead));
            Thread benSends = Thread.ofPlatform().start(() -> flush(unit.ben)); // native crypto: never on a virtual thread
            unit.lead.flush();
            benSends.join();
            String byLead = unit.lead.eventIdOf(txnLead).orElseThrow();
            String byBen = unit.ben.eventIdOf(txnBen).orElseThrow();
            unit.awaitAudited(byLead);
            unit.awaitAudited(byBen);

            // The later one in server order wins, on every client.
            List<StoredEvent> order = EventStream.of(unit.lead.workstation().database()).byIds(List.of(byLead, byBen));
            String winner = order.getLast().eventId().equals(byLead) ? ben : lead;
            for (StaffClient client : unit.all()) {
                assertThat(client.audit().forEvent(byLead)).singleElement()
                        .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.APPLIED));
                assertThat(client.audit().forEvent(byBen)).singleElement()
                        .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.APPLIED));
                assertThat(unit.caseOn(client).assignee()).as(client.userId()).isEqualTo(winner);
            }
            // The staff-log part of the audit trail is the same on every client, entry by entry.
            List<String> leadAudit = StaffUnit.staffAudit(unit.lead);
            assertThat(leadAudit).hasSizeGreaterThan(8);
            assertThat(StaffUnit.staffAudit(unit.anna)).isEqualTo(leadAudit);
            assertThat(StaffUnit.staffAudit(unit.ben)).isEqualTo(leadAudit);
        }
    }

    @Test
    void aRestartedClientResumesFromItsStoreWithoutFoldingAnythingTwice(SynapseServer synapse) throws Exception {
        try (StaffUnit unit = StaffUnit.start(synapse, "restart")) {
            String caseId = send(unit.lead, OutgoingStaffEvents.created(unit.citizenRoom, unit.citizenId(), null));
            send(unit.lead, OutgoingStaffEvents.assign(caseId, unit.ben.userId()));
            unit.await("the assignment", c -> c.book().find(caseId).map(Case::assignee).isPresent());
            int auditBefore = unit.ben.audit().all().size();
            Workstation benWs = unit.ben.workstation();
            var session = unit.ben.engine().session();
            unit.ben.close(); // saves the snapshot, stops the engine; the profile stays unlocked

            send(unit.lead, OutgoingStaffEvents.typed(caseId, WOHNGELD));
            send(unit.lead, OutgoingStaffEvents.note(caseId, "Während Ben weg war"));

            StaffClient again = StaffClient.open(benWs, session, unit.staffRoom, StaffUnit.CONFIG,
                    CitizenRooms.of(unit.amtWs.database(), unit.amtUser.userId()));
            try {
                assertThat(again.book().find(caseId).orElseThrow().assignee()).as("restored from the snapshot")
                        .isEqualTo(unit.ben.userId());
                assertThat(again.book().find(caseId).orElseThrow().type()).isNull();
                unit.await("the events of the pause", List.of(unit.lead, again),
                        c -> c.book().find(caseId).map(k -> k.notes().size() == 1).orElse(false));
                assertThat(again.book().find(caseId).orElseThrow().type()).isEqualTo(WOHNGELD);
                assertThat(again.audit().all()).hasSize(auditBefore + 2);
                assertThat(again.search("während", 5)).singleElement()
                        .satisfies(hit -> assertThat(hit.caseId()).isEqualTo(caseId));
                assertThat(again.book().snapshot().cases()).isEqualTo(unit.lead.book().snapshot().cases());
            } finally {
                again.close();
            }
        }
    }

    private static void flush(StaffClient client) {
        try {
            client.flush();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
