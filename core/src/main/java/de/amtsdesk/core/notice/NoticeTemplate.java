package de.amtsdesk.core.notice;

import de.amtsdesk.core.cases.templates.TemplateText;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text of one kind of notice (Bescheid) in one language. Uses the reply templates' placeholder syntax
 * ({@code {citizen.name|Damen und Herren}}, see {@link TemplateText}) so caseworkers learn one syntax, but with
 * its own placeholder list ({@link NoticePlaceholders}) because a notice also carries the date and the unit.
 *
 * @param caseType a service key, a key prefix ({@code "identity"}) or {@code "*"} for every type
 */
public record NoticeTemplate(String id, String language, String caseType, String title, String body) {

    public static final String ANY_TYPE = "*";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    /** @throws IllegalArgumentException when a field is malformed or the body names an unknown placeholder */
    public NoticeTemplate {
        if (id == null || id.length() > 100 || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be lower-case words joined by . or -: " + id);
        }
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("language must be a two-letter code: " + language);
        }
        if (caseType == null || !(caseType.equals(ANY_TYPE) || ID.matcher(caseType).matches())) {
            throw new IllegalArgumentException("caseType must be a service key, a key prefix or *: " + caseType);
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new IllegalArgumentException("title must be 1 to 200 characters");
        }
        if (body == null || body.isBlank() || body.length() > 50_000) {
            throw new IllegalArgumentException("body must be 1 to 50000 characters");
        }
        for (String text : new String[] {title, body}) {
            for (String name : TemplateText.parse(text).placeholderNames()) {
                if (!NoticePlaceholders.KNOWN.contains(name)) {
                    throw new IllegalArgumentException(
                            "unknown placeholder {" + name + "} in notice " + id + "; known: " + NoticePlaceholders.KNOWN);
                }
            }
        }
    }

    public Locale locale() {
        return Locale.of(language);
    }

    /** True when this template is offered for a case of the given type (exact key, key prefix or any). */
    public boolean appliesTo(String type) {
        if (caseType.equals(ANY_TYPE)) {
            return true;
        }
        return de.amtsdesk.core.cases.catalogue.CaseTypeScope.covers(caseType, type);
    }

    /** How closely the template fits a type: exact key beats a longer prefix beats a shorter one beats "*". */
    int specificity() {
        return caseType.equals(ANY_TYPE) ? 0 : caseType.length();
    }
}
