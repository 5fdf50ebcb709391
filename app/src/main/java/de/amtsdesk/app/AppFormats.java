package de.amtsdesk.app;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates, times and numbers the way the app's language writes them, not the JVM's: German "02.12.2026, 09:15" and
 * "1,5 MB", English in the British form "2 Dec 2026, 09:15" (US month-first dates mislead German agencies' readers).
 * The German texts are the base bundle, whose locale is empty: that must mean German here, not "no locale".
 */
public final class AppFormats {

    private AppFormats() {
    }

    /** @param appLocale the bundle's locale */
    public static Locale formatLocale(Locale appLocale) {
        return "en".equals(appLocale.getLanguage()) ? Locale.UK : Locale.GERMANY;
    }

    public static DateTimeFormatter dateTime(Locale appLocale, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(formatLocale(appLocale)).withZone(zone);
    }

    /** "512 B", "1,5 KB", "2,3 MB" (decimal prefixes, one decimal place where it helps). */
    /** A count with the language's grouping: "1.000.000" in German (the base bundle's empty locale would give "1,000,000"). */
    public static String count(long value, Locale appLocale) {
        return NumberFormat.getIntegerInstance(formatLocale(appLocale)).format(value);
    }

    public static String fileSize(long bytes, Locale appLocale) {
        NumberFormat number = NumberFormat.getNumberInstance(formatLocale(appLocale));
        number.setMaximumFractionDigits(1);
        if (bytes < 1000) {
            return number.format(bytes) + " B";
        }
        if (bytes < 1_000_000) {
            return number.format(bytes / 1000.0) + " KB";
        }
        if (bytes < 1_000_000_000) {
            return number.format(bytes / 1_000_000.0) + " MB";
        }
        return number.format(bytes / 1_000_000_000.0) + " GB";
    }
}
