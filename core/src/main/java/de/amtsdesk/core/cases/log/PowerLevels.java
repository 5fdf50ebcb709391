package de.amtsdesk.core.cases.log;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The content of the staff room's {@code m.room.power_levels}, reduced to what the fold needs. The homeserver
 * enforces these levels for state events and membership; for the encrypted case events, whose real type the
 * server cannot see, the fold applies them (ADR 0005).
 */
public record PowerLevels(Map<String, Integer> users, int usersDefault, Map<String, Integer> events) {

    public PowerLevels {
        users = Map.copyOf(users);
        events = Map.copyOf(events);
    }

    /** Before the room's power levels are known nobody has any rights beyond membership. */
    public static PowerLevels none() {
        return new PowerLevels(Map.of(), 0, Map.of());
    }

    /** Parses the event content; numbers given as strings (allowed in old room versions) are accepted. */
    public static PowerLevels fromContent(JsonNode content) {
        return new PowerLevels(levels(content.path("users")), level(content.path("users_default"), 0),
                levels(content.path("events")));
    }

    public int levelOf(String userId) {
        return users.getOrDefault(userId, usersDefault);
    }

    /** The level the room itself demands for an event type, if it names one. */
    public OptionalInt requiredFor(String eventType) {
        Integer level = events.get(eventType);
        return level == null ? OptionalInt.empty() : OptionalInt.of(level);
    }

    private static Map<String, Integer> levels(JsonNode node) {
        Map<String, Integer> levels = new HashMap<>();
        node.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            if (value.isIntegralNumber() || value.isTextual() && value.asText().matches("-?\\d{1,9}")) {
                levels.put(entry.getKey(), value.asInt());
            }
        });
        return levels;
    }

    private static int level(JsonNode node, int fallback) {
        if (node.isIntegralNumber() || node.isTextual() && node.asText().matches("-?\\d{1,9}")) {
            return node.asInt();
        }
        return fallback;
    }
}
