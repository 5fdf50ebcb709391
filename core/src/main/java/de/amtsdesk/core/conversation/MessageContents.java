package de.amtsdesk.core.conversation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds the content of the events Amtsdesk sends, in the shapes other Matrix clients (Element) understand. */
public final class MessageContents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageContents() {
    }

    public static ObjectNode text(String body) {
        return JSON.createObjectNode().put("msgtype", "m.text").put("body", body);
    }

    /** {@code encryptedFile} already carries the mxc URL of the uploaded ciphertext. */
    public static ObjectNode encryptedFile(String fileName, String mimetype, long size, ObjectNode encryptedFile) {
        ObjectNode content = JSON.createObjectNode()
                .put("msgtype", mimetype.startsWith("image/") ? "m.image" : "m.file")
                .put("body", fileName)
                .put("filename", fileName);
        content.putObject("info").put("mimetype", mimetype).put("size", size);
        content.set("file", encryptedFile);
        return content;
    }

    /**
     * Polls go out in the unstable namespace, because that is what Element sends and reads everywhere today. The
     * shape is the one matrix-js-sdk's {@code PollStartEvent.serialize()} produces
     * ({@code src/extensible_events_v1/PollStartEvent.ts}: {@code M_POLL_START.name} and {@code M_TEXT.name} are the
     * unstable names), including the fallback text "question\n1. answer\n2. answer". A single-choice poll whose
     * results are visible at once; prefer {@link #pollStart(PollDraft)}, which checks the input.
     */
    public static ObjectNode pollStart(String question, List<String> answers) {
        return pollStart(question, answers, 1, Poll.Kind.DISCLOSED);
    }

    /**
     * A poll as the caseworker composed it, in the same wire form, with the draft's {@code max_selections} and
     * {@code kind}. The keys are the ones matrix-js-sdk reads ({@code PollStartSubtype} in {@code src/@types/polls.ts};
     * {@code PollStartEvent} takes {@code max_selections} when it is a finite number above 0 and matches the kind
     * with {@code M_POLL_KIND_DISCLOSED.matches}, i.e. either name) and writes itself ({@code PollStartEvent.from}
     * puts {@code kind.name}: the unstable {@code org.matrix.msc3381.poll.disclosed} /
     * {@code org.matrix.msc3381.poll.undisclosed}). ruma reads the same ({@code unstable_start.rs}).
     */
    public static ObjectNode pollStart(PollDraft draft) {
        return pollStart(draft.question(), draft.options(), draft.maxSelections(), draft.kind());
    }

    private static ObjectNode pollStart(String question, List<String> answers, int maxSelections, Poll.Kind kind) {
        PollNamespace ns = PollNamespace.UNSTABLE;
        ObjectNode content = JSON.createObjectNode();
        ObjectNode poll = content.putObject(ns.startBlock());
        poll.putObject("question").put(ns.text(), question);
        poll.put("kind", ns.kind(kind)).put("max_selections", maxSelections);
        ArrayNode list = poll.putArray("answers");
        StringBuilder fallback = new StringBuilder(question);
        for (int i = 0; i < answers.size(); i++) {
            list.addObject().put("id", "answer-" + (i + 1)).put(ns.text(), answers.get(i));
            fallback.append('\n').append(i + 1).append(". ").append(answers.get(i));
        }
        content.put(ns.text(), fallback.toString());
        return content;
    }

    /**
     * Ends a poll in the form it was started in. UNSTABLE/STABLE: fallback text as a string plus an empty end block
     * (js-sdk {@code PollEndEventContent} in {@code src/@types/polls.ts}); EXTENSIBLE: {@code m.text} as an array of
     * representations and no end block (ruma {@code crates/ruma-events/src/poll/end.rs}).
     */
    public static ObjectNode pollEnd(PollNamespace ns, String pollStartEventId, String text) {
        ObjectNode content = JSON.createObjectNode();
        content.putObject("m.relates_to").put("rel_type", "m.reference").put("event_id", pollStartEventId);
        if (ns == PollNamespace.EXTENSIBLE) {
            content.putArray(ns.text()).addObject().put("body", text);
        } else {
            content.put(ns.text(), text);
            content.putObject(ns.end());
        }
        return content;
    }
}
