package de.amtsdesk.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.io.IOException;

/** JSON helpers for the tests: wrapping encrypted contents into events as a homeserver would. */
final class TestEvents {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String ROOM = "!akte-4711:amt.example";
    static final String ALICE = "@sachbearbeitung:amt.example";
    static final String BOB = "@buerger:matrix.example";

    private TestEvents() {
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The encrypted content as a full room event, as it comes down /sync or /messages. */
    static String roomEvent(String encryptedContentJson, String sender, String eventId, String roomId) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "m.room.encrypted");
        event.set("content", parse(encryptedContentJson));
        event.put("sender", sender);
        event.put("event_id", eventId);
        event.put("origin_server_ts", 1_750_000_000_000L);
        event.put("room_id", roomId);
        return write(event);
    }

    static String textContent(String body) {
        ObjectNode content = JSON.createObjectNode();
        content.put("msgtype", "m.text");
        content.put("body", body);
        return write(content);
    }

    static String bodyOf(DecryptedEvent event) {
        return parse(event.clearEventJson()).path("content").path("body").asText(null);
    }
}
