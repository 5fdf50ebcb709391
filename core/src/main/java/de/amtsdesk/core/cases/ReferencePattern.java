package de.amtsdesk.core.cases;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How reference numbers look, e.g. {@code {unit}-{yyyy}-{seq:5}} → {@code BA-2026-00042}. Tokens: {@code {unit}},
 * {@code {yyyy}}, {@code {yy}}, {@code {seq}} and {@code {seq:N}} (zero-padded to N digits). The sequence counts
 * per rendered prefix (everything but the sequence), so it restarts each year when the pattern has a year.
 */
public record ReferencePattern(String pattern) {

    private static final Pattern TOKEN = Pattern.compile("\\{([a-z]+)(?::(\\d))?}");

    /** @throws IllegalArgumentException for an unknown token or a pattern without exactly one sequence */
    public ReferencePattern {
        if (pattern == null || pattern.isBlank() || pattern.length() > 60) {
            throw new IllegalArgumentException("a reference pattern needs 1 to 60 characters");
        }
        int sequences = 0;
        Matcher matcher = TOKEN.matcher(pattern);
        while (matcher.find()) {
            switch (matcher.group(1)) {
                case "seq" -> sequences++;
                case "unit", "yyyy", "yy" -> {
                    if (matcher.group(2) != null) {
                        throw new IllegalArgumentException("only {seq} takes a width: " + matcher.group());
                    }
                }
                default -> throw new IllegalArgumentException("unknown token " + matcher.group() + " in " + pattern);
            }
        }
        if (sequences != 1) {
            throw new IllegalArgumentException("a reference pattern needs exactly one {seq}: " + pattern);
        }
        if (matcher.replaceAll("").matches(".*[{}].*")) {
            throw new IllegalArgumentException("stray brace in reference pattern " + pattern);
        }
    }

    public static ReferencePattern standard() {
        return new ReferencePattern("{unit}-{yyyy}-{seq:5}");
    }

    public String format(String unit, int year, long sequence) {
        return render(unit, year, sequence);
    }

    /** Cases whose references share this key share one sequence. */
    public String counterKey(String unit, int year) {
        return render(unit, year, -1);
    }

    private String render(String unit, int year, long sequence) {
        Matcher matcher = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "unit" -> unit;
                case "yyyy" -> String.format("%04d", year);
                case "yy" -> String.format("%02d", year % 100);
                default -> sequence < 0 ? "{seq}" : matcher.group(2) == null ? Long.toString(sequence)
                        : String.format("%0" + matcher.group(2) + "d", sequence);
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
