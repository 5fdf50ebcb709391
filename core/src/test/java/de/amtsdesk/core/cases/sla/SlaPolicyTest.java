package de.amtsdesk.core.cases.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

    private final SlaPolicy standard = SlaPolicy.standard();

    @Test
    void theShippedPolicyUsesOfficeHoursInBerlin() {
        assertThat(standard.calendar()).isEqualTo(BusinessCalendar.standard());
        assertThat(standard.targetsFor(null)).isEqualTo(standard.defaults());
    }

    @Test
    void theLongestMatchingKeyPrefixWinsFieldByField() {
        SlaTargets emergency = standard.targetsFor("emergency.crime.report");
        assertThat(emergency.firstResponse()).isEqualTo(Duration.ofHours(2));
        assertThat(emergency.resolution()).isEqualTo(standard.defaults().resolution());
        assertThat(standard.targetsFor("housing.building-permit.apply").resolution()).isEqualTo(Duration.ofHours(480));
        assertThat(standard.targetsFor("housing.wohngeld.apply")).isEqualTo(standard.defaults());
        assertThat(standard.targetsFor("housing.building")).as("prefixes match whole segments only")
                .isEqualTo(standard.defaults());
    }

    @Test
    void holidaysComeFromTheJson() throws Exception {
        SlaPolicy policy = SlaPolicy.parse(json("""
                {'v':1,'calendar':{'zone':'Europe/Berlin','hours':{'monday':'09:00-12:00'},
                  'nationwideHolidays':false,'holidays':['2026-12-24']},
                 'defaults':{'firstResponse':'PT1H','nextResponse':'PT2H','resolution':'PT3H'}}"""));
        assertThat(policy.calendar().isWorkingDay(LocalDate.of(2026, 12, 7))).isTrue();
        assertThat(policy.calendar().isWorkingDay(LocalDate.of(2026, 12, 8))).isFalse();
        assertThat(policy.calendar().holidays()).containsExactly(LocalDate.of(2026, 12, 24));
    }

    @Test
    void mistakesNameTheField() {
        assertThatThrownBy(() -> SlaPolicy.parse(json("""
                {'v':1,'calendar':{'zone':'Europe/Berlin','hours':{'monday':'08:00-16:00'}},
                 'defaults':{'firstResponse':'8 hours','nextResponse':'PT2H','resolution':'PT3H'}}""")))
                .hasMessageContaining("sla.defaults.firstResponse");
        assertThatThrownBy(() -> SlaPolicy.parse(json("""
                {'v':1,'calendar':{'zone':'Mars/Olympus','hours':{'monday':'08:00-16:00'}},
                 'defaults':{'firstResponse':'PT1H','nextResponse':'PT2H','resolution':'PT3H'}}""")))
                .hasMessageContaining("sla.calendar.zone");
        assertThatThrownBy(() -> SlaPolicy.parse(json("""
                {'v':1,'calendar':{'zone':'Europe/Berlin','hours':{'funday':'08:00-16:00'}},
                 'defaults':{'firstResponse':'PT1H','nextResponse':'PT2H','resolution':'PT3H'}}""")))
                .hasMessageContaining("sla.calendar.hours.funday");
        assertThatThrownBy(() -> SlaPolicy.parse(json("""
                {'v':1,'calendar':{'zone':'Europe/Berlin','hours':{'monday':'08:00-16:00'}},
                 'defaults':{'firstResponse':'PT1H','nextResponse':'PT2H','resolution':'PT3H'},
                 'types':{'identity':{'resolve':'PT1H'}}}""")))
                .hasMessageContaining("sla.types.identity: unknown field \"resolve\"");
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text.replace('\'', '"'));
    }
}
