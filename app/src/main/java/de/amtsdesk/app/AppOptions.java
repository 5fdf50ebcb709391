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
 *
 * @param highContrast adds the high-contrast style sheet whatever the system says; without it the system's own switch
 *                     decides ({@link de.amtsdesk.app.contrast.HighContrastSetting}: Windows contrast themes, GNOME).
 */
public record AppOptions(Optional<String> homeserver, Optional<String> user, Path dataDir, Locale locale,
        boolean highContrast) {

    public AppOptions(Optional<String> homeserver, Optional<String> user, Path dataDir, Locale locale) {
        this(homeserver, user, dataDir, locale, false);
    }

    public static AppOptions parse(String... args) {
        String homeserver = null;
        String user = null;
        Path dataDir = defaultDataDir();
        boolean highContrast = false;
        for (String arg : args) {
            if (arg.startsWith("--homeserver=")) {
                homeserver = blankToNull(arg.substring("--homeserver=".length()));
            } else if (arg.startsWith("--user=")) {
                user = blankToNull(arg.substring("--user=".length()));
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
            } else if (arg.equals("--high-contrast")) {
                highContrast = true;
            }
        }
        return new AppOptions(Optional.ofNullable(homeserver), Optional.ofNullable(user), dataDir, locale(args),
                highContrast);
    }

    /**
     * The language of window and console: {@code --lang=xx} (or {@code --lang xx}), else the {@code amtsdesk.lang}
     * system property, else the machine's language if we translate to it, else German.
     */
    public static Locale locale(String... args) {
        String lang = System.getProperty("amtsdesk.lang");
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--lang=")) {
                lang = args[i].substring("--lang=".length());
            } else if (args[i].equals("--lang") && i + 1 < args.length) {
                lang = args[i + 1];
            }
        }
        return Translations.choose(lang, Locale.getDefault());
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
        String[] args = {
            "--homeserver=" + homeserver.orElse(""), "--user=" + user.orElse(""), "--lang=" + locale.getLanguage(),
            "--data-dir=" + dataDir
        };
        if (!highContrast) {
            return args;
        }
        String[] withContrast = java.util.Arrays.copyOf(args, args.length + 1);
        withContrast[args.length] = "--high-contrast";
        return withContrast;
    }
}
