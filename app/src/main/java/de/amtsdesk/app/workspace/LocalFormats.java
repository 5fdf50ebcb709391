package de.amtsdesk.app.workspace;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Date and time formats of the app's language, not of the JVM: German as 02.12.26, 14:05; English in the British
 * day-month order (2 Dec 2026, 14:05), because a German agency's English reader should not meet US month-first
 * dates.
 */
public final class LocalFormats {

    private LocalFormats() {
    }

    public static Locale formatLocale(Locale appLocale) {
        return "en".equals(appLocale.getLanguage()) ? Locale.UK : Locale.GERMANY;
    }

    public static DateTimeFormatter dateTime(Locale appLocale, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(formatLocale(appLocale)).withZone(zone);
    }

    public static DateTimeFormatter time(Locale appLocale, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(formatLocale(appLocale)).withZone(zone);
    }
}
