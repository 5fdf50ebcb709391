package de.amtsdesk.core.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the content of poll start and response events in all three forms of {@link PollNamespace}. Remote input is
 * untrusted: anything that is not a poll by the rules below is empty, never an exception, and work is bounded by
 * the 20-answer cap whatever the size of the event.
 */
final class PollEvents {

    /**
     * MSC3381 (proposals/3381-polls.md): "The array is truncated to 20 maximum options." ruma truncates before it
     * validates ({@code crates/ruma-events/src/poll/start/poll_answers_serde.rs},
     * {@code unstable_start/unstable_poll_answers_serde.rs}); matrix-js-sdk slices the first 20 before it parses
     * them ({@code src/extensible_events_v1/PollStartEvent.ts}). We do the same, so 10,000 options cost 20.
     */
    static final int MAX_ANSWERS = 20;
    static final int MAX_TEXT_CHARS = 64 * 1024;

    /** matrix-js-sdk's {@code findIn} looks at the unstable name first, then the stable one; then the revised form. */
    private static final List<PollNamespace> LOOKUP_ORDER =
            List.of(PollNamespace.UNSTABLE, PollNamespace.STABLE, PollNamespace.EXTENSIBLE);

    /**
     * Every spelling of "disclosed": the unstable and js-sdk stable names ({@code M_POLL_KIND_DISCLOSED} in
     * matrix-js-sdk {@code src/@types/polls.ts}, matched in either name) and ruma's {@code m.disclosed}
     * ({@code PollKind} in {@code start.rs}). Anything else, or nothing, is undisclosed: MSC3381 says clients
     * that don't understand the kind assume {@code m.undisclosed}, and both libraries default to it.
     */
    private static final Set<String> DISCLOSED = Set.of(PollNamespace.UNSTABLE.disclosedKind(),
            PollNamespace.STABLE.disclosedKind(), PollNamespace.EXTENSIBLE.disclosedKind());

    /**
     * Text keys in the order matrix-js-sdk's {@code MessageEvent} tries them ({@code m.message} renderings first,
     * then {@code m.text}, each unstable name before stable); ruma's revised {@code m.text} array (TextContentBlock
     * in {@code crates/ruma-events/src/message.rs}) is found under the same {@code m.text} key.
     */
    private static final List<String> TEXT_KEYS =
            List.of("org.matrix.msc1767.message", "m.message", "org.matrix.msc1767.text", "m.text");

    /** The revised MSC3381 response block (ruma {@code crates/ruma-events/src/poll/response.rs}). */
    static final String SELECTIONS = "m.selections";

    private PollEvents() {
    }

    /** The poll in a start event's content, in whichever form it came; empty when it is not a usable poll. */
    static Optional<Poll> readStart(JsonNode content) {
        for (PollNamespace ns : LOOKUP_ORDER) {
            JsonNode block = content.get(ns.startBlock());
            if (block != null && block.isObject()) {
                return readBlock(ns, block);
            }
        }
        return Optional.empty();
    }

