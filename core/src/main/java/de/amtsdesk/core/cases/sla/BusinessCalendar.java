package de.amtsdesk.core.cases.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The unit's office hours: one window per weekday in a time zone, minus holidays. SLA targets are measured in
 * this calendar's time ("8 business hours"), so a message on Friday afternoon is due on Monday, not on Saturday.
 * Windows are computed per calendar day in the zone, so a daylight-saving change never shifts office hours.
 */
public record BusinessCalendar(ZoneId zone, Map<DayOfWeek, Window> hours, Set<LocalDate> holidays,
        boolean nationwideHolidays) {

    /** Longest stretch the calendar walks before it gives up (a calendar without any open day). */
    private static final int MAX_DAYS = 3700;

    public record Window(LocalTime opens, LocalTime closes) {
        public Window {
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("office hours must open before they close: " + opens + "-" + closes);
            }
        }
    }

    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        hours = hours.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(hours));
        holidays = Set.copyOf(holidays);
        if (hours.isEmpty()) {
            throw new IllegalArgumentException("a business calendar needs at least one working day");
        }
    }

    /** Mon–Fri 08:00–16:00 Europe/Berlin with the nationwide German holidays. */
    public static BusinessCalendar standard() {
        Map<DayOfWeek, Window> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                hours.put(day, new Window(LocalTime.of(8, 0), LocalTime.of(16, 0)));
            }
        }
        return new BusinessCalendar(ZoneId.of("Europe/Berlin"), hours, Set.of(), true);
    }

    public BusinessCalendar withHolidays(Set<LocalDate> extra) {
        return new BusinessCalendar(zone, hours, extra, nationwideHolidays);
    }

    public boolean isWorkingDay(LocalDate date) {
        return hours.containsKey(date.getDayOfWeek()) && !holidays.contains(date)
                && !(nationwideHolidays && GermanHolidays.isNationwideHoliday(date));
    }

    /** Business time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant opens = opens(day);
            Instant closes = closes(day);
            Instant start = opens.isAfter(from) ? opens : from;
            Instant end = closes.isBefore(to) ? closes : to;
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    /** The instant at which {@code amount} of business time has passed after {@code from}. */
    public Instant plus(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative business time: " + amount);
        }
        Duration remaining = amount;
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant closes = closes(day);
            Instant start = opens(day).isAfter(from) ? opens(day) : from;
            if (!closes.isAfter(start)) {
                continue;
            }
            Duration available = Duration.between(start, closes);
            if (remaining.compareTo(available) <= 0) {
                return start.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
        throw new IllegalStateException("no business time within " + MAX_DAYS + " days after " + from);
    }

    private Instant opens(LocalDate day) {
        return day.atTime(hours.get(day.getDayOfWeek()).opens()).atZone(zone).toInstant();
    }

    private Instant closes(LocalDate day) {
        return day.atTime(hours.get(day.getDayOfWeek()).closes()).atZone(zone).toInstant();
    }
}
