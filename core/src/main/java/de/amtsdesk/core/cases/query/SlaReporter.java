package de.amtsdesk.core.cases.query;

import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.sla.SlaCalculator;
import de.amtsdesk.core.cases.sla.SlaClock;
import de.amtsdesk.core.cases.sla.SlaPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds a {@link SlaReport} from the cases' SLA clocks (computed by {@link SlaCalculator}, never re-derived here). */
final class SlaReporter {

    private final ReportPeriod period;
    private final Instant now;
    private final SlaPolicy policy;
    private final Map<String, Map<SlaTarget, SlaShare>> byType = new TreeMap<>();
    private final Map<String, Map<SlaTarget, SlaShare>> byCaseworker = new TreeMap<>();
    private final List<SlaBreach> breaches = new ArrayList<>();

    SlaReporter(ReportPeriod period, Instant now, SlaPolicy policy) {
        this.period = period;
        this.now = now;
        this.policy = policy;
    }

    void add(Case c) {
        judge(c, SlaTarget.FIRST_RESPONSE, c.sla().firstResponse());
        judge(c, SlaTarget.RESOLUTION, c.sla().resolution());
        if (c.sla().nextResponse() != null || c.sla().firstResponse().met() != null) {
            // Only answered cases can have next responses; the timeline is replayed only for them.
            for (SlaClock clock : SlaCalculator.nextResponses(c.timeline().slaTimeline(), policy.targetsFor(c.type()),
                    policy.calendar())) {
                judge(c, SlaTarget.NEXT_RESPONSE, clock);
            }
        }
    }

    private void judge(Case c, SlaTarget target, SlaClock clock) {
        Instant due = clock.due();
        Instant met = clock.met();
        boolean breached = due != null && (met == null ? now.isAfter(due) : met.isAfter(due));
        Instant decided = breached ? due : met;
        if (decided == null || !period.contains(decided) || decided.isAfter(now)) {
            return; // still running or paused, or decided in another period
        }
        count(byType, c.type() == null ? Workload.UNTYPED : c.type(), target, !breached);
        count(byCaseworker, c.assignee() == null ? SlaReport.UNASSIGNED : c.assignee(), target, !breached);
        if (breached) {
            breaches.add(new SlaBreach(c.id(), c.reference(), c.type(), c.assignee(), target, due, met));
        }
    }

    private static void count(Map<String, Map<SlaTarget, SlaShare>> tallies, String key, SlaTarget target,
            boolean met) {
        tallies.computeIfAbsent(key, k -> new EnumMap<>(SlaTarget.class))
                .merge(target, SlaShare.NONE.plus(met), (a, b) -> a.plus(met));
    }

    SlaReport report() {
        breaches.sort(Comparator.comparing(SlaBreach::due).thenComparing(SlaBreach::caseId)
                .thenComparing(SlaBreach::target));
        return new SlaReport(period, tallies(byType), tallies(byCaseworker), breaches);
    }

    private static List<SlaTally> tallies(Map<String, Map<SlaTarget, SlaShare>> byKey) {
        List<SlaTally> result = new ArrayList<>();
        byKey.forEach((key, shares) -> result.add(new SlaTally(key, shares)));
        return result;
    }
}
