package de.amtsdesk.app;

import de.amtsdesk.core.i18n.Translations;
import java.util.Locale;
import java.util.Optional;

/**
 * Command-line options of the window app. The password is never an argument (it would show in the process
 * list); the demo hands it over in {@code AMTSDESK_PASSWORD}.
 */
public record AppOptions(Optional<String> homeserver, Optional<String> user, Optional<String> password, Locale locale) {

    public static AppOptions parse(String... args) {
        String homeserver = null;
        String user = null;
        String lang = System.getProperty("amtsdesk.lang");
        for (String arg : args) {
            if (arg.startsWith("--homeserver=")) {
                homeserver = arg.substring("--homeserver=".length());
            } else if (arg.startsWith("--user=")) {
                user = arg.substring("--user=".length());
            } else if (arg.startsWith("--lang=")) {
                lang = arg.substring("--lang=".length());
            }
        }
        return new AppOptions(Optional.ofNullable(homeserver), Optional.ofNullable(user),
                Optional.ofNullable(System.getenv("AMTSDESK_PASSWORD")),
                Translations.choose(lang, Locale.getDefault()));
    }

    public String[] toArgs() {
        return new String[] {
            "--homeserver=" + homeserver.orElse(""), "--user=" + user.orElse(""), "--lang=" + locale.getLanguage()
        };
    }
}
