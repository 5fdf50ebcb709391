package de.amtsdesk.app;

import de.amtsdesk.core.i18n.Translations;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Command-line options of the window app. They carry no secrets, and the app reads none from the environment:
 * arguments show in the process list, environment variables are inherited by every child process and can be set
 * by whatever starts the app, and a production install must never be talked into a prefilled password or
 * passphrase. Only code inside the same JVM can hand the window a {@link Prefill} (the demo launcher and tests do).
 */
public record AppOptions(Optional<String> homeserver, Optional<String> user, Path dataDir, Locale locale) {

    public static AppOptions parse(String... args) {
        String homeserver = null;
        String user = null;
        String lang = System.getProperty("amtsdesk.lang");
        Path dataDir = defaultDataDir();
        for (String arg : args) {
            if (arg.startsWith("--homeserver=")) {
                homeserver = blankToNull(arg.substring("--homeserver=".length()));
            } else if (arg.startsWith("--user=")) {
                user = blankToNull(arg.substring("--user=".length()));
            } else if (arg.startsWith("--lang=")) {
                lang = arg.substring("--lang=".length());
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
            }
        }
        return new AppOptions(Optional.ofNullable(homeserver), Optional.ofNullable(user), dataDir,
                Translations.choose(lang, Locale.getDefault()));
    }

    /** Per user and machine: %LOCALAPPDATA%\Amtsdesk on Windows, ~/.local/share/amtsdesk elsewhere. */
    static Path defaultDataDir() {
        String localAppData = System.getenv("LOCALAPPDATA");
        if (localAppData != null && System.getProperty("os.name", "").startsWith("Windows")) {
            return Path.of(localAppData, "Amtsdesk", "profile");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "amtsdesk", "profile");
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    public String[] toArgs() {
        return new String[] {
            "--homeserver=" + homeserver.orElse(""), "--user=" + user.orElse(""), "--lang=" + locale.getLanguage(),
            "--data-dir=" + dataDir
        };
    }
}
