package de.amtsdesk.app.workspace;

import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.FieldChange;
import de.amtsdesk.core.cases.catalogue.ServiceCatalogue;
import de.amtsdesk.core.i18n.Translations;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Audit entries in the caseworker's words ("Status geändert: Status open → waiting"), for the case panel's trail and
 * the case changes woven into the conversation. Case types are shown by name, statuses by their label.
 */
public final class AuditTexts {

    private static final String ACTION_KEYS = "audit.action.";
    private static final String FIELD_KEYS = "audit.field.";

    private final Translations text;
    private final Translations caseText;
    private final ServiceCatalogue catalogue;
    private final Locale locale;

    public AuditTexts(Translations text, Translations caseText, ServiceCatalogue catalogue, Locale locale) {
        this.text = text;
        this.caseText = caseText;
        this.catalogue = catalogue;
        this.locale = locale;
    }

    public String describe(AuditEntry entry, java.util.function.Function<String, String> names) {
        String action = entry.action();
        String key = ACTION_KEYS + action.substring(action.lastIndexOf('.') + 1);
        String label = text.bundle().containsKey(key) ? text.get(key) : action;
        String changes = entry.changes().stream().map(c -> change(c, names)).filter(s -> !s.isEmpty())
                .collect(Collectors.joining("; "));
        String detail = entry.applied() ? changes : caseText.get(entry.rejection().messageKey());
        return detail.isEmpty() ? label : label + ": " + detail;
    }

    private String change(FieldChange change, java.util.function.Function<String, String> names) {
        if ("note".equals(change.field())) {
            return ""; // the note's text is shown as the note, not repeated in the trail
        }
        String field = text.bundle().containsKey(FIELD_KEYS + change.field())
                ? text.get(FIELD_KEYS + change.field()) : change.field();
        String before = value(change.field(), change.before(), names);
        String after = change.after() == null ? "–" : value(change.field(), change.after(), names);
        return before == null ? field + " " + after : field + " " + before + " → " + after;
    }

    private String value(String field, String raw, java.util.function.Function<String, String> names) {
        if (raw == null) {
            return null;
        }
        return switch (field) {
            case "type" -> catalogue.nameOf(raw, locale);
            case "status" -> de.amtsdesk.core.cases.CaseStatus.fromWireName(raw)
                    .map(s -> caseText.get(s.messageKey())).orElse(raw);
            case "assignee" -> names.apply(raw);
            default -> raw;
        };
    }
}
