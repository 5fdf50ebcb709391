package de.amtsdesk.core.cases.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

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
import de.amtsdesk.core.cases.sla.BusinessCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SLA report per case type and caseworker for this week and this month (ADR 0014), on the shipped SLA policy. */
class SlaReportTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String LEAD = "@lena:amt.example";
    private static final String ANNA = "@anna:amt.example";
    private static final String BEN = "@ben:amt.example";
    private static final String HOUSING = "housing.wohngeld.apply";
    private static final String EMERGENCY = "emergency.protection-order.apply";
    /** Friday 11 December 2026, 12:00 in Berlin. */
    private static final Clock FRIDAY_NOON = Clock.fixed(berlin("2026-12-11T12:00"), BERLIN);

    private final CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), new InMemoryAuditLog());
    private final CaseQueries queries = new CaseQueries(fold.book());
    private int counter;

    private final String lastWeeks;
    private final String housing;
    private final String emergency;

    SlaReportTest() {
        Instant start = berlin("2026-11-30T08:00");
        fold.apply(new StaffMembership("$m1", LEAD, true, "Lena Lead", start));
        fold.apply(new StaffPowerLevels("$p1", LEAD, new PowerLevels(Map.of(LEAD, 100), 0, Map.of()), start));
        fold.apply(new StaffMembership("$m2", ANNA, true, "Anna Arbeit", start));
        fold.apply(new StaffMembership("$m3", BEN, true, "Ben Bearbeiter", start));

        // Last week, never answered: its first response was missed on Tuesday 1 December, 09:00.
        lastWeeks = newCase("2026-11-30T09:00", "identity.id-card.apply", ANNA);
        // Answered in time; the citizen's follow-up on Monday 11:00 (16 business hours: due Wednesday 11:00) is
        // answered an hour late; closed on Thursday.
        housing = newCase("2026-12-07T09:00", HOUSING, ANNA);
        agency(housing, "2026-12-07T10:00");
        citizen(housing, "2026-12-07T11:00");
        agency(housing, "2026-12-09T12:00");
        send(ANNA, OutgoingStaffEvents.status(housing, CaseStatus.CLOSED, null), "2026-12-10T10:00");
        // Two business hours for the first answer, none given: missed on Monday 11:00.
        emergency = newCase("2026-12-07T09:00", EMERGENCY, BEN);
        // Created an hour ago: nothing decided yet.
        newCase("2026-12-11T11:00", HOUSING, null);
    }

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    private String send(String sender, OutgoingStaffEvents.Outgoing outgoing, String at) {
        String id = "$s" + (++counter);
        assertThat(fold.apply(new StaffEvent(id, outgoing.type(), sender, berlin(at), outgoing.content())).applied())
                .isTrue();
        return id;
    }

    private String newCase(String at, String type, String assignee) {
        String id = send(ANNA, OutgoingStaffEvents.created("!r" + counter + ":amt.example", "@c:bund.example", null), at);
        send(ANNA, OutgoingStaffEvents.typed(id, type), at);
        if (assignee != null) {
            send(LEAD, OutgoingStaffEvents.assign(id, assignee), at);
        }
        return id;
    }

    private void agency(String caseId, String at) {
        activity(caseId, CitizenActivity.Direction.FROM_AGENCY, at);
    }

    private void citizen(String caseId, String at) {
        activity(caseId, CitizenActivity.Direction.FROM_CITIZEN, at);
    }

    private void activity(String caseId, CitizenActivity.Direction direction, String at) {
        fold.apply(new CitizenActivity("$c" + (++counter), fold.book().find(caseId).orElseThrow().roomId(),
                "@someone:bund.example", direction, berlin(at)));
    }

    private static BusinessCalendar calendar() {
        return BusinessCalendar.standard();
    }

    @Test
    void thisWeekPerCaseTypeAndCaseworkerWithItsBreaches() {
        ReportPeriod week = ReportPeriod.thisWeek(FRIDAY_NOON, calendar());
        assertThat(week).isEqualTo(new ReportPeriod(berlin("2026-12-07T00:00"), berlin("2026-12-14T00:00")));

        SlaReport report = queries.slaReport(week, FRIDAY_NOON);

        assertThat(report.byCaseType()).extracting(SlaTally::key,
                t -> t.share(SlaTarget.FIRST_RESPONSE), t -> t.share(SlaTarget.NEXT_RESPONSE),
                t -> t.share(SlaTarget.RESOLUTION)).containsExactly(
                        tuple(EMERGENCY, new SlaShare(0, 1), SlaShare.NONE, SlaShare.NONE),
                        tuple(HOUSING, new SlaShare(1, 0), new SlaShare(0, 1), new SlaShare(1, 0)));
        assertThat(report.byCaseworker()).extracting(SlaTally::key,
                t -> t.share(SlaTarget.FIRST_RESPONSE), t -> t.share(SlaTarget.NEXT_RESPONSE)).containsExactly(
                        tuple(ANNA, new SlaShare(1, 0), new SlaShare(0, 1)),
                        tuple(BEN, new SlaShare(0, 1), SlaShare.NONE));
        assertThat(report.breaches()).extracting(SlaBreach::caseId, SlaBreach::target, SlaBreach::due, SlaBreach::met)
                .containsExactly(
                        tuple(emergency, SlaTarget.FIRST_RESPONSE, berlin("2026-12-07T11:00"), null),
                        tuple(housing, SlaTarget.NEXT_RESPONSE, berlin("2026-12-09T11:00"),
                                berlin("2026-12-09T12:00")));
        assertThat(report.byCaseType().get(1).share(SlaTarget.FIRST_RESPONSE).metShare()).hasValue(1.0);
        assertThat(report.byCaseType().getFirst().share(SlaTarget.RESOLUTION).metShare()).isEmpty();
    }

    @Test
    void thisMonthAlsoHasLastWeeksBreach() {
        ReportPeriod month = ReportPeriod.thisMonth(FRIDAY_NOON, calendar());
        assertThat(month).isEqualTo(new ReportPeriod(berlin("2026-12-01T00:00"), berlin("2027-01-01T00:00")));

        SlaReport report = queries.slaReport(month, FRIDAY_NOON);

        assertThat(report.breaches()).extracting(SlaBreach::caseId, SlaBreach::due).first()
                .isEqualTo(tuple(lastWeeks, berlin("2026-12-01T09:00")));
        assertThat(report.byCaseworker()).extracting(SlaTally::key, t -> t.share(SlaTarget.FIRST_RESPONSE))
                .containsExactly(tuple(ANNA, new SlaShare(1, 1)), tuple(BEN, new SlaShare(0, 1)));
    }

    @Test
    void aTargetIsOnlyJudgedOnceItsDueTimeHasPassed() {
        Clock mondayMorning = Clock.fixed(berlin("2026-12-07T10:30"), BERLIN);

        SlaReport report = queries.slaReport(ReportPeriod.thisWeek(mondayMorning, calendar()), mondayMorning);

        // The emergency is not yet late at 10:30; the housing case's first answer at 10:00 is met.
        assertThat(report.breaches()).isEmpty();
        assertThat(report.byCaseType()).extracting(SlaTally::key, t -> t.share(SlaTarget.FIRST_RESPONSE))
                .containsExactly(tuple(HOUSING, new SlaShare(1, 0)));
    }
}
