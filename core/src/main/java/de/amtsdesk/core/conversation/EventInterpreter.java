package de.amtsdesk.core.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a clear (decrypted or plaintext) room event into a {@link TimelineEntry}. Remote input is untrusted: any
 * shape it does not understand becomes {@link TimelineEntry.Kind#MALFORMED} or {@code OTHER}, never an exception.
 */
public final class EventInterpreter {

    private static final int MAX_BODY_CHARS = 64 * 1024;

    private EventInterpreter() {
    }

    public static TimelineEntry interpret(String roomId, JsonNode event) {
        String eventId = event.path("event_id").asText("");
        String sender = event.path("sender").asText("");
        Instant ts = Instant.ofEpochMilli(Math.max(0, event.path("origin_server_ts").asLong(0)));
        String type = event.path("type").asText("");
        JsonNode content = event.path("content");
        if (type.isEmpty() || !content.isObject()) {
            return entry(eventId, roomId, sender, ts, TimelineEntry.Kind.MALFORMED, "", null, null, null);
        }
        String relatesTo = content.path("m.relates_to").path("event_id").asText(null);
        if (type.equals("m.room.message")) {
            return message(eventId, roomId, sender, ts, content, relatesTo);
        }
        Optional<PollNamespace> pollNs = PollNamespace.ofEventType(type);
        if (pollNs.isPresent()) {
            PollNamespace ns = pollNs.get();
            if (type.equals(ns.start())) {
                Optional<Poll> poll = readPoll(ns, content);
                return poll.map(p -> entry(eventId, roomId, sender, ts, TimelineEntry.Kind.POLL_START, p.question(),
                        null, p, relatesTo))
                        .orElseGet(() -> entry(eventId, roomId, sender, ts, TimelineEntry.Kind.MALFORMED, "", null,
                                null, relatesTo));
            }
            TimelineEntry.Kind kind = type.equals(ns.response()) ? TimelineEntry.Kind.POLL_RESPONSE
                    : TimelineEntry.Kind.POLL_END;
            return entry(eventId, roomId, sender, ts, kind, "", null, null, relatesTo);
        }
        return entry(eventId, roomId, sender, ts, TimelineEntry.Kind.OTHER, type, null, null, relatesTo);
    }

    /** Answer IDs of a poll response, in either namespace; empty for anything malformed. */
    public static List<String> pollAnswers(JsonNode responseContent) {
        List<String> answers = new ArrayList<>();
        for (PollNamespace ns : PollNamespace.values()) {
            JsonNode node = responseContent.path(ns.response()).path("answers");
            if (node.isArray()) {
                node.forEach(a -> {
                    if (a.isTextual()) {
                        answers.add(a.asText());
                    }
                });
                return answers;
            }
        }
        return answers;
    }

    private static TimelineEntry message(String eventId, String roomId, String sender, Instant ts, JsonNode content,
            String relatesTo) {
        String msgtype = content.path("msgtype").asText("");
        String body = truncate(content.path("body").asText(""));
        switch (msgtype) {
            case "m.text", "m.emote" -> {
                return entry(eventId, roomId, sender, ts, TimelineEntry.Kind.TEXT, body, null, null, relatesTo);
            }
            case "m.notice" -> {
                return entry(eventId, roomId, sender, ts, TimelineEntry.Kind.NOTICE, body, null, null, relatesTo);
            }
            case "m.file", "m.image", "m.audio", "m.video" -> {
                JsonNode file = content.path("file");
                String url = content.path("url").asText(null);
                if (!file.isObject() && url == null) {
                    return entry(eventId, roomId, sender, ts, TimelineEntry.Kind.MALFORMED, body, null, null, relatesTo);
                }
                JsonNode info = content.path("info");
                String name = content.path("filename").asText(body);
                Attachment attachment = new Attachment(name.isBlank() ? "datei" : name,
                        info.path("mimetype").asText("application/octet-stream"), info.path("size").asLong(-1),
                        file.isObject() ? file.toString() : null, file.isObject() ? null : url);
                TimelineEntry.Kind kind = msgtype.equals("m.image") ? TimelineEntry.Kind.IMAGE : TimelineEntry.Kind.FILE;
                return entry(eventId, roomId, sender, ts, kind, body, attachment, null, relatesTo);
            }
            default -> {
                return content.has("body")
                        ? entry(eventId, roomId, sender, ts, TimelineEntry.Kind.TEXT, body, null, null, relatesTo)
                        : entry(eventId, roomId, sender, ts, TimelineEntry.Kind.MALFORMED, "", null, null, relatesTo);
            }
        }
    }

    private static Optional<Poll> readPoll(PollNamespace ns, JsonNode content) {
        JsonNode poll = content.path(ns.start());
        String question = textOf(poll.path("question"));
        JsonNode answersNode = poll.path("answers");
        if (question == null || !answersNode.isArray() || answersNode.isEmpty()) {
            return Optional.empty();
        }
        List<Poll.Answer> answers = new ArrayList<>();
        for (JsonNode answer : answersNode) {
            String id = answer.has("id") ? answer.path("id").asText(null) : answer.path("m.id").asText(null);
            String text = textOf(answer);
            if (id == null || text == null) {
                return Optional.empty();
            }
            answers.add(new Poll.Answer(id, truncate(text)));
        }
        int max = Math.max(1, poll.path("max_selections").asInt(1));
        return Optional.of(new Poll(ns, truncate(question), List.copyOf(answers), max));
    }

    /** Text in any of the shapes clients use: a plain string under either text key, or an m.text array. */
    private static String textOf(JsonNode node) {
        for (PollNamespace ns : PollNamespace.values()) {
            JsonNode text = node.path(ns.text());
            if (text.isTextual()) {
                return text.asText();
            }
            if (text.isArray() && !text.isEmpty() && text.get(0).path("body").isTextual()) {
                return text.get(0).path("body").asText();
            }
        }
        return node.path("body").isTextual() ? node.path("body").asText() : null;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_BODY_CHARS ? text : text.substring(0, MAX_BODY_CHARS) + " …";
    }

    private static TimelineEntry entry(String id, String roomId, String sender, Instant ts, TimelineEntry.Kind kind,
            String body, Attachment attachment, Poll poll, String relatesTo) {
        return new TimelineEntry(id, roomId, sender, ts, kind, body, attachment, poll, relatesTo, null, null);
    }
}
