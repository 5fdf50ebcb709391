package de.amtsdesk.core.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Resource bundles with German as the base language and English complete. The JDK's default lookup would fall
 * back to the machine's locale before the base bundle (an English PC asked for German would get English), so
 * the fallback to the default locale is switched off.
 */
public final class Translations {

    public static final List<Locale> SUPPORTED = List.of(Locale.GERMAN, Locale.ENGLISH);
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;

    private Translations(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Translations load(String baseName, Locale locale) {
        return load(baseName, locale, Translations.class.getClassLoader());
    }

    public static Translations load(String baseName, Locale locale, ClassLoader loader) {
        return new Translations(ResourceBundle.getBundle(baseName, locale, loader, NO_DEFAULT_LOCALE_FALLBACK));
    }

    /** German unless the requested language is one we translate to; never the machine's accidental default. */
    public static Locale choose(String requested, Locale system) {
        String language = requested != null && !requested.isBlank() ? requested.strip() : system.getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(Locale.GERMAN);
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /**
     * The German texts live in the base bundle, whose locale is {@link Locale#ROOT}: numbers and dates in them must
     * still be German ("12.000", not "12,000").
     */
    private Locale formatLocale() {
        Locale locale = bundle.getLocale();
        return locale == null || locale.getLanguage().isEmpty() ? Locale.GERMAN : locale;
    }

    public String get(String key, Object... args) {
        try {
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, formatLocale()).format(args);
        } catch (MissingResourceException e) {
            // A missing translation must be visible in testing, but never crash a caseworker's screen.
            return "!" + key + "!";
        }
    }
}
