package de.amtsdesk.core.cases.catalogue;

import java.util.Locale;

/** A life situation of the federal service finder ("Geburt", "Bauen und Wohnen", ...). */
public record ServiceGroup(String key, String german, String english) {

    /** German unless English is asked for: German is the official language and the base of every bundle. */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? english : german;
    }
}
