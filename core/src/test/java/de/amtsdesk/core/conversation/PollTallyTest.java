package de.amtsdesk.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollTallyTest {

    private final Poll poll = new Poll(PollNamespace.UNSTABLE, "Termin?",
            List.of(new Poll.Answer("a1", "Montag"), new Poll.Answer("a2", "Dienstag")), 1);

    private static PollTally.Vote vote(String sender, long ts, String... answers) {
        return new PollTally.Vote(sender, Instant.ofEpochMilli(ts), List.of(answers));
    }

    @Test
    void latestVoteOfEachPersonCountsOnce() {
        PollTally.Result result = PollTally.tally(poll, List.of(
                vote("@erika", 1, "a1"), vote("@erika", 3, "a2"), vote("@max", 2, "a2"), vote("@max", 1, "a1")), null);
        assertThat(result.count("a1")).isZero();
        assertThat(result.count("a2")).isEqualTo(2);
        assertThat(result.voters()).isEqualTo(2);
    }

    @Test
    void invalidAnswersAndLateVotesAreIgnored() {
        PollTally.Result result = PollTally.tally(poll, List.of(
                vote("@erika", 1, "a1"), vote("@erika", 20, "a2"), vote("@max", 2, "zzz"), vote("@jo", 3, "a1", "a2")),
                Instant.ofEpochMilli(10));
        assertThat(result.count("a1")).isEqualTo(1);
        assertThat(result.count("a2")).isZero();
        assertThat(result.voters()).isEqualTo(1);
        assertThat(result.ended()).isTrue();
    }
}
