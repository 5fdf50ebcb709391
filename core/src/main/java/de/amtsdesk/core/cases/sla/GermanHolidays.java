package de.amtsdesk.core.cases.sla;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * The public holidays observed in every German state. State-specific days (Epiphany, Corpus Christi, Reformation
 * Day, ...) and local ones go into the calendar's explicit holiday list.
 */
public final class GermanHolidays {

    private static final Set<MonthDay> FIXED = Set.of(
            MonthDay.of(1, 1),   // Neujahr
            MonthDay.of(5, 1),   // Tag der Arbeit
            MonthDay.of(10, 3),  // Tag der Deutschen Einheit
            MonthDay.of(12, 25), // 1. Weihnachtstag
            MonthDay.of(12, 26)); // 2. Weihnachtstag

    private static final java.util.Map<Integer, Set<LocalDate>> MOVABLE = new java.util.concurrent.ConcurrentHashMap<>();

    private GermanHolidays() {
    }

    public static boolean isNationwideHoliday(LocalDate date) {
        if (FIXED.contains(MonthDay.from(date))) {
            return true;
        }
        return MOVABLE.computeIfAbsent(date.getYear(), GermanHolidays::movable).contains(date);
    }

    /** Karfreitag, Ostermontag, Christi Himmelfahrt, Pfingstmontag: computed once per year, asked for every day. */
    private static Set<LocalDate> movable(int year) {
        LocalDate easter = easterSunday(year);
        return Set.of(easter.minusDays(2), easter.plusDays(1), easter.plusDays(39), easter.plusDays(50));
    }

    /** Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
