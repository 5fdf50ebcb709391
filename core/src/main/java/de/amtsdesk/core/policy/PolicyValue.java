package de.amtsdesk.core.policy;

/** One effective setting and where it came from (the registry key or the file's path). */
public record PolicyValue(PolicyKey key, Object value, String source) {

    /** The value as an admin would type it: lists joined with ", ". */
    public String display() {
        return value instanceof java.util.List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
    }
}
