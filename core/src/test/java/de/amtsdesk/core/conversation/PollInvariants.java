package de.amtsdesk.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;

/**
 * What must hold for every parsed poll and every tally, whatever the input; used by the fuzz targets. Lives in this
 * package to reach {@link PollEvents}' limits.
 */
public final class PollInvariants {

    private PollInvariants() {
    }

    public static void check(Poll poll) {
        assertThat(poll.question()).isNotNull();
        assertThat(poll.question().length()).isLessThanOrEqualTo(PollEvents.MAX_TEXT_CHARS + 2);
        assertThat(poll.answers()).isNotEmpty().hasSizeLessThanOrEqualTo(PollEvents.MAX_ANSWERS);
        assertThat(poll.maxSelections()).isBetween(1, poll.answers().size());
        assertThat(new HashSet<>(poll.answers().stream().map(Poll.Answer::id).toList()))
                .hasSameSizeAs(poll.answers());
        poll.answers().forEach(a -> {
            assertThat(a.id()).isNotEmpty();
            assertThat(a.text()).isNotNull();
            assertThat(a.text().length()).isLessThanOrEqualTo(PollEvents.MAX_TEXT_CHARS + 2);
        });
    }

    public static void check(Poll poll, List<PollTally.Vote> votes, PollTally.Result result) {
        assertThat(result.countsByAnswerId().keySet())
                .containsExactlyInAnyOrderElementsOf(poll.answers().stream().map(Poll.Answer::id).toList());
        long senders = votes.stream().map(PollTally.Vote::sender).distinct().count();
        assertThat(result.voters()).isBetween(0, (int) senders);
        int total = 0;
        for (int count : result.countsByAnswerId().values()) {
            assertThat(count).isBetween(0, result.voters());
            total += count;
        }
        // Each counted voter picks at least one and at most max_selections answers.
        assertThat(total).isBetween(result.voters(), result.voters() * poll.maxSelections());
    }
}
