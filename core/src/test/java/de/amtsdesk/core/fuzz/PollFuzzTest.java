package de.amtsdesk.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import de.amtsdesk.core.conversation.EventInterpreter;
import de.amtsdesk.core.conversation.Poll;
import de.amtsdesk.core.conversation.PollInvariants;
import de.amtsdesk.core.conversation.PollNamespace;
import de.amtsdesk.core.conversation.PollTally;
import de.amtsdesk.core.conversation.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * A JSON array of events: the first is read as a poll start, the others as responses and ends, in any of the three
 * forms, and tallied as AgencyEngine.pollResult does (responses relating to anything count, so the fuzzer need not
 * guess event ids). Contract: a start is a poll or MALFORMED; the tally never throws and its counts are consistent
 * (PollInvariants). Seeds: {@code PollFuzzTestInputs/}.
 */
class PollFuzzTest {

    @FuzzTest(maxDuration = "3m")
    @DictionaryEntries({"\"type\":\"org.matrix.msc3381.poll.start\"", "\"type\":\"m.poll.start\"",
            "\"type\":\"m.poll.response\"", "\"type\":\"org.matrix.msc3381.poll.response\"",
            "\"type\":\"m.poll.end\"", "\"content\":{", "\"org.matrix.msc3381.poll.start\":{",
            "\"m.poll.start\":{", "\"m.poll\":{", "\"question\":{", "\"answers\":[", "\"m.selections\":[",
            "\"org.matrix.msc1767.text\":\"", "\"m.text\":[{\"body\":\"", "\"m.message\":[",
            "\"mimetype\":\"text/plain\"", "\"id\":\"", "\"m.id\":\"", "\"max_selections\":",
            "\"kind\":\"m.disclosed\"", "\"sender\":\"@", "\"origin_server_ts\":",
            "\"m.relates_to\":{\"rel_type\":\"m.reference\",\"event_id\":\"$p\"}"})
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void parseAndTally(byte[] input) {
        JsonNode events = FuzzInput.json(input);
        if (events == null || !events.isArray() || events.isEmpty()) {
            return;
        }
        TimelineEntry start = EventInterpreter.interpret("!r", events.get(0));
        if (PollNamespace.roleOf(events.get(0).path("type").asText("")).orElse(null) == PollNamespace.Role.START) {
            assertThat(start.kind()).isIn(TimelineEntry.Kind.POLL_START, TimelineEntry.Kind.MALFORMED);
        }
        if (start.kind() != TimelineEntry.Kind.POLL_START) {
            return;
        }
        Poll poll = start.poll();
        PollInvariants.check(poll);

        List<PollTally.Vote> votes = new ArrayList<>();
        Instant ended = null;
        for (int i = 1; i < events.size(); i++) {
            TimelineEntry entry = EventInterpreter.interpret("!r", events.get(i));
            if (entry.kind() == TimelineEntry.Kind.POLL_RESPONSE) {
                votes.add(new PollTally.Vote(entry.sender(), entry.timestamp(),
                        EventInterpreter.pollAnswers(events.get(i).path("content"))));
            } else if (entry.kind() == TimelineEntry.Kind.POLL_END && ended == null) {
                ended = entry.timestamp();
            }
        }
        PollTally.Result result = PollTally.tally(poll, votes, ended);
        PollInvariants.check(poll, votes, result);
        assertThat(result.ended()).isEqualTo(ended != null);
    }
}
