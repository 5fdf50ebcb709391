package de.amtsdesk.app.doctor;

import de.amtsdesk.core.doctor.CheckResult;
import de.amtsdesk.core.doctor.CryptoProbe;
import de.amtsdesk.core.doctor.Doctor;
import de.amtsdesk.core.doctor.DoctorOptions;
import de.amtsdesk.core.doctor.NativeCryptoProbe;
import de.amtsdesk.core.i18n.Translations;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code amtsdesk doctor}: the admin's check from a terminal, no window. Exit code 0 when every check passes,
 * 1 when one fails, 2 for wrong usage.
 */
public final class DoctorCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> environment;

    public DoctorCommand(PrintStream out, PrintStream err, Function<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public int run(String... args) {
        String homeserver = environment.apply("AMTSDESK_HOMESERVER");
        String user = null;
        String passwordFile = null;
        String lang = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
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
        if (homeserver == null || homeserver.isBlank()) {
            err.println(usage(locale(lang)));
            return 2;
        }
        Optional<String> password;
        try {
            password = password(passwordFile);
        } catch (IOException e) {
            err.println("cannot read password file " + passwordFile + ": " + e.getMessage());
            return 2;
        }
        List<CheckResult> results = new Doctor(locale(lang), cryptoProbe())
                .run(new DoctorOptions(homeserver, Optional.ofNullable(user), password));
        results.forEach(result -> out.println(result.line()));
        return results.stream().anyMatch(CheckResult::failed) ? 1 : 0;
    }

    private Optional<String> password(String passwordFile) throws IOException {
        if (passwordFile != null) {
            return Optional.of(Files.readString(Path.of(passwordFile)).strip());
        }
        return Optional.ofNullable(environment.apply("AMTSDESK_PASSWORD"));
    }

    private Locale locale(String lang) {
        return Translations.choose(lang != null ? lang : environment.apply("AMTSDESK_LANG"), Locale.getDefault());
    }

    private static String usage(Locale locale) {
        return Translations.load("de.amtsdesk.app.doctor.messages", locale, DoctorCommand.class.getClassLoader())
                .get("doctor.usage");
    }

    static CryptoProbe cryptoProbe() {
        return new NativeCryptoProbe();
    }
}
