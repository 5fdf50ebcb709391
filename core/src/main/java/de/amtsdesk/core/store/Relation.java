package de.amtsdesk.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The {@code m.relates_to} of an event's content, when it names both a target and a {@code rel_type}. */
record Relation(String eventId, String type) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** From clear content JSON ({@code {"m.relates_to": {...}, ...}}); null if there is none or it is unreadable. */
    static Relation fromContent(String contentJson) {
        return mayRelate(contentJson) ? from(parse(contentJson)) : null;
    }

    /** From a raw event ({@code {"content": {"m.relates_to": ...}}}), for encrypted events whose relation is clear. */
    static Relation fromRawEvent(String rawJson) {
        if (!mayRelate(rawJson)) {
            return null;
        }
        JsonNode event = parse(rawJson);
        return event == null ? null : from(event.path("content"));
    }

    /**
     * Most events relate to nothing, and a JSON text without the key cannot: this look saves parsing every event
     * a second time while a sync batch is stored. A key spelled with escapes ({@code m.relates\u005fto}) cannot
     * slip past: the engine stores JSON that Jackson has parsed and written again, which writes keys plainly.
     */
    private static boolean mayRelate(String json) {
        return json != null && json.contains("m.relates_to");
    }

    private static Relation from(JsonNode content) {
        if (content == null) {
            return null;
        }
        JsonNode relatesTo = content.path("m.relates_to");
        String target = relatesTo.path("event_id").asText(null);
        String type = relatesTo.path("rel_type").asText(null);
        return target == null || type == null ? null : new Relation(target, type);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // Not ours to judge: the event is stored anyway, just without a relation.
            return null;
        }
    }
}
