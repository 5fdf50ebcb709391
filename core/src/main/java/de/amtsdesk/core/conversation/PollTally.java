package de.amtsdesk.core.conversation;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Counts a poll by the rules of MSC3381 (proposals/3381-polls.md), which ruma implements in
 * {@code crates/ruma-events/src/poll.rs} ({@code compile_poll_results}, {@code validate_selections}) and
 * matrix-js-sdk in {@code src/extensible_events_v1/PollResponseEvent.ts} ({@code validateAgainst}):
 * <ol>
 *   <li>responses after the end are ignored; "only votes sent on or before that timestamp are considered";</li>
 *   <li>"only a user's most recent vote (by origin_server_ts) is accepted, even if that event is invalid", so a
 *       spoiled or empty latest response withdraws an earlier valid one;</li>
 *   <li>"if any of the supplied answers is unknown, the sender's vote is spoiled" (both libraries check every
 *       selection before truncating);</li>
 *   <li>selections are truncated to {@code max_selections} ("clients must truncate this array"), and an answer
 *       repeated after truncation counts once.</li>
 * </ol>
 * The form of a vote does not matter: ids are compared as strings, whichever form the start and the response use.
 */
public final class PollTally {

    private PollTally() {
    }

    /** One response as sent: {@code answerIds} empty when it selects nothing or could not be read. */
    public record Vote(String sender, Instant timestamp, List<String> answerIds) {

        public Vote {
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(timestamp, "timestamp");
            answerIds = List.copyOf(answerIds);
        }
    }

    /** {@code voters}: people whose counted vote selects at least one answer. */
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
            // MSC3381 does not say which of two responses with the same timestamp wins; votes come in timeline
            // order, so the later event does (ruma keeps the first one it sees; equal timestamps are rare).
            Vote current = latestBySender.get(vote.sender());
            if (current == null || !vote.timestamp().isBefore(current.timestamp())) {
                latestBySender.put(vote.sender(), vote);
            }
        }
        Set<String> offered = poll.answers().stream().map(Poll.Answer::id).collect(Collectors.toSet());
        Map<String, Integer> counts = new LinkedHashMap<>();
        poll.answers().forEach(a -> counts.put(a.id(), 0));
        int voters = 0;
        for (Vote vote : latestBySender.values()) {
            List<String> counted = counted(vote.answerIds(), offered, poll.maxSelections());
            if (!counted.isEmpty()) {
                voters++;
                counted.forEach(id -> counts.merge(id, 1, Integer::sum));
            }
        }
        return new Result(Map.copyOf(counts), voters, endedAt != null);
    }

    /** A poll end event as seen in the timeline. */
    public record End(String sender, Instant timestamp) { }

    /**
     * When the poll closed, or null while it is open. MSC3381: an end "from someone other than the poll creator or
     * user with permission to redact other's messages ... must be ignored", and "only the first (valid) closure
     * event by origin_server_ts is counted". {@code allowedClosers} is the creator plus whoever may redact others'
     * events in the room; the caller knows the power levels, this class does not.
     */
    public static Instant closedAt(Set<String> allowedClosers, List<End> ends) {
        return ends.stream()
                .filter(end -> allowedClosers.contains(end.sender()))
                .map(End::timestamp)
                .min(Instant::compareTo)
                .orElse(null);
    }

    /** The answers one vote counts for: none if spoiled, else the first max_selections, each once. */
    static List<String> counted(List<String> selections, Set<String> offered, int maxSelections) {
        if (!offered.containsAll(selections)) {
            return List.of();
        }
        return selections.stream().limit(maxSelections).distinct().toList();
    }
}
