package de.amtsdesk.core.cases;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsdesk.core.cases.audit.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Strict reading of one event's content: known fields only, each of the right type and size. */
final class ContentReader {

    static final Pattern USER_ID = Pattern.compile("@[^:\\s]+:\\S+");
    // Room version 12 (MSC4291) room IDs have no server part: "!" and the create event's reference hash.
    static final Pattern ROOM_ID = Pattern.compile("![^:\\s]+(?::\\S+)?");
    static final Pattern EVENT_ID = Pattern.compile("\\$\\S{1,254}");
    static final Pattern SERVICE_KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

    private final JsonNode content;

    private ContentReader(JsonNode content) {
        this.content = content;
    }

    /** Checks the version and that no field outside {@code allowed} (plus {@code v}) is present. */
    static ContentReader of(JsonNode content, Set<String> allowed) throws InvalidStaffEvent {
        if (content == null || !content.isObject()) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, "content is not a JSON object");
        }
        JsonNode v = content.get("v");
        if (v == null) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, "missing field v");
        }
        // canConvertToInt: asInt() keeps the low 32 bits, so v=4294967297 would pass as 1 (found by the fuzz contract).
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() != 1) {
            throw new InvalidStaffEvent(Rejection.UNSUPPORTED_VERSION, "v=" + v + " (this client reads v=1)");
        }
        List<String> unknown = new ArrayList<>();
        content.fieldNames().forEachRemaining(name -> {
            if (!name.equals("v") && !allowed.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, "unknown field(s) " + unknown);
        }
        return new ContentReader(content);
    }

    boolean has(String field) {
        return content.has(field);
    }

    JsonNode node(String field) {
        return content.get(field);
    }

    String text(String field, int maxLength) throws InvalidStaffEvent {
        String value = optionalText(field, maxLength);
        if (value == null) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, "missing field " + field);
        }
        return value;
    }

    String optionalText(String field, int maxLength) throws InvalidStaffEvent {
        JsonNode node = content.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank() || node.asText().length() > maxLength) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, field + " must be text of 1 to " + maxLength + " characters");
        }
        return node.asText();
    }

    String matching(String field, Pattern pattern, String what) throws InvalidStaffEvent {
        String value = text(field, 255);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, field + " is not " + what + ": " + value);
        }
        return value;
    }

    Boolean optionalBoolean(String field) throws InvalidStaffEvent {
        JsonNode node = content.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, field + " must be true or false");
        }
        return node.asBoolean();
    }

    int positiveInt(String field) throws InvalidStaffEvent {
        JsonNode node = content.get(field);
        if (node == null) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, "missing field " + field);
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 1) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, field + " must be a whole number of 1 or more");
        }
        return node.asInt();
    }

    /** A whole number in {@code [min, max]}, or null when absent. */
    Integer optionalIntBetween(String field, int min, int max) throws InvalidStaffEvent {
        JsonNode node = content.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, field + " must be a whole number from " + min + " to "
                    + max);
        }
        return node.asInt();
    }

    List<String> textArray(String field, int maxItems, Pattern pattern, String what) throws InvalidStaffEvent {
        JsonNode node = content.get(field);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray() || node.size() > maxItems) {
            throw new InvalidStaffEvent(Rejection.MALFORMED, field + " must be an array of at most " + maxItems);
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || !pattern.matcher(item.asText()).matches()) {
                throw new InvalidStaffEvent(Rejection.MALFORMED, field + " holds something that is not " + what
                        + ": " + item);
            }
            if (values.contains(item.asText())) {
                throw new InvalidStaffEvent(Rejection.MALFORMED, field + " names " + item.asText() + " twice");
            }
            values.add(item.asText());
        }
        return values;
    }
}
