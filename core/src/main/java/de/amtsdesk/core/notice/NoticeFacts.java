package de.amtsdesk.core.notice;

import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.StaffRoom;
import de.amtsdesk.core.cases.TemplateValues;
import de.amtsdesk.core.cases.UnitPolicy;
import de.amtsdesk.core.cases.catalogue.ServiceCatalogue;
import de.amtsdesk.core.cases.templates.Placeholders;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a notice is about, taken from the case at the moment of drafting: printed in the letter's info block and
 * filled into the template's placeholders.
 *
 * @param caseType   the case's service key (chooses the template); may be null for an untyped case
 * @param values     placeholder values (see {@link NoticePlaceholders}); missing ones are simply absent
 */
public record NoticeFacts(Letterhead letterhead, String reference, String caseType, String caseworker,
        String citizenName, LocalDate date, Locale locale, Map<String, String> values) {

    public NoticeFacts {
        Objects.requireNonNull(letterhead, "letterhead");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(locale, "locale");
        values = Map.copyOf(values);
    }

    /**
     * The facts of a case, with the same placeholder values a reply would get (so {citizen.name} means the same
     * in a reply and in a notice) plus the notice's date and unit.
     *
     * @param writer the caseworker drafting the notice (printed as "caseworker"); falls back to the assignee
     */
    public static NoticeFacts forCase(Case c, String writer, ServiceCatalogue catalogue, Locale locale,
            StaffRoom room, UnitPolicy policy, Letterhead letterhead, LocalDate date) {
        Map<String, String> values = new HashMap<>(TemplateValues.forCase(c, writer, catalogue, locale, room, policy));
        return of(letterhead, c.reference(), c.isTyped() ? c.type() : null, values.get(Placeholders.CASEWORKER_NAME),
                values.get(Placeholders.CITIZEN_NAME), date, locale, values);
    }

    /** Facts from plain values; fills reference, caseworker, citizen, date and unit into the placeholder map. */
    public static NoticeFacts of(Letterhead letterhead, String reference, String caseType, String caseworker,
            String citizenName, LocalDate date, Locale locale, Map<String, String> extraValues) {
        Map<String, String> values = new HashMap<>(extraValues);
        values.put(Placeholders.CASE_REFERENCE, reference);
        putIfPresent(values, Placeholders.CASEWORKER_NAME, caseworker);
        putIfPresent(values, Placeholders.CITIZEN_NAME, citizenName);
        values.put(NoticePlaceholders.NOTICE_DATE, formatDate(date, locale));
        values.put(NoticePlaceholders.UNIT_NAME, letterhead.unitName());
        return new NoticeFacts(letterhead, reference, caseType, caseworker, citizenName, date, locale, values);
    }

    /** The date as written in a letter of that language ("2. Dezember 2026", "December 2, 2026"). */
    public static String formatDate(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    private static void putIfPresent(Map<String, String> values, String key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value);
        }
    }
}
