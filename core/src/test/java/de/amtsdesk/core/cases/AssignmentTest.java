package de.amtsdesk.core.cases;

import static de.amtsdesk.core.cases.StaffLog.ANNA;
import static de.amtsdesk.core.cases.StaffLog.BEN;
import static de.amtsdesk.core.cases.StaffLog.LEAD;
import static de.amtsdesk.core.cases.StaffLog.LEAD2;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.AuditQuery;
import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import de.amtsdesk.core.cases.audit.Rejection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    private final StaffLog log = StaffLog.startingAt("2026-12-01T09:00").withStandardRoom();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final String case1 = log.created(ANNA, "!room1:amt.example");
    private final String case2 = log.created(ANNA, "!room2:amt.example");
    private final String case3 = log.created(ANNA, "!room3:amt.example");

    private CaseBook fold() {
        CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), audit);
        fold.applyAll(log.inputs());
        return fold.book();
    }

    private String assignee(CaseBook book, String caseId) {
        return book.find(caseId).orElseThrow().assignee();
    }

    private List<AuditEntry> rejections() {
        return audit.query(AuditQuery.all().withOutcome(AuditEntry.Outcome.REJECTED));
    }

    @Test
    void aLeadAssignsAndReassigns() {
        log.send(LEAD, OutgoingStaffEvents.assign(case1, ANNA));
        log.send(LEAD2, OutgoingStaffEvents.assign(case1, BEN));

        CaseBook book = fold();
        assertThat(assignee(book, case1)).isEqualTo(BEN);
        assertThat(audit.query(AuditQuery.all().forCase(case1).byActor(LEAD2))).singleElement()
                .satisfies(e -> assertThat(e.changes()).containsExactly(
                        new de.amtsdesk.core.cases.audit.FieldChange("assignee", ANNA, BEN)));
    }

    @Test
    void aLeadBulkAssignsAndUnassigns() {
        log.send(LEAD, OutgoingStaffEvents.bulkAssign(List.of(case1, case2, case3), ANNA));
        assertThat(List.of(case1, case2, case3)).allSatisfy(id -> assertThat(assignee(fold(), id)).isEqualTo(ANNA));

        log.send(LEAD, OutgoingStaffEvents.assign(case2, null));
        assertThat(assignee(fold(), case2)).isNull();
    }

    @Test
    void aBulkAssignmentNamingOneUnknownCaseChangesNothing() {
        log.send(LEAD, OutgoingStaffEvents.bulkAssign(List.of(case1, "$nope:amt.example", case3), ANNA));

        CaseBook book = fold();
        assertThat(List.of(case1, case2, case3)).allSatisfy(id -> assertThat(assignee(book, id)).isNull());
        assertThat(rejections()).extracting(AuditEntry::rejection).containsOnly(Rejection.UNKNOWN_CASE);
    }

    @Test
    void aCaseworkersReassignmentIsIgnoredAndAudited() {
        log.send(LEAD, OutgoingStaffEvents.assign(case1, ANNA));
        log.send(BEN, OutgoingStaffEvents.assign(case1, BEN));
        log.send(ANNA, OutgoingStaffEvents.assign(case1, BEN));

        assertThat(assignee(fold(), case1)).isEqualTo(ANNA);
        assertThat(rejections()).extracting(AuditEntry::actor, AuditEntry::caseId, AuditEntry::rejection)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(BEN, case1, Rejection.ALREADY_ASSIGNED),
                        org.assertj.core.groups.Tuple.tuple(ANNA, case1, Rejection.INSUFFICIENT_POWER));
    }

    @Test
    void caseworkersMayTakeAnUnassignedCaseWhenThePolicyAllows() {
        log.send(BEN, OutgoingStaffEvents.assign(case1, BEN));
        assertThat(assignee(fold(), case1)).isEqualTo(BEN);

        log.send(LEAD, OutgoingStaffEvents.policy(null, null, false, null, null, null));
        log.send(ANNA, OutgoingStaffEvents.assign(case2, ANNA));
        assertThat(assignee(fold(), case2)).isNull();
        assertThat(rejections()).extracting(AuditEntry::rejection).containsExactly(Rejection.INSUFFICIENT_POWER);
    }

    @Test
    void twoCaseworkersTakingTheSameCaseAtOnceLeaveItWithTheFirstInServerOrder() {
        log.send(ANNA, OutgoingStaffEvents.assign(case1, ANNA));
        log.send(BEN, OutgoingStaffEvents.assign(case1, BEN));

        assertThat(assignee(fold(), case1)).isEqualTo(ANNA);
        assertThat(rejections()).extracting(AuditEntry::rejection).containsExactly(Rejection.ALREADY_ASSIGNED);
    }

    @Test
    void twoLeadsAssigningAtOnceEndTheSameOnEveryClient() {
        // Both sent before seeing the other's event; the server ordered them. Last in server order wins.
        log.send(LEAD2, OutgoingStaffEvents.assign(case1, BEN));
        log.send(LEAD, OutgoingStaffEvents.assign(case1, ANNA));

        CaseBook clientA = fold();
        CaseBook clientB = fold();
        assertThat(assignee(clientA, case1)).isEqualTo(ANNA);
        assertThat(clientB.cases()).isEqualTo(clientA.cases());
    }

    @Test
    void theAssigneeMustBeInTheStaffRoom() {
        log.send(LEAD, OutgoingStaffEvents.assign(case1, "@stranger:amt.example"));

        assertThat(assignee(fold(), case1)).isNull();
        assertThat(rejections()).extracting(AuditEntry::rejection).containsExactly(Rejection.UNKNOWN_ASSIGNEE);
    }

    @Test
    void theRoomsOwnPowerLevelForAnEventTypeOverridesTheDefault() {
        // The unit decided that only level 75 may assign, and that notes need level 10.
        log.power(Map.of(LEAD, 100, LEAD2, 50), Map.of("de.amtsdesk.case.assigned", 75, "de.amtsdesk.case.note", 10));
        log.send(LEAD2, OutgoingStaffEvents.assign(case1, ANNA));
        log.send(ANNA, OutgoingStaffEvents.note(case1, "Notiz"));
        log.send(LEAD, OutgoingStaffEvents.assign(case2, ANNA));

        CaseBook book = fold();
        assertThat(assignee(book, case1)).isNull();
        assertThat(book.find(case1).orElseThrow().notes()).isEmpty();
        assertThat(assignee(book, case2)).isEqualTo(ANNA);
    }

    @Test
    void aDemotedLeadsEarlierAssignmentsStillStandOnReplay() {
        // Power levels are folded at their place in the log, not taken from the room's current state.
        log.send(LEAD2, OutgoingStaffEvents.assign(case1, ANNA));
        log.power(Map.of(LEAD, 100));
        log.send(LEAD2, OutgoingStaffEvents.assign(case2, ANNA));

        CaseBook book = fold();
        assertThat(assignee(book, case1)).isEqualTo(ANNA);
        assertThat(assignee(book, case2)).isNull();
    }
}
