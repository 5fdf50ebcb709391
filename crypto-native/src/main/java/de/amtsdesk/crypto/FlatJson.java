package de.amtsdesk.crypto;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a JSON object whose values are all strings, e.g. {@code {"curve25519":"…","ed25519":"…"}}.
 *
 * <p>This module has no dependencies besides the JDK (the native seam should not drag a JSON
 * library into every consumer), and the small results it decodes itself never need more. Larger
 * JSON from the native side goes to the caller as a string, for {@code core} to read with Jackson.
 */
final class FlatJson {

    private final String text;
    private int position;

    private FlatJson(String text) {
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException if {@code json} is not one object of string values, or a
     *     key repeats
     */
    static Map<String, String> parseStringObject(String json) {
        if (json == null) {
            throw new IllegalArgumentException("null instead of a JSON object");
        }
        return new FlatJson(json).object();
    }

    private Map<String, String> object() {
        Map<String, String> fields = new LinkedHashMap<>();
        skipWhitespace();
        expect('{');
        skipWhitespace();
        if (peek() == '}') {
            position++;
        } else {
            while (true) {
                skipWhitespace();
                String key = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                String value = string();
                if (fields.putIfAbsent(key, value) != null) {
                    throw error("duplicate key \"" + key + "\"");
                }
                skipWhitespace();
                char next = next();
                if (next == '}') {
                    break;
                }
                if (next != ',') {
                    throw error("expected ',' or '}' but found '" + next + "'");
                }
            }
        }
        skipWhitespace();
        if (position != text.length()) {
            throw error("trailing characters after the object");
        }
        return fields;
    }

    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw error("unescaped control character in a string");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case '"', '\\', '/' -> value.append(escaped);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> value.append(unicodeEscape());
                default -> throw error("invalid escape '\\" + escaped + "'");
            }
        }
    }

    private char unicodeEscape() {
        if (position + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position++), 16);
            if (digit < 0) {
                throw error("invalid \\u escape");
            }
            code = code * 16 + digit;
        }
        return (char) code;
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private void expect(char expected) {
        char actual = next();
        if (actual != expected) {
            throw error("expected '" + expected + "' but found '" + actual + "'");
        }
    }

    private char peek() {
        if (position >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(position);
    }

    private char next() {
        char c = peek();
        position++;
        return c;
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at offset " + position);
    }
}
