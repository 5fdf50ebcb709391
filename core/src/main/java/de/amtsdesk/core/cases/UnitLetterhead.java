package de.amtsdesk.core.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The unit's letterhead as its notices print it (name of the authority and unit, postal address), set by a lead in
 * the unit's policy event ({@code "letterhead": {"name": …, "lines": […]}}) so every workstation prints the same one.
 * Empty until a lead sets it; the app then prints a generic name and says so in the editor.
 */
public record UnitLetterhead(String name, List<String> lines) {

    public static final UnitLetterhead EMPTY = new UnitLetterhead("", List.of());
    static final int MAX_NAME = 200;
    static final int MAX_LINE = 200;
    static final int MAX_LINES = 6;

    public UnitLetterhead {
        name = Objects.requireNonNull(name, "name").strip();
        lines = List.copyOf(lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("letterhead name: at most " + MAX_NAME + " characters, one line");
        }
        if (lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("letterhead: at most " + MAX_LINES + " address lines");
        }
        for (String line : lines) {
            if (line.length() > MAX_LINE || line.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("letterhead line: at most " + MAX_LINE + " characters, one line");
            }
        }
        if (name.isEmpty() && !lines.isEmpty()) {
            throw new IllegalArgumentException("letterhead: address lines need the unit's name");
        }
    }

    public boolean isEmpty() {
        return name.isEmpty();
    }

    /** The wire form inside a policy event and the snapshot. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("name", name);
        lines.forEach(node.putArray("lines")::add);
        if (lines.isEmpty()) {
            node.putArray("lines");
        }
        return node;
    }

    /** @throws IllegalArgumentException for anything but {@code {"name": text, "lines": [text…]}} within bounds */
    public static UnitLetterhead fromJson(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("name").isTextual() || !node.path("lines").isArray()
                || node.size() != 2) {
            throw new IllegalArgumentException("letterhead must be {\"name\": text, \"lines\": [text, …]}");
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode line : node.get("lines")) {
            if (!line.isTextual()) {
                throw new IllegalArgumentException("letterhead lines must be text");
            }
            lines.add(line.asText());
            if (lines.size() > MAX_LINES) {
                throw new IllegalArgumentException("letterhead: at most " + MAX_LINES + " address lines");
            }
        }
        return new UnitLetterhead(node.get("name").asText(), lines);
    }
}
