package de.amtsdesk.core.cases.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final BusinessCalendar calendar = BusinessCalendar.standard();

    private static Instant berlin(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), BERLIN).toInstant();
    }

    @Test
    void aFridayAfternoonMessageIsDueOnMondayNotOnTheWeekend() {
        // Friday 15:00: one hour left that day, seven more on Monday from 08:00.
        assertThat(calendar.plus(berlin("2026-12-04T15:00"), Duration.ofHours(8))).isEqualTo(berlin("2026-12-07T15:00"));
    }

    @Test
    void easterHolidaysAreSkipped() {
        // Maundy Thursday 14:00 + one business day: Good Friday, the weekend and Easter Monday are closed.
        assertThat(calendar.plus(berlin("2026-04-02T14:00"), Duration.ofHours(8))).isEqualTo(berlin("2026-04-07T14:00"));
    }

    @Test
    void aConfiguredHolidayIsSkippedToo() {
        BusinessCalendar withChristmasEve = calendar.withHolidays(Set.of(LocalDate.parse("2026-12-24")));
        // Wed 23 Dec 12:00: four hours that day; 24th configured, 25th and 26th public holidays, 27th Sunday.
        assertThat(withChristmasEve.plus(berlin("2026-12-23T12:00"), Duration.ofHours(8)))
                .isEqualTo(berlin("2026-12-28T12:00"));
        assertThat(calendar.plus(berlin("2026-12-23T12:00"), Duration.ofHours(8))).isEqualTo(berlin("2026-12-24T12:00"));
    }

    @Test
    void aMessageOutsideOfficeHoursStartsTheClockAtTheNextOpening() {
        assertThat(calendar.plus(berlin("2026-12-05T10:00"), Duration.ofHours(1))).isEqualTo(berlin("2026-12-07T09:00"));
        assertThat(calendar.plus(berlin("2026-12-07T17:30"), Duration.ofHours(1))).isEqualTo(berlin("2026-12-08T09:00"));
        assertThat(calendar.plus(berlin("2026-12-07T06:00"), Duration.ofHours(8))).isEqualTo(berlin("2026-12-07T16:00"));
    }

    @Test
    void officeHoursStayPutAcrossTheChangeToSummerTime() {
        // Clocks go forward on Sunday 29 March 2026; Monday still opens at 08:00 local time.
        Instant due = calendar.plus(berlin("2026-03-27T15:00"), Duration.ofHours(2));
        assertThat(due).isEqualTo(berlin("2026-03-30T09:00")).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
    }

    @Test
    void businessTimeBetweenIsTheInverseOfPlus() {
        Instant from = berlin("2026-12-18T11:30");
        for (int hours : new int[] {1, 8, 16, 40, 80}) {
            Instant to = calendar.plus(from, Duration.ofHours(hours));
            assertThat(calendar.between(from, to)).isEqualTo(Duration.ofHours(hours));
        }
        assertThat(calendar.between(berlin("2026-12-05T00:00"), berlin("2026-12-06T23:59"))).isZero();
    }

    @Test
    void nationwideHolidaysFollowEaster() {
        assertThat(GermanHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(GermanHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(GermanHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(GermanHolidays.isNationwideHoliday(LocalDate.of(2026, 5, 14))).as("Christi Himmelfahrt").isTrue();
        assertThat(GermanHolidays.isNationwideHoliday(LocalDate.of(2026, 5, 25))).as("Pfingstmontag").isTrue();
        assertThat(GermanHolidays.isNationwideHoliday(LocalDate.of(2026, 10, 3))).isTrue();
        assertThat(GermanHolidays.isNationwideHoliday(LocalDate.of(2026, 6, 4))).as("Fronleichnam: not nationwide")
                .isFalse();
    }

    @Test
    void aCalendarWithoutWorkingDaysIsRefused() {
        assertThatThrownBy(() -> new BusinessCalendar(BERLIN, Map.of(), Set.of(), true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
