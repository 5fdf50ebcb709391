package de.amtsdesk.core.cases.query;

import de.amtsdesk.core.cases.sla.BusinessCalendar;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * A reporting period {@code [from, until)}. "This week" and "this month" are calendar weeks (Monday first) and
 * months in the unit's time zone (the business calendar's), with "today" taken from the given clock.
 */
public record ReportPeriod(Instant from, Instant until) {

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("a period must end after it starts: " + from + " .. " + until);
        }
    }

    public static ReportPeriod thisWeek(Clock clock, BusinessCalendar calendar) {
        ZoneId zone = calendar.zone();
        LocalDate monday = LocalDate.now(clock.withZone(zone)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new ReportPeriod(monday.atStartOfDay(zone).toInstant(), monday.plusWeeks(1).atStartOfDay(zone).toInstant());
    }

    public static ReportPeriod thisMonth(Clock clock, BusinessCalendar calendar) {
        ZoneId zone = calendar.zone();
        LocalDate first = LocalDate.now(clock.withZone(zone)).withDayOfMonth(1);
        return new ReportPeriod(first.atStartOfDay(zone).toInstant(), first.plusMonths(1).atStartOfDay(zone).toInstant());
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(until);
    }
}
