package de.amtsdesk.core.cases.log;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a (decrypted) Matrix event of the staff room into a fold input. Events the fold does not care about
 * (messages, room name, ...) and events without the fields every server-delivered event has give empty.
 */
public final class StaffRoomEvents {

    private StaffRoomEvents() {
    }

    public static Optional<FoldInput> fromMatrixEvent(JsonNode event) {
        String type = event.path("type").asText("");
        String eventId = event.path("event_id").asText("");
        String sender = event.path("sender").asText("");
        JsonNode ts = event.path("origin_server_ts");
        if (eventId.isEmpty() || sender.isEmpty() || !ts.isIntegralNumber()) {
            return Optional.empty();
        }
        Instant at = Instant.ofEpochMilli(ts.asLong());
        JsonNode content = event.path("content");
        if (type.equals("m.room.member") && event.path("state_key").isTextual()) {
            String displayName = content.path("displayname").isTextual() ? content.path("displayname").asText() : null;
            boolean joined = "join".equals(content.path("membership").asText());
            return Optional.of(new StaffMembership(eventId, event.path("state_key").asText(), joined, displayName, at));
        }
        if (type.equals("m.room.power_levels")) {
            return Optional.of(new StaffPowerLevels(eventId, sender, PowerLevels.fromContent(content), at));
        }
        if (StaffEventTypes.inNamespace(type)) {
            return Optional.of(new StaffEvent(eventId, type, sender, at, content));
        }
        return Optional.empty();
    }
}
