package de.amtsdesk.app.doctor;

import de.amtsdesk.app.LogLocation;
import de.amtsdesk.core.doctor.CheckResult;
import de.amtsdesk.core.doctor.CryptoProbe;
import de.amtsdesk.core.doctor.Doctor;
import de.amtsdesk.core.doctor.DoctorOptions;
import de.amtsdesk.core.doctor.NativeCryptoProbe;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.matrix.HomeserverDiscovery;
import de.amtsdesk.core.policy.EffectivePolicy;
import de.amtsdesk.core.policy.PolicyLoader;
import de.amtsdesk.core.policy.PolicySource;
import de.amtsdesk.core.policy.PolicyValue;
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
import java.util.function.Supplier;

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
    private final Supplier<List<PolicySource>> policySources;

    /** {@code environment} supplies only non-secret defaults: AMTSDESK_HOMESERVER and AMTSDESK_LANG. */
    public DoctorCommand(PrintStream out, PrintStream err, InputStream in, Function<String, String> environment) {
        this(out, err, in, environment, PolicyLoader::sourcesForThisMachine);
    }

    /** With the admin policy read from {@code policySources} instead of this machine's (tests). */
    public DoctorCommand(PrintStream out, PrintStream err, InputStream in, Function<String, String> environment,
            Supplier<List<PolicySource>> policySources) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.environment = environment;
        this.policySources = policySources;
    }

    public int run(String... args) {
        String homeserver = environment.apply("AMTSDESK_HOMESERVER");
        boolean homeserverGiven = false;
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
                    case "--homeserver" -> {
                        homeserver = value;
                        homeserverGiven = true;
                    }
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
                        case "--homeserver" -> {
                            homeserver = value;
                            homeserverGiven = true;
                        }
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
        // The admin policy: its homeserver is the default; printed before the checks (value, source, warnings).
        List<PolicySource> sources = policySources.get();
        // Read, not load: the warnings are printed below, and the launcher has logged them already.
        EffectivePolicy policy = PolicyLoader.read(sources);
        if (!homeserverGiven && policy.homeserver().isPresent()) {
            homeserver = policy.homeserver().get(); // the app logs in there, so doctor checks that server
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
        printPolicy(policy, sources, text(locale(lang)));
        List<CheckResult> results = new Doctor(locale(lang), cryptoProbe())
                .run(new DoctorOptions(homeserver, Optional.ofNullable(user), password));
        results.forEach(result -> out.println(result.line()));
        // Where the window app logs, for the admin who reads "details are in the log" on a caseworker's screen.
        out.println(text(locale(lang)).get("doctor.logDir", LogLocation.directory()));
        return results.stream().anyMatch(CheckResult::failed) ? 1 : 0;
    }

    /** {@code policy  homeserver = https://… (locked: /etc/amtsdesk/policy.json)}, then one line per warning. */
    private void printPolicy(EffectivePolicy policy, List<PolicySource> sources, Translations text) {
        if (policy.values().isEmpty()) {
            out.println(text.get("doctor.policy.none",
                    String.join(", ", sources.stream().map(PolicySource::name).toList())));
        }
        for (PolicyValue value : policy.values()) {
            out.println(text.get("doctor.policy.value", value.key().key(), value.display(), value.source()));
        }
        for (String warning : policy.warnings()) {
            out.println(text.get("doctor.policy.warning", warning));
        }
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
