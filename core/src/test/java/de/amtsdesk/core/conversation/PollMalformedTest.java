package de.amtsdesk.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Broken poll starts: a poll nobody can answer is MALFORMED; oddities the libraries tolerate are tolerated. */
class PollMalformedTest {

    private static ObjectNode extensibleStart() throws IOException {
        return (ObjectNode) PollFormsTest.fixture("ruma-extensible-start.json");
    }

    private static ObjectNode pollBlock(ObjectNode event) {
        return (ObjectNode) event.get("content").get("m.poll");
    }

    private static TimelineEntry.Kind kindOf(JsonNode event) {
        return PollFormsTest.interpret(event).kind();
    }

    @Test
    void missingOrEmptyAnswersAreMalformed() throws IOException {
        ObjectNode missing = extensibleStart();
        pollBlock(missing).remove("answers");
        ObjectNode empty = extensibleStart();
        pollBlock(empty).putArray("answers");
        ObjectNode notAnArray = extensibleStart();
        pollBlock(notAnArray).put("answers", "mo");

        assertThat(kindOf(missing)).isEqualTo(TimelineEntry.Kind.MALFORMED);
        assertThat(kindOf(empty)).isEqualTo(TimelineEntry.Kind.MALFORMED);
        assertThat(kindOf(notAnArray)).isEqualTo(TimelineEntry.Kind.MALFORMED);
    }

    @Test
    void missingQuestionIsMalformed() throws IOException {
        ObjectNode event = extensibleStart();
        pollBlock(event).remove("question");
        ObjectNode htmlOnly = extensibleStart();
        pollBlock(htmlOnly).putObject("question").putArray("m.text").addObject()
                .put("mimetype", "text/html").put("body", "<b>nur HTML</b>");

        assertThat(kindOf(event)).isEqualTo(TimelineEntry.Kind.MALFORMED);
        assertThat(kindOf(htmlOnly)).isEqualTo(TimelineEntry.Kind.MALFORMED);
    }

    @Test
    void nonStringOrEmptyAnswerIdsAreMalformed() throws IOException {
        ObjectNode numeric = extensibleStart();
        ((ObjectNode) pollBlock(numeric).get("answers").get(1)).put("m.id", 2);
        ObjectNode empty = PollFormsTest.fixture("element-start.json").deepCopy();
        ((ObjectNode) empty.get("content").get("org.matrix.msc3381.poll.start").get("answers").get(0)).put("id", "");
        ObjectNode noText = extensibleStart();
        ((ObjectNode) pollBlock(noText).get("answers").get(0)).remove("m.text");

        assertThat(kindOf(numeric)).isEqualTo(TimelineEntry.Kind.MALFORMED);
        assertThat(kindOf(empty)).isEqualTo(TimelineEntry.Kind.MALFORMED);
        assertThat(kindOf(noText)).isEqualTo(TimelineEntry.Kind.MALFORMED);
    }

    @Test
    void tenThousandOptionsAreCutToTwentyQuickly() throws IOException {
        ObjectNode event = extensibleStart();
        ArrayNode answers = pollBlock(event).putArray("answers");
        for (int i = 0; i < 10_000; i++) {
            ObjectNode answer = answers.addObject().put("m.id", "o" + i);
            answer.putArray("m.text").addObject().put("body", "Option " + i);
        }
        pollBlock(event).put("max_selections", 10_000);

        Poll poll = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> PollFormsTest.interpret(event).poll());

        assertThat(poll.answers()).hasSize(PollEvents.MAX_ANSWERS);
        assertThat(poll.answers().getLast()).isEqualTo(new Poll.Answer("o19", "Option 19"));
        // More selections than answers means "any number of them".
        assertThat(poll.maxSelections()).isEqualTo(PollEvents.MAX_ANSWERS);
    }

    @Test
    void aBrokenAnswerBeyondTheTwentiethDoesNotMatter() throws IOException {
        ObjectNode event = extensibleStart();
        ArrayNode answers = pollBlock(event).putArray("answers");
        for (int i = 0; i < 20; i++) {
            answers.addObject().put("m.id", "o" + i).putArray("m.text").addObject().put("body", "Option " + i);
        }
        answers.addObject().put("m.id", 21);

        assertThat(kindOf(event)).isEqualTo(TimelineEntry.Kind.POLL_START);
    }

    @Test
    void duplicateIdsKeepTheFirstAnswer() throws IOException {
        ObjectNode event = extensibleStart();
        ((ObjectNode) pollBlock(event).get("answers").get(2)).put("m.id", "mo");

        Poll poll = PollFormsTest.interpret(event).poll();

        assertThat(poll.answers()).containsExactly(new Poll.Answer("mo", "Montag"), new Poll.Answer("di", "Dienstag"));
    }

    @Test
    void oddMaxSelectionsFollowJsSdk() throws IOException {
        assertThat(maxSelectionsFor(JSON_TEXT_TWO)).isEqualTo(1);
        assertThat(maxSelectionsFor("0")).isEqualTo(1);
        assertThat(maxSelectionsFor("-3")).isEqualTo(1);
        assertThat(maxSelectionsFor("2.7")).isEqualTo(2);
        assertThat(maxSelectionsFor("1e300")).isEqualTo(3);
        assertThat(maxSelectionsFor("99999999999999999999999")).isEqualTo(3);
        assertThat(maxSelectionsFor("null")).isEqualTo(1);
    }

    private static final String JSON_TEXT_TWO = "\"2\"";

    private static int maxSelectionsFor(String json) throws IOException {
        ObjectNode event = extensibleStart();
        pollBlock(event).set("max_selections", PollFormsTest.json(json));
        return PollFormsTest.interpret(event).poll().maxSelections();
    }

    @Test
    void unknownKindIsUndisclosed() throws IOException {
        ObjectNode event = extensibleStart();
        pollBlock(event).put("kind", "de.amtsdesk.secret");
        ObjectNode numeric = extensibleStart();
        pollBlock(numeric).put("kind", 1);

        assertThat(PollFormsTest.interpret(event).poll().kind()).isEqualTo(Poll.Kind.UNDISCLOSED);
        assertThat(PollFormsTest.interpret(numeric).poll().kind()).isEqualTo(Poll.Kind.UNDISCLOSED);
    }

    @Test
    void startWithoutAnyKnownBlockIsMalformed() throws IOException {
        ObjectNode event = extensibleStart();
        ((ObjectNode) event.get("content")).remove("m.poll");
        ((ObjectNode) event.get("content")).put("m.poll", "kein Objekt");

        assertThat(kindOf(event)).isEqualTo(TimelineEntry.Kind.MALFORMED);
    }
}
