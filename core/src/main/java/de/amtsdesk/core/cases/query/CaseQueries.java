package de.amtsdesk.core.cases.query;

import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseBook;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.StaffRoom;
import de.amtsdesk.core.cases.UnitMember;
import de.amtsdesk.core.cases.UnitRoster;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Read-only questions the workspace asks of the {@link CaseBook}. Each call works on one consistent copy of the
 * cases; {@code now} comes from the caller's {@link java.time.Clock} so tests and the UI agree on "overdue".
 * Full-text search comes with the encrypted store, which holds the message text.
 */
public final class CaseQueries {

    /** Most urgent first: cases with a due time by that time, then the rest by age. */
    private static final Comparator<Ranked> URGENCY = Comparator.comparing(Ranked::due)
            .thenComparing(r -> r.value().createdAt())
            .thenComparing(r -> r.value().id());

    private final CaseBook book;

    public CaseQueries(CaseBook book) {
        this.book = Objects.requireNonNull(book, "book");
    }

    /** Cases passing the filter, most urgent first. */
    public List<Case> list(CaseFilter filter, String me, Instant now) {
        // The due time is computed once per case, not once per comparison.
        List<Ranked> matching = new ArrayList<>();
        for (Case c : book.cases()) {
            if (filter.matches(c, me, now)) {
                matching.add(new Ranked(c, c.nextDue().orElse(Instant.MAX)));
            }
        }
        matching.sort(URGENCY);
        return matching.stream().map(Ranked::value).toList();
    }

    private record Ranked(Case value, Instant due) {
    }

    /**
     * The queue grouped by case type: untyped cases (triage) first, then types by count (largest first) and
     * key; inside a group most urgent first.
     */
    public List<QueueGroup> queue(CaseFilter filter, String me, Instant now) {
        Map<String, List<Case>> byType = new LinkedHashMap<>();
        for (Case c : list(filter, me, now)) {
            byType.computeIfAbsent(c.type(), t -> new ArrayList<>()).add(c);
        }
        List<QueueGroup> groups = new ArrayList<>();
        byType.forEach((type, cases) -> groups.add(new QueueGroup(type, cases.size(), cases)));
        groups.sort(Comparator.comparing((QueueGroup g) -> g.caseType() != null)
                .thenComparing(QueueGroup::count, Comparator.reverseOrder())
                .thenComparing(g -> g.caseType() == null ? "" : g.caseType()));
        return groups;
    }

    /** How many cases each filter would show: the numbers on the filter buttons. */
    public Map<CaseFilter, Integer> counts(String me, Instant now) {
        Map<CaseFilter, Integer> counts = new EnumMap<>(CaseFilter.class);
        for (CaseFilter filter : CaseFilter.values()) {
            counts.put(filter, 0);
        }
        for (Case c : book.cases()) {
            for (CaseFilter filter : CaseFilter.values()) {
                if (filter.matches(c, me, now)) {
                    counts.merge(filter, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /**
     * Workload per staff member: every member of the staff room (also those holding nothing) plus anyone still
     * holding cases after leaving; busiest first. "Due today" ends at midnight in the unit's time zone.
     */
    public List<Workload> workload(Instant now) {
        StaffRoom room = book.staffRoom();
        UnitRoster roster = book.roster();
        ZoneId zone = book.policy().sla().calendar().zone();
        Instant endOfToday = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Tally> tally = new HashMap<>();
        room.members().keySet().forEach(member -> tally.put(member, new Tally()));
        for (Case c : book.cases()) {
            if (c.isAssigned() && !c.isClosed()) {
                tally.computeIfAbsent(c.assignee(), a -> new Tally()).add(c, now, endOfToday);
            }
        }
        List<Workload> result = new ArrayList<>();
        tally.forEach((user, t) -> result.add(new Workload(user, room.displayName(user), t.active, t.waiting,
                t.overdue, t.dueToday, t.byType, roster.member(user))));
        result.sort(Comparator.comparingInt(Workload::active).reversed().thenComparing(Workload::userId));
        return result;
    }

    private static final class Tally {
        private int active;
        private int waiting;
        private int overdue;
        private int dueToday;
        private final Map<String, Integer> byType = new HashMap<>();

        void add(Case c, Instant now, Instant endOfToday) {
            active++;
            waiting += c.status() == CaseStatus.WAITING ? 1 : 0;
            boolean late = c.overdueAt(now);
            overdue += late ? 1 : 0;
            dueToday += !late && c.nextDue().map(due -> due.isBefore(endOfToday)).orElse(false) ? 1 : 0;
            byType.merge(c.type() == null ? Workload.UNTYPED : c.type(), 1, Integer::sum);
        }
    }

    /**
     * The case to suggest to a caseworker (ADR 0014): the oldest unassigned open case of a type within their
     * competence; none while they are absent, at capacity or not in the unit. Oldest by creation time, ties by
     * server order of the created events, so every client suggests the same case.
     */
    public Optional<Case> nextCaseFor(String userId) {
        if (!book.staffRoom().isMember(userId)) {
            return Optional.empty();
        }
        UnitMember settings = book.roster().member(userId);
        List<Case> cases = book.cases();
        int held = 0;
        for (Case c : cases) {
            held += c.isAssignedTo(userId) && !c.isClosed() ? 1 : 0;
        }
        if (settings.absent() || !settings.hasRoomFor(held)) {
            return Optional.empty();
        }
        Case oldest = null;
        for (Case c : cases) { // server order: a strict "before" keeps the earlier one on equal times
            if (!c.isAssigned() && c.status() == CaseStatus.OPEN && settings.handles(c.type())
                    && (oldest == null || c.createdAt().isBefore(oldest.createdAt()))) {
                oldest = c;
            }
        }
        return Optional.ofNullable(oldest);
    }

    /**
     * {@link #nextCaseFor} for every member of the unit at once, in one pass over the cases: the lead desk asks it for
     * every caseworker after each sync batch, and a scan of all cases per person was seconds over 50,000 cases.
     * Members without a suggestion are left out.
     */
    public Map<String, Case> nextCases() {
        List<Case> cases = book.cases();
        StaffRoom room = book.staffRoom();
        UnitRoster roster = book.roster();
        Map<String, Integer> held = new HashMap<>();
        List<Case> waiting = new ArrayList<>();
        for (Case c : cases) {
            if (c.isAssigned()) {
                if (!c.isClosed()) {
                    held.merge(c.assignee(), 1, Integer::sum);
                }
            } else if (c.status() == CaseStatus.OPEN) {
                waiting.add(c);
            }
        }
        waiting.sort(Comparator.comparing(Case::createdAt)); // stable: server order on equal times, as nextCaseFor
        Map<String, Case> next = new HashMap<>();
        for (String member : room.members().keySet()) {
            UnitMember settings = roster.member(member);
            if (settings.absent() || !settings.hasRoomFor(held.getOrDefault(member, 0))) {
                continue;
            }
            for (Case c : waiting) {
                if (settings.handles(c.type())) {
                    next.put(member, c);
                    break;
                }
            }
        }
        return next;
    }

    /**
     * The SLA report for a period (ADR 0014), judged at the clock's "now": a target whose due time has not passed
     * yet is not counted. Use {@link ReportPeriod#thisWeek} or {@link ReportPeriod#thisMonth} with the same clock.
     */
    public SlaReport slaReport(ReportPeriod period, java.time.Clock clock) {
        SlaReporter reporter = new SlaReporter(period, clock.instant(), book.policy().sla());
        for (Case c : book.cases()) {
            reporter.add(c);
        }
        return reporter.report();
    }
}