    private static Optional<Poll> readBlock(PollNamespace ns, JsonNode block) {
        // Question and answers are required in every form (js-sdk throws InvalidEventError, ruma fails to
        // deserialize); a start without them is shown as malformed rather than as a poll nobody can answer.
        String question = plainText(block.get("question"));
        JsonNode answersNode = block.get("answers");
        if (question == null || answersNode == null || !answersNode.isArray()) {
            return Optional.empty();
        }
        List<Poll.Answer> answers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < Math.min(answersNode.size(), MAX_ANSWERS); i++) {
            JsonNode answer = answersNode.get(i);
            String id = answerId(ns, answer);
            String text = plainText(answer);
            // One broken answer makes the whole event invalid in both libraries (js-sdk's PollAnswerSubevent
            // throws "Answer ID must be a non-empty string"; ruma's Vec<PollAnswer> fails as a whole).
            if (id == null || text == null) {
                return Optional.empty();
            }
            // MSC3381 says ids "must be unique" but neither library enforces it. We keep the first answer with an
            // id, so a selection names exactly one answer and the tally cannot count one vote twice.
            if (ids.add(id)) {
                answers.add(new Poll.Answer(id, truncate(text)));
            }
        }
        if (answers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Poll(ns, truncate(question), answers,
                maxSelections(block.get("max_selections"), answers.size()), kind(block.get("kind"))));
    }

    /**
     * js-sdk's rule ({@code PollStartEvent.ts}): a finite number above 0, else 1 (MSC3381: "defaults to 1").
     * js-sdk later slices with it, which drops any fraction, so we floor. Strings, 0, negatives, NaN are 1. Capped
     * at the number of answers, because more selections than answers mean "all of them".
     */
    private static int maxSelections(JsonNode node, int answerCount) {
        if (node == null || !node.isNumber()) {
            return 1;
        }
        double value = node.asDouble();
        if (!Double.isFinite(value) || value < 1) {
            return 1;
        }
        return (int) Math.min(Math.floor(value), answerCount);
    }

    private static Poll.Kind kind(JsonNode node) {
        return node != null && node.isTextual() && DISCLOSED.contains(node.textValue())
                ? Poll.Kind.DISCLOSED : Poll.Kind.UNDISCLOSED;
    }

    /**
     * The form's own id key first ({@code id} in UNSTABLE/STABLE per js-sdk {@code PollAnswer} and ruma
     * {@code UnstablePollAnswer}; {@code m.id} in EXTENSIBLE per ruma {@code PollAnswer}), then the other one, for
     * senders that mix the drafts. A non-empty string, as js-sdk demands.
     */
    private static String answerId(PollNamespace ns, JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            return null;
        }
        JsonNode id = answer.get(ns.answerIdKey());
        if (id == null) {
            id = answer.get(ns == PollNamespace.EXTENSIBLE ? "id" : "m.id");
        }
        return id != null && id.isTextual() && !id.textValue().isEmpty() ? id.textValue() : null;
    }

    /**
     * The plain text of a question or answer in any of the shapes: a string under a text key (MSC3381 unstable
     * prefix, js-sdk {@code TextEventContent}), or an array of representations where the first one without a
     * mimetype or with {@code text/plain} wins (js-sdk {@code MessageEvent} for {@code m.message}; ruma
     * {@code TextContentBlock::find_plain}, whose mimetype defaults to text/plain, for the revised {@code m.text}).
     */
    static String plainText(JsonNode holder) {
        if (holder == null || !holder.isObject()) {
            return null;
        }
        for (String key : TEXT_KEYS) {
            JsonNode value = holder.get(key);
            if (value == null) {
                continue;
            }
            if (value.isTextual()) {
                return value.textValue();
            }
            String plain = firstPlain(value);
            if (plain != null) {
                return plain;
            }
        }
        return null;
    }

    private static String firstPlain(JsonNode representations) {
        if (!representations.isArray()) {
            return null;
        }
        for (JsonNode representation : representations) {
            JsonNode mimetype = representation.get("mimetype");
            JsonNode body = representation.get("body");
            boolean plain = mimetype == null || "text/plain".equals(mimetype.textValue());
            if (plain && body != null && body.isTextual()) {
                return body.textValue();
            }
        }
        return null;
    }

    /**
     * The answer ids a response selects, in order, as sent. Empty means "no vote": an empty selection (MSC3381's
     * way to unvote) and anything unreadable, which MSC3381 and js-sdk treat as a spoiled vote ("as if they didn't
     * make a selection"; js-sdk {@code PollResponseEvent.validateAgainst} spoils a missing array or any
     * non-string entry). Checking ids against the poll and truncating is {@link PollTally}'s job.
     *
     * <p>Where: {@code org.matrix.msc3381.poll.response.answers} then {@code m.poll.response.answers} (js-sdk
     * {@code PollResponseSubtype}, unstable name first as {@code findIn} does; ruma {@code unstable_response.rs}),
     * else {@code m.selections} (ruma {@code response.rs}).
     */
    static List<String> readSelections(JsonNode content) {
        if (content == null || !content.isObject()) {
            return List.of();
        }
        JsonNode selections = null;
        for (PollNamespace ns : List.of(PollNamespace.UNSTABLE, PollNamespace.STABLE)) {
            JsonNode block = content.get(ns.response());
            if (block != null && block.isObject()) {
                selections = block.get("answers");
                break;
            }
        }
        if (selections == null) {
            selections = content.get(SELECTIONS);
        }
        if (selections == null || !selections.isArray()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(Math.min(selections.size(), MAX_ANSWERS));
        for (JsonNode selection : selections) {
            if (!selection.isTextual()) {
                return List.of();
            }
            ids.add(selection.textValue());
        }
        return ids;
    }

    static String truncate(String text) {
        return text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS) + " …";
    }
}
