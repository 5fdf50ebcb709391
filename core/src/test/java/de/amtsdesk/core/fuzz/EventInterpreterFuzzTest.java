package de.amtsdesk.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import de.amtsdesk.core.conversation.EventInterpreter;
import de.amtsdesk.core.conversation.PollInvariants;
import de.amtsdesk.core.conversation.TimelineEntry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Any JSON as a room event. Contract (EventInterpreter's Javadoc): a {@link TimelineEntry} for every input, never
 * an exception; unreadable shapes become MALFORMED or OTHER. Seeds: {@code EventInterpreterFuzzTestInputs/}.
 * Timeouts and how to fuzz: see the package documentation.
 */
class EventInterpreterFuzzTest {

    private static final int MAX_BODY = 64 * 1024 + 2;

    @FuzzTest(maxDuration = "3m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void interpret(byte[] input) {
        JsonNode event = FuzzInput.json(input);
        if (event == null) {
            return;
        }
        TimelineEntry entry = EventInterpreter.interpret("!raum:amt.example", event);

        assertThat(entry).isNotNull();
        assertThat(entry.kind()).isNotNull();
        assertThat(entry.id()).isNotNull();
        assertThat(entry.sender()).isNotNull();
        assertThat(entry.timestamp()).isNotNull();
        assertThat(entry.body()).isNotNull();
        assertThat(entry.body().length()).isLessThanOrEqualTo(
                entry.kind() == TimelineEntry.Kind.OTHER ? Integer.MAX_VALUE : MAX_BODY);
        assertThat(entry.poll() != null).isEqualTo(entry.kind() == TimelineEntry.Kind.POLL_START);
        if (entry.poll() != null) {
            PollInvariants.check(entry.poll());
        }
        if (entry.kind() == TimelineEntry.Kind.FILE || entry.kind() == TimelineEntry.Kind.IMAGE) {
            assertThat(entry.attachment()).isNotNull();
            assertThat(entry.attachment().name()).isNotBlank();
        }
        List<String> answers = EventInterpreter.pollAnswers(event.path("content"));
        assertThat(answers).isNotNull().doesNotContainNull();
    }
}
