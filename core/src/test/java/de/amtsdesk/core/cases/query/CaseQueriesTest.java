package de.amtsdesk.core.cases.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseLog;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.UnitConfig;
import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import de.amtsdesk.core.cases.log.CitizenActivity;
import de.amtsdesk.core.cases.log.PowerLevels;
import de.amtsdesk.core.cases.log.StaffEvent;
import de.amtsdesk.core.cases.log.StaffMembership;
import de.amtsdesk.core.cases.log.StaffPowerLevels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseQueriesTest {

    private static final String LEAD = "@lena:amt.example";
    private static final String ANNA = "@anna:amt.example";
    private static final String BEN = "@ben:amt.example";
    /** Monday 7 December 2026, 09:00 in Berlin. */
    private static final Instant MONDAY = Instant.parse("2026-12-07T08:00:00Z");

    private final CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), new InMemoryAuditLog());
    private final CaseQueries queries = new CaseQueries(fold.book());
    private int counter;
    private Instant clock = MONDAY;

    private String send(String sender, OutgoingStaffEvents.Outgoing outgoing) {
        String id = "$q" + (++counter);
        fold.apply(new StaffEvent(id, outgoing.type(), sender, clock, outgoing.content()));
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

    private void setUpUnit() {
        fold.apply(new StaffMembership("$m1", LEAD, true, "Lena Lead", clock));
        fold.apply(new StaffPowerLevels("$p1", LEAD, new PowerLevels(Map.of(LEAD, 100), 0, Map.of()), clock));
        fold.apply(new StaffMembership("$m2", ANNA, true, "Anna Arbeit", clock));
        fold.apply(new StaffMembership("$m3", BEN, true, null, clock));
    }

    @Test
    void theQueueGroupsByTypeWithTriageFirst() {
        setUpUnit();
        newCase(null, null);
        newCase("housing.wohngeld.apply", ANNA);
        newCase("housing.wohngeld.apply", null);
        newCase("identity.id-card.apply", BEN);
        String closed = newCase("identity.id-card.apply", BEN);
        send(BEN, OutgoingStaffEvents.status(closed, CaseStatus.CLOSED, null));

        List<QueueGroup> queue = queries.queue(CaseFilter.ACTIVE, ANNA, clock);

        assertThat(queue).extracting(QueueGroup::caseType, QueueGroup::count).containsExactly(
                tuple(null, 1), tuple("housing.wohngeld.apply", 2), tuple("identity.id-card.apply", 1));
        assertThat(queries.queue(CaseFilter.CLOSED, ANNA, clock)).extracting(QueueGroup::caseType, QueueGroup::count)
                .containsExactly(tuple("identity.id-card.apply", 1));
    }

    @Test
    void filtersSelectMineUnassignedOverdueWaitingAndClosed() {
        setUpUnit();
        String mine = newCase("housing.wohngeld.apply", ANNA);
        String unassigned = newCase("housing.wohngeld.apply", null);
        String bens = newCase("identity.id-card.apply", BEN);
        String waiting = newCase("identity.id-card.apply", ANNA);
        send(ANNA, OutgoingStaffEvents.status(waiting, CaseStatus.WAITING, null));
        String closed = newCase("identity.passport.apply", BEN);
        send(BEN, OutgoingStaffEvents.status(closed, CaseStatus.CLOSED, null));
        // Ben answers his citizen; the others are not answered within the first-response target (8 business hours).
        fold.apply(new CitizenActivity("$a1", fold.book().find(bens).orElseThrow().roomId(), "@amt:amt.example",
                CitizenActivity.Direction.FROM_AGENCY, clock));
        Instant tuesdayNoon = MONDAY.plus(Duration.ofHours(27));

        assertThat(ids(CaseFilter.MINE, tuesdayNoon)).containsExactlyInAnyOrder(mine, waiting);
        assertThat(ids(CaseFilter.UNASSIGNED, tuesdayNoon)).containsExactly(unassigned);
        assertThat(ids(CaseFilter.OVERDUE, tuesdayNoon)).containsExactlyInAnyOrder(mine, unassigned);
        assertThat(ids(CaseFilter.OVERDUE, MONDAY.plus(Duration.ofHours(2)))).isEmpty();
        assertThat(ids(CaseFilter.WAITING, tuesdayNoon)).containsExactly(waiting);
        assertThat(ids(CaseFilter.CLOSED, tuesdayNoon)).containsExactly(closed);
        assertThat(queries.counts(ANNA, tuesdayNoon)).containsEntry(CaseFilter.ACTIVE, 4)
                .containsEntry(CaseFilter.MINE, 2).containsEntry(CaseFilter.OVERDUE, 2)
                .containsEntry(CaseFilter.CLOSED, 1);
    }

    @Test
    void theMostUrgentCaseComesFirst() {
        setUpUnit();
        String later = newCase("housing.wohngeld.apply", null);
        clock = clock.minus(Duration.ofHours(1)); // an emergency created a bit later but with a 2-hour target
        String urgent = newCase("emergency.protection-order.apply", null);

        assertThat(ids(CaseFilter.ACTIVE, clock)).containsExactly(urgent, later);
    }

    @Test
    void workloadCountsWhatEachMemberHolds() {
        setUpUnit();
        newCase("housing.wohngeld.apply", ANNA);
        String waiting = newCase("housing.wohngeld.apply", ANNA);
        send(ANNA, OutgoingStaffEvents.status(waiting, CaseStatus.WAITING, null));
        String closed = newCase("identity.id-card.apply", ANNA);
        send(ANNA, OutgoingStaffEvents.status(closed, CaseStatus.CLOSED, null));
        newCase("identity.id-card.apply", BEN);

        List<Workload> workload = queries.workload(MONDAY.plus(Duration.ofHours(27)));

        assertThat(workload).extracting(Workload::userId, Workload::displayName, Workload::active, Workload::waiting,
                Workload::overdue).containsExactly(
                        tuple(ANNA, "Anna Arbeit", 2, 1, 1),
                        tuple(BEN, BEN, 1, 0, 1),
                        tuple(LEAD, "Lena Lead", 0, 0, 0));
    }

    private List<String> ids(CaseFilter filter, Instant now) {
        return queries.list(filter, ANNA, now).stream().map(Case::id).toList();
    }
}
