package de.amtsdesk.core.staff.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Presence signals (ADR 0016): what is believed, for how long, and how often this member sends one. */
class PresenceTest {

    private static final String ANNA = "@anna:amt.example";
    private static final String BEN = "@ben:amt.example";
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final class MovableClock extends Clock {
        Instant now = T0;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aWellFormedSignalIsBelievedForItsLifetimeFromWhenItWasSent() {
        ObjectNode content = PresenceEvents.content("$case1", StaffPresence.Activity.WRITING, T0,
                Duration.ofSeconds(20));

        StaffPresence signal = PresenceEvents.parse(ANNA, content, T0.plusMillis(300)).orElseThrow();

        assertThat(signal).isEqualTo(new StaffPresence(ANNA, "$case1", StaffPresence.Activity.WRITING,
                T0.plusSeconds(20)));
        assertThat(signal.activeAt(T0.plusSeconds(19))).isTrue();
        assertThat(signal.activeAt(T0.plusSeconds(20))).isFalse();
    }

    @Test
    void aSignalThatReachedTheServerAfterItWasOverIsDroppedSoAStaleWritingNeverLooksFresh() {
        ObjectNode content = PresenceEvents.content("$case1", StaffPresence.Activity.WRITING, T0,
                Duration.ofSeconds(20));

        assertThat(PresenceEvents.parse(ANNA, content, T0.plus(Duration.ofMinutes(10)))).isEmpty();
    }

    @Test
    void aSenderClockInTheFutureOrALifetimeBeyondTwoMinutesIsNotTrusted() {
        ObjectNode future = PresenceEvents.content("$c", StaffPresence.Activity.VIEWING, T0.plus(Duration.ofDays(3)),
                Duration.ofSeconds(60));
        assertThat(PresenceEvents.parse(ANNA, future, T0).orElseThrow().until()).isEqualTo(T0.plusSeconds(60));

        ObjectNode forever = PresenceEvents.content("$c", StaffPresence.Activity.VIEWING, T0, Duration.ofDays(1));
        forever.put("expires_in_ms", Long.MAX_VALUE);
        assertThat(PresenceEvents.parse(ANNA, forever, T0).orElseThrow().until())
                .isEqualTo(T0.plus(PresenceEvents.LONGEST));
    }

    @Test
    void malformedSignalsAreIgnoredNeverThrown() throws Exception {
        List<String> bad = List.of("{}", "[]", "null", "{\"case_id\":1,\"activity\":\"writing\",\"sent_ts\":1,"
                + "\"expires_in_ms\":1}", "{\"case_id\":\"$c\",\"activity\":\"dancing\",\"sent_ts\":1,"
                + "\"expires_in_ms\":1}", "{\"case_id\":\"$c\",\"activity\":\"writing\",\"sent_ts\":\"x\","
                + "\"expires_in_ms\":1}", "{\"case_id\":\"$c\",\"activity\":\"writing\",\"sent_ts\":1,"
                + "\"expires_in_ms\":-5}", "{\"case_id\":\"\",\"activity\":\"writing\",\"sent_ts\":1,"
                + "\"expires_in_ms\":1}", "{\"case_id\":\"" + "x".repeat(300) + "\",\"activity\":\"writing\","
                + "\"sent_ts\":1,\"expires_in_ms\":1}", "{\"case_id\":\"$c\",\"activity\":\"writing\","
                + "\"sent_ts\":99999999999999999999,\"expires_in_ms\":1}");
        for (String json : bad) {
            assertThat(PresenceEvents.parse(ANNA, JSON.readTree(json), T0)).as(json).isEmpty();
        }
        assertThat(PresenceEvents.parse(null, PresenceEvents.content("$c", StaffPresence.Activity.VIEWING, T0,
                Duration.ofSeconds(5)), T0)).isEmpty();
    }

    @Test
    void theBoardShowsOthersActiveNowWritersFirstAndForgetsWhatExpiredOrEnded() {
        MovableClock clock = new MovableClock();
        PresenceBoard board = new PresenceBoard(clock);
        List<String> told = new ArrayList<>();
        board.addListener(told::add);

        board.record(new StaffPresence(ANNA, "$c", StaffPresence.Activity.VIEWING, T0.plusSeconds(60)));
        board.record(new StaffPresence(BEN, "$c", StaffPresence.Activity.WRITING, T0.plusSeconds(20)));
        board.record(new StaffPresence("@me:amt.example", "$c", StaffPresence.Activity.WRITING, T0.plusSeconds(20)));

        assertThat(board.others("$c", "@me:amt.example")).extracting(StaffPresence::userId).containsExactly(BEN, ANNA);
        assertThat(board.writers("$c", "@me:amt.example")).extracting(StaffPresence::userId).containsExactly(BEN);
        assertThat(board.others("$other", "@me:amt.example")).isEmpty();
        assertThat(told).containsExactly("$c", "$c", "$c");

        clock.now = T0.plusSeconds(30);
        assertThat(board.writers("$c", "@me:amt.example")).as("Ben's writing expired").isEmpty();
        board.record(new StaffPresence(ANNA, "$c", StaffPresence.Activity.NONE, clock.now));
        assertThat(board.others("$c", "@me:amt.example")).as("Anna closed the case").isEmpty();
    }

    @Test
    void theAnnouncerSendsANewActivityAtOnceAndRepeatsOnlyWhenTheLastWouldSoonExpire() {
        MovableClock clock = new MovableClock();
        PresenceAnnouncer announcer = new PresenceAnnouncer(clock);

        assertThat(announcer.due("$a", StaffPresence.Activity.NONE)).as("nothing to end").isEmpty();
        assertThat(announcer.due("$a", StaffPresence.Activity.VIEWING)).isPresent();
        assertThat(announcer.due("$a", StaffPresence.Activity.VIEWING)).as("repeat at once").isEmpty();
        assertThat(announcer.due("$a", StaffPresence.Activity.WRITING)).as("new activity").isPresent();
        int sent = 0;
        for (int second = 1; second <= 30; second++) { // typing for half a minute
            clock.now = T0.plusSeconds(second);
            sent += announcer.due("$a", StaffPresence.Activity.WRITING).isPresent() ? 1 : 0;
        }
        assertThat(sent).as("every 8 s, not per key").isBetween(3, 4);
        ObjectNode end = announcer.due("$a", StaffPresence.Activity.NONE).orElseThrow();
        assertThat(end.path("activity").asText()).isEqualTo("none");
        assertThat(announcer.due("$b", StaffPresence.Activity.VIEWING)).isPresent();
    }
}
