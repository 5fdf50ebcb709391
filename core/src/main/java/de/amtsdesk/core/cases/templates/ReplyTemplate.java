package de.amtsdesk.core.cases.templates;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One version of a reply template in one language, as published to the unit through the staff log.
 * {@code caseType} is a service key, a key prefix ({@code "identity"}) or {@code "*"} for every type. A retired
 * template stays in the log (for the audit) but is no longer offered.
 */
public record ReplyTemplate(String id, String language, String caseType, int version, String title, String body,
        boolean retired, String publishedBy, Instant publishedAt) {

    public static final String ANY_TYPE = "*";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    /** @throws IllegalArgumentException when a field or the body's placeholders are invalid */
    public ReplyTemplate {
        Objects.requireNonNull(publishedBy, "publishedBy");
        Objects.requireNonNull(publishedAt, "publishedAt");
        if (id == null || id.length() > 100 || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be lower-case words joined by . or -: " + id);
        }
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("lang must be a two-letter language code: " + language);
        }
        if (caseType == null || !(caseType.equals(ANY_TYPE) || ID.matcher(caseType).matches())) {
            throw new IllegalArgumentException("caseType must be a service key, a key prefix or *: " + caseType);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more: " + version);
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new IllegalArgumentException("title must be 1 to 200 characters");
        }
        if (body == null || body.isBlank() || body.length() > 20_000) {
            throw new IllegalArgumentException("body must be 1 to 20000 characters");
        }
        for (String name : TemplateText.parse(body).placeholderNames()) {
            if (!Placeholders.KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown placeholder {" + name + "}; known: " + Placeholders.KNOWN);
            }
        }
    }

    public TemplateText text() {
        return TemplateText.parse(body);
    }

    public Locale locale() {
        return Locale.of(language);
    }

    /** True when this template is offered for a case of the given type. */
    public boolean appliesTo(String type) {
        if (caseType.equals(ANY_TYPE)) {
            return true;
        }
        return de.amtsdesk.core.cases.catalogue.CaseTypeScope.covers(caseType, type);
    }
}
