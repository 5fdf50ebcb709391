package de.amtsdesk.core.cases.catalogue;

import java.util.Locale;

/**
 * An administrative service a citizen may write about; its {@code key} is the case type stored in the staff
 * log, so it must never change once shipped (rename the names, keep the key).
 */
public record PublicService(String key, String groupKey, String german, String english) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? english : german;
    }
}
