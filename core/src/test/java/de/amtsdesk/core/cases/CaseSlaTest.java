package de.amtsdesk.core.cases;

import static de.amtsdesk.core.cases.StaffLog.ANNA;
import static de.amtsdesk.core.cases.StaffLog.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import de.amtsdesk.core.cases.sla.SlaClock;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** SLA clocks of cases folded from a log, judged with fixed clocks. */
class CaseSlaTest {

    private static final String ROOM = "!room1:amt.example";
    private final StaffLog log = StaffLog.startingAt("2026-01-05T07:00").withStandardRoom();

    private Case fold(String caseId) {
        CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), new InMemoryAuditLog());
        fold.applyAll(log.inputs());
        return fold.book().find(caseId).orElseThrow();
    }

    private static Clock at(String berlinLocal) {
        return Clock.fixed(berlin(berlinLocal), ZoneOffset.UTC);
    }

    @Test
    void aCaseOpenedOnFridayAfternoonIsDueOnMonday() {
        String id = log.at("2026-12-04T14:00").created(ANNA, ROOM);
        log.send(ANNA, OutgoingStaffEvents.typed(id, "housing.wohngeld.apply"));

        Case c = fold(id);
        // 8 business hours: 14:00-16:00 on Friday, 08:00-14:00 on Monday.
        assertThat(c.sla().firstResponse().due()).isEqualTo(berlin("2026-12-07T14:00"));
        // 80 business hours = ten working days.
        assertThat(c.sla().resolution().due()).isEqualTo(berlin("2026-12-18T14:00"));
        assertThat(c.overdue(at("2026-12-06T12:00"))).as("Sunday").isFalse();
        assertThat(c.overdue(at("2026-12-07T13:59"))).isFalse();
        assertThat(c.overdue(at("2026-12-07T14:01"))).isTrue();
        assertThat(c.sla().firstResponse().stateAt(at("2026-12-07T14:01").instant())).isEqualTo(SlaClock.State.OVERDUE);
    }

    @Test
    void easterIsNotCountedAgainstTheUnit() {
        String id = log.at("2026-04-02T14:00").created(ANNA, ROOM);

        // Thursday 14:00-16:00, then Good Friday, the weekend and Easter Monday, then Tuesday 08:00-14:00.
        assertThat(fold(id).sla().firstResponse().due()).isEqualTo(berlin("2026-04-07T14:00"));
    }

    @Test
    void anAnswerInTimeMeetsTheFirstResponseTarget() {
        String id = log.at("2026-12-04T14:00").created(ANNA, ROOM);
        log.at("2026-12-07T10:00").agencyReplies(ROOM);

        Case c = fold(id);
        assertThat(c.sla().firstResponse().met()).isEqualTo(berlin("2026-12-07T10:00"));
        assertThat(c.sla().firstResponse().stateAt(berlin("2026-12-08T10:00"))).isEqualTo(SlaClock.State.MET);
        assertThat(c.sla().nextResponse()).isNull();
        assertThat(c.overdue(at("2026-12-08T10:00"))).isFalse();
    }

    @Test
    void waitingForTheCitizenPausesTheClocks() {
        String id = log.at("2026-12-07T08:00").created(ANNA, ROOM);
        log.send(ANNA, OutgoingStaffEvents.typed(id, "housing.wohngeld.apply"));
        log.at("2026-12-07T09:00").agencyReplies(ROOM);
        log.at("2026-12-07T10:00").send(ANNA, OutgoingStaffEvents.status(id, CaseStatus.WAITING, "Mietvertrag fehlt"));

        Case waiting = fold(id);
        SlaClock resolution = waiting.sla().resolution();
        assertThat(resolution.due()).isNull();
        assertThat(resolution.remaining()).isEqualTo(Duration.ofHours(78));
        assertThat(resolution.stateAt(berlin("2027-01-30T10:00"))).isEqualTo(SlaClock.State.PAUSED);
        assertThat(waiting.overdue(at("2027-01-30T10:00"))).as("weeks of waiting are the citizen's time").isFalse();

        // The citizen answers on Wednesday 10:00: two business days (16 hours) were paused.
        log.at("2026-12-09T10:00").citizenWrites(ROOM);
        Case resumed = fold(id);
        assertThat(resumed.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(resumed.sla().resolution().due()).isEqualTo(berlin("2026-12-22T16:00"));
        // Without the pause it would have been Friday the 18th, 16:00.
        // The citizen's new message must be answered within 16 business hours.
        assertThat(resumed.sla().nextResponse().started()).isEqualTo(berlin("2026-12-09T10:00"));
        assertThat(resumed.sla().nextResponse().due()).isEqualTo(berlin("2026-12-11T10:00"));
        assertThat(resumed.sla().firstResponse().stateAt(berlin("2026-12-09T10:00"))).isEqualTo(SlaClock.State.MET);
    }

    @Test
    void aCaseWithoutPauseWouldBeDueOnFriday() {
        String id = log.at("2026-12-07T08:00").created(ANNA, ROOM);
        log.send(ANNA, OutgoingStaffEvents.typed(id, "housing.wohngeld.apply"));

        assertThat(fold(id).sla().resolution().due()).isEqualTo(berlin("2026-12-18T16:00"));
    }

    @Test
    void closingMeetsTheResolutionTargetAndAClosedCaseIsNeverOverdue() {
        String id = log.at("2026-12-07T08:00").created(ANNA, ROOM);
        log.send(ANNA, OutgoingStaffEvents.typed(id, "identity.id-card.apply"));
        log.at("2026-12-08T12:00").send(ANNA, OutgoingStaffEvents.status(id, CaseStatus.CLOSED, null));

        Case c = fold(id);
        assertThat(c.sla().resolution().met()).isEqualTo(berlin("2026-12-08T12:00"));
        assertThat(c.sla().resolution().stateAt(berlin("2027-06-01T00:00"))).isEqualTo(SlaClock.State.MET);
        assertThat(c.overdue(at("2027-06-01T00:00"))).isFalse();
    }

    @Test
    void theCaseTypeChoosesTheTargets() {
        String id = log.at("2026-12-07T08:00").created(ANNA, ROOM);
        log.at("2026-12-07T08:00").send(ANNA, OutgoingStaffEvents.typed(id, "emergency.protection-order.apply"));

        // emergency.* has a first-response target of 2 business hours in the shipped policy.
        assertThat(fold(id).sla().firstResponse().due()).isEqualTo(berlin("2026-12-07T10:00"));
    }

    @Test
    void aUnitPolicyEventChangesTheTargetsForEveryCase() throws Exception {
        String id = log.at("2026-12-07T08:00").created(ANNA, ROOM);
        var sla = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"v":1,"calendar":{"zone":"Europe/Berlin","hours":{"monday":"08:00-12:00","tuesday":"08:00-12:00"},
                 "holidays":[]},"defaults":{"firstResponse":"PT4H","nextResponse":"PT4H","resolution":"PT8H"}}""");
        log.send(StaffLog.LEAD, OutgoingStaffEvents.policy(null, null, null, null, null, sla));

        Case c = fold(id);
        assertThat(c.sla().firstResponse().due()).isEqualTo(berlin("2026-12-07T12:00"));
        assertThat(c.sla().resolution().due()).isEqualTo(berlin("2026-12-08T12:00"));
    }
}
