package de.amtsdesk.core.cases.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseLog;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.UnitConfig;
import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import de.amtsdesk.core.cases.log.PowerLevels;
import de.amtsdesk.core.cases.log.StaffEvent;
import de.amtsdesk.core.cases.log.StaffMembership;
import de.amtsdesk.core.cases.log.StaffPowerLevels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lead desk's questions: workload per caseworker and the "next case" suggestion (ADR 0014). */
class LeadDeskQueriesTest {

    private static final String LEAD = "@lena:amt.example";
    private static final String ANNA = "@anna:amt.example";
    private static final String BEN = "@ben:amt.example";
    /** Monday 7 December 2026, 09:00 in Berlin. */
    private static final Instant MONDAY = Instant.parse("2026-12-07T08:00:00Z");

    private final CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), new InMemoryAuditLog());
    private final CaseQueries queries = new CaseQueries(fold.book());
    private int counter;
    private Instant clock = MONDAY;

    LeadDeskQueriesTest() {
        fold.apply(new StaffMembership("$m1", LEAD, true, "Lena Lead", clock));
        fold.apply(new StaffPowerLevels("$p1", LEAD, new PowerLevels(Map.of(LEAD, 100), 0, Map.of()), clock));
        fold.apply(new StaffMembership("$m2", ANNA, true, "Anna Arbeit", clock));
        fold.apply(new StaffMembership("$m3", BEN, true, "Ben Bearbeiter", clock));
    }

    private String send(String sender, OutgoingStaffEvents.Outgoing outgoing) {
        String id = "$q" + (++counter);
        assertThat(fold.apply(new StaffEvent(id, outgoing.type(), sender, clock, outgoing.content())).applied())
                .as(outgoing.type()).isTrue();
        clock = clock.plusSeconds(60);
        return id;
    }

    private String newCase(String type, String assignee) {
        String id = send(ANNA, OutgoingStaffEvents.created("!r" + counter + ":amt.example", "@c:bund.example", null));
        if (type != null) {
            send(ANNA, OutgoingStaffEvents.typed(id, type));
        }
        if (assignee != null) {
            send(LEAD, OutgoingStaffEvents.assign(id, assignee));
        }
        return id;
    }

    @Test
    void workloadSplitsOpenOverdueDueTodayWaitingAndType() {
        // Monday 09:00: an 8-business-hour first response is due Tuesday 09:00; a 2-hour emergency is due today.
        newCase("housing.wohngeld.apply", ANNA);
        newCase("housing.wohngeld.apply", ANNA);
        String waiting = newCase("identity.id-card.apply", ANNA);
        send(ANNA, OutgoingStaffEvents.status(waiting, CaseStatus.WAITING, null));
        newCase("emergency.protection-order.apply", ANNA);
        newCase(null, BEN);
        send(LEAD, OutgoingStaffEvents.member(ANNA, 4, null, false, null));

        Instant mondayNoon = MONDAY.plus(Duration.ofHours(3));
        List<Workload> monday = queries.workload(mondayNoon);
        assertThat(monday).extracting(Workload::userId, Workload::active, Workload::waiting, Workload::overdue,
                Workload::dueToday).containsExactly(
                        tuple(ANNA, 4, 1, 1, 0),
                        tuple(BEN, 1, 0, 0, 0),
                        tuple(LEAD, 0, 0, 0, 0));
        Workload anna = monday.getFirst();
        assertThat(anna.byType()).containsExactly(Map.entry("emergency.protection-order.apply", 1),
                Map.entry("housing.wohngeld.apply", 2), Map.entry("identity.id-card.apply", 1));
        assertThat(monday.get(1).byType()).containsExactly(Map.entry(Workload.UNTYPED, 1));
        assertThat(anna.settings().maxOpenCases()).isEqualTo(4);
        assertThat(anna.atCapacity()).isTrue();

        // Tuesday 08:30: the housing cases and Ben's are due at about 09:00 — today, not yet overdue.
        Instant tuesdayMorning = MONDAY.plus(Duration.ofHours(23).plusMinutes(30));
        assertThat(queries.workload(tuesdayMorning)).extracting(Workload::userId, Workload::overdue,
                Workload::dueToday).containsExactly(tuple(ANNA, 1, 2), tuple(BEN, 0, 1), tuple(LEAD, 0, 0));
    }

    @Test
    void theOldCountsStillComeOutForExistingCallers() {
        Workload old = new Workload(ANNA, "Anna", 3, 1, 0);
        assertThat(old.dueToday()).isZero();
        assertThat(old.byType()).isEmpty();
        assertThat(old.atCapacity()).isFalse();
    }

    @Test
    void theNextCaseIsTheOldestUnassignedOpenOneWithinCompetence() {
        String oldHousing = newCase("housing.wohngeld.apply", null);
        String oldIdentity = newCase("identity.id-card.apply", null);
        newCase("housing.wohngeld.apply", null);
        newCase(null, null); // untriaged: goes to triage, not suggested
        send(LEAD, OutgoingStaffEvents.member(ANNA, null, List.of("identity"), false, null));

        assertThat(queries.nextCaseFor(ANNA)).map(Case::id).contains(oldIdentity);
        assertThat(queries.nextCaseFor(BEN)).map(Case::id).contains(oldHousing);
        assertThat(queries.nextCaseFor("@stranger:amt.example")).isEmpty();
        assertEveryoneAtOnceAgrees();
    }

    @Test
    void equalCreationTimesAreBrokenByServerOrder() {
        clock = MONDAY.plus(Duration.ofDays(1));
        String first = send(ANNA, OutgoingStaffEvents.created("!same1:amt.example", "@c:bund.example", null));
        clock = clock.minusSeconds(60); // same server time for the second created event
        String second = send(ANNA, OutgoingStaffEvents.created("!same2:amt.example", "@c:bund.example", null));
        send(ANNA, OutgoingStaffEvents.typed(second, "housing.wohngeld.apply"));
        send(ANNA, OutgoingStaffEvents.typed(first, "housing.wohngeld.apply"));

        assertThat(queries.nextCaseFor(BEN)).map(Case::id).contains(first);
        assertEveryoneAtOnceAgrees();
    }

    @Test
    void noSuggestionAtCapacityWhileAbsentOrWithoutAnyMatchingCase() {
        newCase("housing.wohngeld.apply", ANNA);
        newCase("housing.wohngeld.apply", ANNA);
        String free = newCase("housing.wohngeld.apply", null);
        send(LEAD, OutgoingStaffEvents.member(ANNA, 2, null, false, null));
        assertThat(queries.nextCaseFor(ANNA)).isEmpty();

        send(LEAD, OutgoingStaffEvents.member(ANNA, 3, null, false, null));
        assertThat(queries.nextCaseFor(ANNA)).map(Case::id).contains(free);
        assertEveryoneAtOnceAgrees();

        send(LEAD, OutgoingStaffEvents.member(ANNA, 3, null, true, BEN));
        assertThat(queries.nextCaseFor(ANNA)).isEmpty();

        send(LEAD, OutgoingStaffEvents.member(BEN, null, List.of(), false, null));
        assertThat(queries.nextCaseFor(BEN)).as("competent for nothing").isEqualTo(Optional.empty());
    }

    /** The lead desk's one-pass {@code nextCases} suggests exactly what {@code nextCaseFor} suggests per person. */
    private void assertEveryoneAtOnceAgrees() {
        java.util.Map<String, Case> atOnce = queries.nextCases();
        java.util.Map<String, Case> onePerPerson = new java.util.HashMap<>();
        for (String member : fold.book().staffRoom().members().keySet()) {
            queries.nextCaseFor(member).ifPresent(c -> onePerPerson.put(member, c));
        }
        assertThat(onePerPerson).as("someone gets a suggestion").isNotEmpty();
        assertThat(atOnce).isEqualTo(onePerPerson);
    }
}
