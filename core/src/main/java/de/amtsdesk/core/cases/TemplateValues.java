package de.amtsdesk.core.cases;

import de.amtsdesk.core.cases.catalogue.ServiceCatalogue;
import de.amtsdesk.core.cases.templates.Placeholders;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The placeholder values of a reply for one case. A value that is not known (no citizen name, no assignee, clock
 * paused) is left out, so the template's fallback or the preview's "missing" list takes over.
 */
public final class TemplateValues {

    private TemplateValues() {
    }

    /**
     * @param writer the caseworker composing the reply (signs it); falls back to the assignee when null
     */
    public static Map<String, String> forCase(Case c, String writer, ServiceCatalogue catalogue, Locale locale,
            StaffRoom room, UnitPolicy policy) {
        Map<String, String> values = new HashMap<>();
        put(values, Placeholders.CITIZEN_NAME, c.citizenName());
        values.put(Placeholders.CASE_REFERENCE, c.reference());
        if (c.isTyped()) {
            values.put(Placeholders.CASE_TYPE, catalogue.nameOf(c.type(), locale));
        }
        String signer = writer != null ? writer : c.assignee();
        if (signer != null) {
            values.put(Placeholders.CASEWORKER_NAME, room.displayName(signer));
        }
        if (c.sla() != null && c.sla().resolution().due() != null && !c.isClosed()) {
            DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                    .withZone(policy.sla().calendar().zone());
            values.put(Placeholders.CASE_DUE, format.format(c.sla().resolution().due()));
        }
        put(values, Placeholders.UNIT_CONTACT, policy.contact());
        return values;
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value);
        }
    }
}
