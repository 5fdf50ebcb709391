package de.amtsdesk.app;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;

/**
 * Lets the start-up benchmark (bench/) and packaging smoke tests measure "process start to login screen" in the
 * real app: with {@code -Damtsdesk.startupProbe=true} the app prints one line when the login window is shown and
 * quits. Without the property it does nothing.
 */
final class StartupProbe {

    static final String PROPERTY = "amtsdesk.startupProbe";
    static final String MARKER = "AMTSDESK_LOGIN_SHOWN";

    private StartupProbe() {
    }

    static void loginScreenShown() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(MARKER + " epochMillis=" + System.currentTimeMillis() + " sinceJvmStartMillis="
                + sinceJvmStart);
        System.out.flush();
        Platform.exit();
    }
}
