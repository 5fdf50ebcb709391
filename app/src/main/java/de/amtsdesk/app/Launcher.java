package de.amtsdesk.app;

import de.amtsdesk.app.doctor.DoctorCommand;
import java.util.Arrays;

/**
 * Entry point of the launcher and the app-image. Deliberately not a JavaFX {@code Application}: started from the
 * class path, a main class that extends Application fails with "JavaFX runtime components are missing", and the
 * {@code doctor} command must run on machines without any display at all.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("doctor")) {
            System.exit(new DoctorCommand(System.out, System.err, System.in, System::getenv)
                    .run(Arrays.copyOfRange(args, 1, args.length)));
        }
        AmtsdeskApplication.launchWith(AppOptions.parse(args));
    }
}
