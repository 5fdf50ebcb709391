package de.amtsdesk.core.conversation;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts a poll as Element does: each person's latest valid response before the poll ended counts once; answers the
 * poll does not offer, and responses beyond max_selections, are ignored.
 */
public final class PollTally {

    private PollTally() {
    }

    public record Vote(String sender, Instant timestamp, List<String> answerIds) { }

    public record Result(Map<String, Integer> countsByAnswerId, int voters, boolean ended) {

        public int count(String answerId) {
            return countsByAnswerId.getOrDefault(answerId, 0);
        }
    }

    public static Result tally(Poll poll, List<Vote> votes, Instant endedAt) {
        Map<String, Vote> latestBySender = new HashMap<>();
        for (Vote vote : votes) {
            if (endedAt != null && vote.timestamp().isAfter(endedAt)) {
                continue;
            }
            List<String> valid = vote.answerIds().stream()
                    .filter(id -> poll.answers().stream().anyMatch(a -> a.id().equals(id)))
                    .distinct()
                    .toList();
            if (valid.isEmpty() || valid.size() > poll.maxSelections()) {
                continue;
            }
            Vote current = latestBySender.get(vote.sender());
            if (current == null || !vote.timestamp().isBefore(current.timestamp())) {
                latestBySender.put(vote.sender(), new Vote(vote.sender(), vote.timestamp(), valid));
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        poll.answers().forEach(a -> counts.put(a.id(), 0));
        latestBySender.values().forEach(v -> v.answerIds().forEach(id -> counts.merge(id, 1, Integer::sum)));
        return new Result(Map.copyOf(counts), latestBySender.size(), endedAt != null);
    }
}
