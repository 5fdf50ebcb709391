package de.amtsdesk.core.cases.query;

import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseBook;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.StaffRoom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
     * holding cases after leaving; busiest first.
     */
    public List<Workload> workload(Instant now) {
        StaffRoom room = book.staffRoom();
        Map<String, int[]> tally = new HashMap<>();
        room.members().keySet().forEach(member -> tally.put(member, new int[3]));
        for (Case c : book.cases()) {
            if (c.isAssigned() && !c.isClosed()) {
                int[] counts = tally.computeIfAbsent(c.assignee(), a -> new int[3]);
                counts[0]++;
                counts[1] += c.status() == CaseStatus.WAITING ? 1 : 0;
                counts[2] += c.overdueAt(now) ? 1 : 0;
            }
        }
        List<Workload> result = new ArrayList<>();
        tally.forEach((user, counts) -> result.add(new Workload(user, room.displayName(user), counts[0], counts[1],
                counts[2])));
        result.sort(Comparator.comparingInt(Workload::active).reversed().thenComparing(Workload::userId));
        return result;
    }
}
