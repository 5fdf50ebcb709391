package de.amtsdesk.app.doctor;

import de.amtsdesk.app.LogLocation;
import de.amtsdesk.core.doctor.CheckResult;
import de.amtsdesk.core.doctor.CryptoProbe;
import de.amtsdesk.core.doctor.Doctor;
import de.amtsdesk.core.doctor.DoctorOptions;
import de.amtsdesk.core.doctor.NativeCryptoProbe;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.matrix.HomeserverDiscovery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code amtsdesk doctor}: the admin's check from a terminal, no window. Exit code 0 when every check passes,
 * 1 when one fails, 2 for wrong usage. The password comes from {@code --password-file FILE} or, with
 * {@code --password-file -}, from the first line of standard input; never from the environment, which every child
 * process inherits and which whatever starts the program can set.
 */
public final class DoctorCommand {

    /** The {@code --password-file} value that means standard input. */
    static final String STDIN = "-";

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Function<String, String> environment;

    /** {@code environment} supplies only non-secret defaults: AMTSDESK_HOMESERVER and AMTSDESK_LANG. */
    public DoctorCommand(PrintStream out, PrintStream err, InputStream in, Function<String, String> environment) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.environment = environment;
    }

    public int run(String... args) {
        String homeserver = environment.apply("AMTSDESK_HOMESERVER");
        String user = null;
        String passwordFile = null;
        String lang = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            // "--lang=en" as well as "--lang en": the window app takes the first form, so admins type it here too.
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                String value = arg.substring(equals + 1);
                switch (arg.substring(0, equals)) {
                    case "--homeserver" -> homeserver = value;
                    case "--user" -> user = value;
                    case "--password-file" -> passwordFile = value;
                    case "--lang" -> lang = value;
                    default -> {
                        err.println(usage(locale(lang)));
                        return 2;
                    }
                }
                continue;
            }
            switch (arg) {
                case "--help", "-h" -> {
                    out.println(usage(locale(lang)));
                    return 0;
                }
                case "--homeserver", "--user", "--password-file", "--lang" -> {
                    if (i + 1 >= args.length) {
                        err.println(usage(locale(lang)));
                        return 2;
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--homeserver" -> homeserver = value;
                        case "--user" -> user = value;
                        case "--password-file" -> passwordFile = value;
                        default -> lang = value;
                    }
                }
                default -> {
                    err.println(usage(locale(lang)));
                    return 2;
                }
            }
        }
        if ((homeserver == null || homeserver.isBlank()) && HomeserverDiscovery.serverNameOf(user).isEmpty()) {
            err.println(usage(locale(lang)));
            return 2;
        }
        Optional<String> password;
        try {
            password = password(passwordFile);
        } catch (IOException e) {
            err.println(text(locale(lang)).get("doctor.passwordFile.unreadable", passwordFile, e.toString()));
            return 2;
        }
        List<CheckResult> results = new Doctor(locale(lang), cryptoProbe())
                .run(new DoctorOptions(homeserver, Optional.ofNullable(user), password));
        results.forEach(result -> out.println(result.line()));
        // Where the window app logs, for the admin who reads "details are in the log" on a caseworker's screen.
        out.println(text(locale(lang)).get("doctor.logDir", LogLocation.directory()));
        return results.stream().anyMatch(CheckResult::failed) ? 1 : 0;
    }

    private Optional<String> password(String passwordFile) throws IOException {
        if (passwordFile == null) {
            return Optional.empty();
        }
        if (passwordFile.equals(STDIN)) {
            // Not closed: standard input belongs to the process. One line, without its line break.
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return Optional.ofNullable(line).map(String::strip).filter(p -> !p.isEmpty());
        }
        return Optional.of(Files.readString(Path.of(passwordFile)).strip());
    }

    private Locale locale(String lang) {
        return Translations.choose(lang != null ? lang : environment.apply("AMTSDESK_LANG"), Locale.getDefault());
    }

    private static String usage(Locale locale) {
        return text(locale).get("doctor.usage", LogLocation.directory());
    }

    private static Translations text(Locale locale) {
        return Translations.load("de.amtsdesk.app.doctor.messages", locale, DoctorCommand.class.getClassLoader());
    }

    static CryptoProbe cryptoProbe() {
        return new NativeCryptoProbe();
    }
}
