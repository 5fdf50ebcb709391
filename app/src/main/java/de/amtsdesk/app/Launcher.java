package de.amtsdesk.app;

import de.amtsdesk.app.doctor.DoctorCommand;
import de.amtsdesk.core.i18n.Translations;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
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
        if (args.length > 0 && args[0].equals("doctor")) {
            System.exit(new DoctorCommand(System.out, System.err, System.in, System::getenv)
                    .run(Arrays.copyOfRange(args, 1, args.length)));
        }
        OptionalInt answered = console(args, System.out);
        if (answered.isPresent()) {
            System.exit(answered.getAsInt());
        }
        AmtsdeskApplication.launchWith(AppOptions.parse(args));
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
