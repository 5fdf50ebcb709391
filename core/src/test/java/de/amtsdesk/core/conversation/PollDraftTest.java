package de.amtsdesk.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsdesk.core.conversation.PollDraft.Problem;
import de.amtsdesk.core.conversation.PollDraft.Problem.Code;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The composed poll: its rules, its wire form, and that what we write reads back and tallies as composed. */
class PollDraftTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> options(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "Option " + i).toList();
    }

    @Test
    void aValidDraftIsStrippedAndKeepsItsSettings() {
        PollDraft draft = new PollDraft("  Welche Unterlagen fehlen?  ", List.of(" Pass", "Meldebescheinigung ",
                "Foto"), 2, Poll.Kind.UNDISCLOSED);
        assertThat(draft.question()).isEqualTo("Welche Unterlagen fehlen?");
        assertThat(draft.options()).containsExactly("Pass", "Meldebescheinigung", "Foto");
        assertThat(draft.maxSelections()).isEqualTo(2);
        assertThat(draft.multipleChoice()).isTrue();
        assertThat(PollDraft.singleChoice("Termin?", List.of("Mo", "Di")))
                .isEqualTo(new PollDraft("Termin?", List.of("Mo", "Di"), 1, Poll.Kind.DISCLOSED));
    }

    @Test
    void theLimitsAreTwoToTwentyOptionsAnd340Characters() {
        String longest = "x".repeat(PollDraft.MAX_CHARS);
        assertThat(new PollDraft(longest, options(20), 20, Poll.Kind.DISCLOSED).options()).hasSize(20);
        assertThat(new PollDraft("Q", List.of(longest, "b"), 1, Poll.Kind.DISCLOSED).options()).hasSize(2);

        assertThat(PollDraft.problems("Q", options(21), 1)).extracting(Problem::code)
                .containsExactly(Code.TOO_MANY_OPTIONS);
        assertThat(PollDraft.problems("Q", options(1), 1)).extracting(Problem::code)
                .containsExactly(Code.TOO_FEW_OPTIONS);
        assertThat(PollDraft.problems(longest + "y", List.of("a", longest + "y"), 1))
                .containsExactly(new Problem(Code.QUESTION_TOO_LONG, 0, 0), new Problem(Code.OPTION_TOO_LONG, 2, 0));
    }

    @Test
    void everyProblemIsNamedInFormOrder() {
        List<String> options = new ArrayList<>(List.of("Montag", " ", "montag "));
        assertThat(PollDraft.problems(" ", options, 4)).containsExactly(
                new Problem(Code.QUESTION_MISSING, 0, 0),
                new Problem(Code.OPTION_MISSING, 2, 0),
                new Problem(Code.OPTION_REPEATED, 3, 1),
                new Problem(Code.MAX_SELECTIONS_OUT_OF_RANGE, 0, 0));
        assertThat(PollDraft.problems(null, null, 0)).extracting(Problem::code)
                .containsExactly(Code.QUESTION_MISSING, Code.TOO_FEW_OPTIONS, Code.MAX_SELECTIONS_OUT_OF_RANGE);
        assertThat(PollDraft.problems("Q", List.of("a", "b"), 1)).isEmpty();
        assertThat(PollDraft.problems("Q", java.util.Arrays.asList("a", null), 1)).extracting(Problem::code)
                .containsExactly(Code.OPTION_MISSING);
    }

    @Test
    void theConstructorRefusesWithEveryProblemInItsMessage() {
        assertThatThrownBy(() -> new PollDraft("", List.of("Ja", ""), 3, Poll.Kind.DISCLOSED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the question is missing")
                .hasMessageContaining("option 2 is empty")
                .hasMessageContaining("max selections must be 1 to the number of options");
        assertThatThrownBy(() -> new PollDraft("Q", List.of("a", "b"), 1, null)).isInstanceOf(
                NullPointerException.class);
    }

    @Test
    void aMultipleChoiceUndisclosedPollIsWrittenAsMatrixJsSdkWritesIt() throws IOException {
        PollDraft draft = new PollDraft("Welche Unterlagen fehlen?", List.of("Pass", "Meldebescheinigung", "Foto"), 2,
                Poll.Kind.UNDISCLOSED);
        JsonNode content = MessageContents.pollStart(draft);
        // The content of matrix-js-sdk 37.5's PollStartEvent.from(question, answers, M_POLL_KIND_UNDISCLOSED, 2), with
        // our answer ids instead of random ones (checked: js-sdk parses it back to the same question, answers,
        // maxSelections 2 and the undisclosed kind; its serialize() adds only body/msgtype to the question).
        assertThat(content).isEqualTo(JSON.readTree("""
                {"org.matrix.msc3381.poll.start":{
                   "question":{"org.matrix.msc1767.text":"Welche Unterlagen fehlen?"},
                   "kind":"org.matrix.msc3381.poll.undisclosed","max_selections":2,
                   "answers":[{"id":"answer-1","org.matrix.msc1767.text":"Pass"},
                              {"id":"answer-2","org.matrix.msc1767.text":"Meldebescheinigung"},
                              {"id":"answer-3","org.matrix.msc1767.text":"Foto"}]},
                 "org.matrix.msc1767.text":"Welche Unterlagen fehlen?\\n1. Pass\\n2. Meldebescheinigung\\n3. Foto"}"""));
        assertThat(MessageContents.pollStart(PollDraft.singleChoice("Termin passt?", List.of("Ja", "Nein"))))
                .as("a single-choice disclosed draft is exactly the old form")
                .isEqualTo(MessageContents.pollStart("Termin passt?", List.of("Ja", "Nein")));
    }

    @Test
    void whatWeWriteReadsBackWithTheSameSelectionsAndKind() {
        for (Poll.Kind kind : Poll.Kind.values()) {
            for (int max : new int[] {1, 3, 20}) {
                PollDraft draft = new PollDraft("Frage", options(20), max, kind);
                Poll poll = PollEvents.readStart(MessageContents.pollStart(draft)).orElseThrow();
                assertThat(poll.namespace()).isEqualTo(PollNamespace.UNSTABLE);
                assertThat(poll.question()).isEqualTo("Frage");
                assertThat(poll.answers()).extracting(Poll.Answer::text).containsExactlyElementsOf(options(20));
                assertThat(poll.maxSelections()).isEqualTo(max);
                assertThat(poll.kind()).isEqualTo(kind);
            }
        }
    }

    @Test
    void theTallyOfAMultipleChoicePollCountsEverySelectedAnswerUpToMaxSelections() {
        PollDraft draft = new PollDraft("Welche Unterlagen fehlen?", List.of("Pass", "Meldebescheinigung", "Foto"), 2,
                Poll.Kind.DISCLOSED);
        Poll poll = PollEvents.readStart(MessageContents.pollStart(draft)).orElseThrow();
        List<PollTally.Vote> votes = List.of(
                new PollTally.Vote("@erika", Instant.ofEpochMilli(1), List.of("answer-1", "answer-3")),
                // three selections where two are allowed: truncated to the first two (MSC3381)
                new PollTally.Vote("@max", Instant.ofEpochMilli(2), List.of("answer-3", "answer-2", "answer-1")));
        PollTally.Result result = PollTally.tally(poll, votes, null);
        assertThat(result.count("answer-1")).isEqualTo(1);
        assertThat(result.count("answer-2")).isEqualTo(1);
        assertThat(result.count("answer-3")).isEqualTo(2);
        assertThat(result.voters()).isEqualTo(2);

        Poll single = PollEvents.readStart(MessageContents.pollStart(
                PollDraft.singleChoice("Termin?", List.of("Mo", "Di")))).orElseThrow();
        PollTally.Result one = PollTally.tally(single, List.of(
                new PollTally.Vote("@erika", Instant.ofEpochMilli(1), List.of("answer-2", "answer-1"))), null);
        assertThat(one.count("answer-2")).isEqualTo(1);
        assertThat(one.count("answer-1")).as("only the first selection of a single-choice poll counts").isZero();
    }

    @Test
    void anImplementationWithoutDraftsSendsOnlyTheOldFormAndRefusesTheRest() {
        List<String> sent = new ArrayList<>();
        Conversations old = (Conversations) java.lang.reflect.Proxy.newProxyInstance(
                Conversations.class.getClassLoader(), new Class<?>[] {Conversations.class}, (proxy, method, args) -> {
                    if (method.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    if (method.getName().equals("sendPoll")) {
                        sent.add(args[1] + " " + args[2]);
                        return "txn";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        assertThat(old.sendPoll("!r", PollDraft.singleChoice("Termin?", List.of("Mo", "Di")))).isEqualTo("txn");
        assertThat(sent).containsExactly("Termin? [Mo, Di]");
        assertThatThrownBy(() -> old.sendPoll("!r", new PollDraft("Termin?", List.of("Mo", "Di"), 2,
                Poll.Kind.DISCLOSED))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> old.sendPoll("!r", new PollDraft("Termin?", List.of("Mo", "Di"), 1,
                Poll.Kind.UNDISCLOSED))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(sent).hasSize(1);
    }
}
