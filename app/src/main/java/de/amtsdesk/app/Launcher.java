package de.amtsdesk.app;

import de.amtsdesk.app.doctor.DoctorCommand;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.policy.EffectivePolicy;
import de.amtsdesk.core.policy.PolicyLoader;
import de.amtsdesk.core.policy.PolicySource;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Entry point of the launcher and the app-image. Deliberately not a JavaFX {@code Application}: started from the
 * class path, a main class that extends Application fails with "JavaFX runtime components are missing", and the
 * {@code doctor} command must run on machines without any display at all. For the same reason {@code --help} and
 * {@code --version} are answered here, before JavaFX starts (without a display it would only print a stack trace).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        EffectivePolicy policy = startUp(PolicyLoader.sourcesForThisMachine());
        Optional<String[]> doctor = doctorArgs(args);
        if (doctor.isPresent()) {
            System.exit(new DoctorCommand(System.out, System.err, System.in, System::getenv).run(doctor.get()));
        }
        OptionalInt answered = console(args, System.out);
        if (answered.isPresent()) {
            System.exit(answered.getAsInt());
        }
        AmtsdeskApplication.launchWith(AppOptions.parse(args), policy);
    }

    /**
     * The first steps of every start. First of all the policy: it decides where the log goes and at which level, and
     * logging starts once, with the first logger anything asks for, so nothing may log before it (the compiler's
     * priority below did, from 2026-12-05 to 12-06, and the admin's log folder was ignored). Then the JIT's optimising
     * compiler yields the cores to the start (issue 8, ADR 0028).
     */
    static EffectivePolicy startUp(List<PolicySource> policySources) {
        EffectivePolicy policy = MachinePolicy.applyAtStart(policySources);
        de.amtsdesk.core.threads.OptimisingCompiler.lowerPriorityInBackground();
        return policy;
    }

    /**
     * {@code amtsdesk doctor …}, also with options before the word ({@code amtsdesk --lang=en doctor}): the doctor's
     * arguments are all others, in order. Empty when the first argument that is not an option is not "doctor".
     */
    static Optional<String[]> doctorArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("-")) {
                if (!args[i].equals("doctor")) {
                    return Optional.empty();
                }
                String[] rest = new String[args.length - 1];
                System.arraycopy(args, 0, rest, 0, i);
                System.arraycopy(args, i + 1, rest, i, args.length - i - 1);
                return Optional.of(rest);
            }
        }
        return Optional.empty();
    }

    /**
     * Answers {@code --help}/{@code -h} and {@code --version} in the language {@code --lang} asks for.
     *
     * @return the exit code when the arguments were a console request; empty when the window should start
     */
    static OptionalInt console(String[] args, PrintStream out) {
        List<String> list = List.of(args);
        boolean help = list.contains("--help") || list.contains("-h");
        boolean version = list.contains("--version");
        if (!help && !version) {
            return OptionalInt.empty();
        }
        Translations text = Translations.load("de.amtsdesk.app.messages", AppOptions.locale(args),
                Launcher.class.getClassLoader());
        if (version) {
            out.println(text.get("cli.version", AppVersion.current()));
        }
        if (help) {
            out.println(text.get("cli.usage", LogLocation.directory(), AppOptions.defaultDataDir()));
        }
        out.flush();
        return OptionalInt.of(0);
    }
}
