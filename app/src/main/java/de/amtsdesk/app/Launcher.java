package de.amtsdesk.app;

import de.amtsdesk.app.doctor.DoctorCommand;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.policy.EffectivePolicy;
import de.amtsdesk.core.policy.PolicyLoader;
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
        // Before anything competes for the cores: the JIT's optimising compiler yields them to the start (issue 8).
        de.amtsdesk.core.threads.OptimisingCompiler.lowerPriorityInBackground();
        // First of all: the policy decides where the log goes and which proxy every connection uses.
        EffectivePolicy policy = MachinePolicy.applyAtStart(PolicyLoader.sourcesForThisMachine());
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
