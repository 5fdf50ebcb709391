package de.amtsdesk.core.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads a clear (decrypted or plaintext) room event into a {@link TimelineEntry}. Remote input is untrusted: any
 * shape it does not understand becomes {@link TimelineEntry.Kind#MALFORMED} or {@code OTHER}, never an exception.
 */
public final class EventInterpreter {

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
        Optional<PollNamespace.Role> pollRole = PollNamespace.roleOf(type);
        if (pollRole.isPresent()) {
            return switch (pollRole.get()) {
                case START -> PollEvents.readStart(content)
                        .map(p -> entry(eventId, roomId, sender, ts, TimelineEntry.Kind.POLL_START, p.question(), null,
                                p, relatesTo))
                        .orElseGet(() -> entry(eventId, roomId, sender, ts, TimelineEntry.Kind.MALFORMED, "", null,
                                null, relatesTo));
                case RESPONSE -> entry(eventId, roomId, sender, ts, TimelineEntry.Kind.POLL_RESPONSE, "", null, null,
                        relatesTo);
                case END -> entry(eventId, roomId, sender, ts, TimelineEntry.Kind.POLL_END, "", null, null, relatesTo);
            };
        }
        return entry(eventId, roomId, sender, ts, TimelineEntry.Kind.OTHER, type, null, null, relatesTo);
    }

    /**
     * Answer IDs of a poll response in any of the three forms, as sent; empty for "no vote" (an empty selection, or
     * anything malformed, which counts as a spoiled vote). See {@link PollEvents#readSelections}.
     */
    public static List<String> pollAnswers(JsonNode responseContent) {
        return PollEvents.readSelections(responseContent);
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

    private static String truncate(String text) {
        return PollEvents.truncate(text);
    }

    private static TimelineEntry entry(String id, String roomId, String sender, Instant ts, TimelineEntry.Kind kind,
            String body, Attachment attachment, Poll poll, String relatesTo) {
        return new TimelineEntry(id, roomId, sender, ts, kind, body, attachment, poll, relatesTo, null, null);
    }
}
