package de.amtsdesk.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Poll start events as each library emits them (hand-written fixtures in {@code polls/}, shaped after
 * matrix-js-sdk's {@code PollStartEvent.serialize()} and ruma's {@code PollStartEventContent} /
 * {@code UnstablePollStartEventContent} serialisation), and responses in every form.
 */
class PollFormsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = PollFormsTest.class.getResourceAsStream("polls/" + name)) {
            return JSON.readTree(in);
        }
    }

    static TimelineEntry interpret(JsonNode event) {
        return EventInterpreter.interpret("!raum:amt.example", event);
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void elementPollInTheUnstableForm() throws IOException {
        TimelineEntry entry = interpret(fixture("element-start.json"));

        assertThat(entry.kind()).isEqualTo(TimelineEntry.Kind.POLL_START);
        assertThat(entry.body()).isEqualTo("Welcher Termin passt Ihnen?");
        Poll poll = entry.poll();
        assertThat(poll.namespace()).isEqualTo(PollNamespace.UNSTABLE);
        assertThat(poll.question()).isEqualTo("Welcher Termin passt Ihnen?");
        assertThat(poll.answers()).containsExactly(new Poll.Answer("Xk3vQ9aLmP2sT7wB", "Montag, 9 Uhr"),
                new Poll.Answer("r8DfG2hJ4kL6zC1n", "Dienstag, 14 Uhr"));
        assertThat(poll.kind()).isEqualTo(Poll.Kind.DISCLOSED);
        assertThat(poll.maxSelections()).isEqualTo(1);
    }

    @Test
    void rumaUnstablePollWithUndisclosedKindAndTwoSelections() throws IOException {
        Poll poll = interpret(fixture("ruma-unstable-start.json")).poll();

        assertThat(poll.namespace()).isEqualTo(PollNamespace.UNSTABLE);
        assertThat(poll.question()).isEqualTo("Welche Unterlagen fehlen?");
        assertThat(poll.answers()).extracting(Poll.Answer::id).containsExactly("pass", "meldung", "foto");
        assertThat(poll.kind()).isEqualTo(Poll.Kind.UNDISCLOSED);
        assertThat(poll.maxSelections()).isEqualTo(2);
    }

    @Test
    void jsSdkStableNamesWithAnHtmlAndPlainMessageQuestion() throws IOException {
        Poll poll = interpret(fixture("jssdk-stable-start.json")).poll();

        assertThat(poll.namespace()).isEqualTo(PollNamespace.STABLE);
        // js-sdk's MessageEvent takes the text/plain rendering of m.message, not the first one.
        assertThat(poll.question()).isEqualTo("Wie sollen wir Sie erreichen?");
        assertThat(poll.answers()).containsExactly(new Poll.Answer("telefon", "Telefon"),
                new Poll.Answer("brief", "Brief"), new Poll.Answer("chat", "Chat"));
        assertThat(poll.kind()).isEqualTo(Poll.Kind.DISCLOSED);
        assertThat(poll.maxSelections()).isEqualTo(1);
    }

    @Test
    void rumaExtensiblePollIsReadNotMalformed() throws IOException {
        TimelineEntry entry = interpret(fixture("ruma-extensible-start.json"));

        assertThat(entry.kind()).isEqualTo(TimelineEntry.Kind.POLL_START);
        Poll poll = entry.poll();
        assertThat(poll.namespace()).isEqualTo(PollNamespace.EXTENSIBLE);
        // ruma's find_plain: the first representation whose mimetype is (or defaults to) text/plain.
        assertThat(poll.question()).isEqualTo("**Welche Tage** passen?");
        assertThat(poll.answers()).containsExactly(new Poll.Answer("mo", "Montag"), new Poll.Answer("di", "Dienstag"),
                new Poll.Answer("mi", "Mittwoch"));
        assertThat(poll.kind()).isEqualTo(Poll.Kind.DISCLOSED);
        assertThat(poll.maxSelections()).isEqualTo(2);
    }

    @Test
    void rumaLeavesOutDefaultKindAndMaxSelections() throws IOException {
        Poll poll = interpret(fixture("ruma-extensible-defaults-start.json")).poll();

        assertThat(poll.namespace()).isEqualTo(PollNamespace.EXTENSIBLE);
        assertThat(poll.kind()).isEqualTo(Poll.Kind.UNDISCLOSED);
        assertThat(poll.maxSelections()).isEqualTo(1);
        assertThat(poll.answers()).extracting(Poll.Answer::text).containsExactly("Ja", "Nein");
    }

    @Test
    void responsesAndEndsInEveryFormAreRecognised() throws IOException {
        JsonNode unstable = json("""
                {"type":"org.matrix.msc3381.poll.response","event_id":"$r1","sender":"@a:hs","origin_server_ts":2,
                 "content":{"m.relates_to":{"rel_type":"m.reference","event_id":"$p"},
                            "org.matrix.msc3381.poll.response":{"answers":["Xk3vQ9aLmP2sT7wB"]}}}""");
        JsonNode stable = json("""
                {"type":"m.poll.response","event_id":"$r2","sender":"@b:hs","origin_server_ts":3,
                 "content":{"m.relates_to":{"rel_type":"m.reference","event_id":"$p"},
                            "m.poll.response":{"answers":["telefon","brief"]}}}""");
        JsonNode extensible = json("""
                {"type":"m.poll.response","event_id":"$r3","sender":"@c:hs","origin_server_ts":4,
                 "content":{"m.selections":["mo"],"m.relates_to":{"rel_type":"m.reference","event_id":"$p"}}}""");

        for (JsonNode response : new JsonNode[] {unstable, stable, extensible}) {
            TimelineEntry entry = interpret(response);
            assertThat(entry.kind()).isEqualTo(TimelineEntry.Kind.POLL_RESPONSE);
            assertThat(entry.relatesTo()).isEqualTo("$p");
        }
        assertThat(EventInterpreter.pollAnswers(unstable.get("content"))).containsExactly("Xk3vQ9aLmP2sT7wB");
        assertThat(EventInterpreter.pollAnswers(stable.get("content"))).containsExactly("telefon", "brief");
        assertThat(EventInterpreter.pollAnswers(extensible.get("content"))).containsExactly("mo");

        JsonNode unstableEnd = json("""
                {"type":"org.matrix.msc3381.poll.end","event_id":"$e1","sender":"@a:hs","origin_server_ts":9,
                 "content":{"m.relates_to":{"rel_type":"m.reference","event_id":"$p"},
                            "org.matrix.msc3381.poll.end":{},"org.matrix.msc1767.text":"The poll has ended."}}""");
        JsonNode extensibleEnd = json("""
                {"type":"m.poll.end","event_id":"$e2","sender":"@a:hs","origin_server_ts":9,
                 "content":{"m.text":[{"body":"The poll has closed. Top answer: Montag"}],"m.poll.results":{"mo":1},
                            "m.relates_to":{"rel_type":"m.reference","event_id":"$p"}}}""");
        assertThat(interpret(unstableEnd).kind()).isEqualTo(TimelineEntry.Kind.POLL_END);
        assertThat(interpret(extensibleEnd).kind()).isEqualTo(TimelineEntry.Kind.POLL_END);
        assertThat(interpret(extensibleEnd).relatesTo()).isEqualTo("$p");
    }

    @Test
    void unreadableResponsesAreSpoiledVotes() throws IOException {
        // js-sdk PollResponseEvent.validateAgainst: a missing array or any non-string entry spoils the vote.
        assertThat(EventInterpreter.pollAnswers(json("{\"m.selections\":[\"mo\",7]}"))).isEmpty();
        assertThat(EventInterpreter.pollAnswers(json("{\"org.matrix.msc3381.poll.response\":{}}"))).isEmpty();
        assertThat(EventInterpreter.pollAnswers(json("{\"m.poll.response\":{\"answers\":\"mo\"}}"))).isEmpty();
        assertThat(EventInterpreter.pollAnswers(json("{\"m.selections\":{\"0\":\"mo\"}}"))).isEmpty();
        assertThat(EventInterpreter.pollAnswers(json("{\"m.selections\":[]}"))).isEmpty();
        assertThat(EventInterpreter.pollAnswers(json("[\"mo\"]"))).isEmpty();
    }

    @Test
    void whatWeSendIsWhatMatrixJsSdkSerialises() throws IOException {
        JsonNode content = MessageContents.pollStart("Termin passt?", java.util.List.of("Ja", "Nein"));
        JsonNode expected = json("""
                {"org.matrix.msc3381.poll.start":{
                   "question":{"org.matrix.msc1767.text":"Termin passt?"},
                   "kind":"org.matrix.msc3381.poll.disclosed","max_selections":1,
                   "answers":[{"id":"answer-1","org.matrix.msc1767.text":"Ja"},
                              {"id":"answer-2","org.matrix.msc1767.text":"Nein"}]},
                 "org.matrix.msc1767.text":"Termin passt?\\n1. Ja\\n2. Nein"}""");
        assertThat(content).isEqualTo(expected);

        JsonNode end = MessageContents.pollEnd(PollNamespace.EXTENSIBLE, "$p", "Beendet");
        assertThat(end).isEqualTo(json("""
                {"m.relates_to":{"rel_type":"m.reference","event_id":"$p"},"m.text":[{"body":"Beendet"}]}"""));
        JsonNode unstableEnd = MessageContents.pollEnd(PollNamespace.UNSTABLE, "$p", "Beendet");
        assertThat(unstableEnd.get("org.matrix.msc3381.poll.end").isObject()).isTrue();
        assertThat(unstableEnd.get("org.matrix.msc1767.text").asText()).isEqualTo("Beendet");
    }
}
