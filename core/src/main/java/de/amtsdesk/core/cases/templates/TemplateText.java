package de.amtsdesk.core.cases.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A template body split into literal text and placeholders. Syntax: {@code {citizen.name}} or
 * {@code {citizen.name|Damen und Herren}} (text after the bar is used when the value is missing);
 * {@code {{} and {@code }}} stand for literal braces.
 */
public record TemplateText(List<Part> parts) {

    public sealed interface Part permits Literal, Slot {
    }

    public record Literal(String text) implements Part {
    }

    /** {@code fallback} is null when the placeholder has none. */
    public record Slot(String name, String fallback) implements Part {
    }

    private static final Pattern NAME = Pattern.compile("[a-z]+(\\.[a-z]+)*");

    public TemplateText {
        parts = List.copyOf(parts);
    }

    /** @throws IllegalArgumentException naming the position of an unclosed or malformed placeholder */
    public static TemplateText parse(String body) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '{' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < body.length() && body.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '{') {
                int close = body.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("placeholder at position " + i + " is not closed with }");
                }
                String inside = body.substring(i + 1, close);
                int bar = inside.indexOf('|');
                String name = (bar < 0 ? inside : inside.substring(0, bar)).strip();
                if (!NAME.matcher(name).matches() || inside.indexOf('{') >= 0) {
                    throw new IllegalArgumentException("placeholder at position " + i + " has no valid name: {"
                            + inside + "}");
                }
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new Slot(name, bar < 0 ? null : inside.substring(bar + 1)));
                i = close + 1;
            } else if (c == '}') {
                throw new IllegalArgumentException("stray } at position " + i + " (write }} for a literal brace)");
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new TemplateText(parts);
    }

    public List<String> placeholderNames() {
        return parts.stream().filter(Slot.class::isInstance).map(p -> ((Slot) p).name()).distinct().toList();
    }
}
