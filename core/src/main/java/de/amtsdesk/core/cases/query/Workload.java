package de.amtsdesk.core.cases.query;

import de.amtsdesk.core.cases.UnitMember;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one staff member holds, for a team lead balancing the unit (the lead desk's chart, ADR 0014).
 * {@code active} counts every case not closed ("open" in the chart); {@code waiting}, {@code overdue} and
 * {@code dueToday} are parts of it ({@code dueToday}: not overdue yet, but a clock runs out before midnight in the
 * unit's time zone). {@code byType} splits {@code active} by case type, untyped cases under {@link #UNTYPED}.
 * {@code settings} is what a lead set for the member: capacity, competence, absence.
 */
public record Workload(String userId, String displayName, int active, int waiting, int overdue, int dueToday,
        Map<String, Integer> byType, UnitMember settings) {

    /** The {@link #byType} key of cases without a type. */
    public static final String UNTYPED = "";

    public Workload {
        Objects.requireNonNull(userId, "userId");
        byType = java.util.Collections.unmodifiableMap(new TreeMap<>(byType));
        settings = settings == null ? UnitMember.unrestricted(userId) : settings;
    }

    /** The counts the workspace had before the lead desk. */
    public Workload(String userId, String displayName, int active, int waiting, int overdue) {
        this(userId, displayName, active, waiting, overdue, 0, Map.of(), null);
    }

    /** Whether the member holds as many open cases as a lead allowed, or more. */
    public boolean atCapacity() {
        return !settings.hasRoomFor(active);
    }
}
