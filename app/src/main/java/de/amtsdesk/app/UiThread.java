package de.amtsdesk.app;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/** Where view models publish results. The FX thread in the app; the calling thread in toolkit-free tests. */
public final class UiThread {

    private UiThread() {
    }

    public static Executor fx() {
        return command -> {
            if (Platform.isFxApplicationThread()) {
                command.run();
            } else {
                Platform.runLater(command);
            }
        };
    }

    public static Executor direct() {
        return Runnable::run;
    }
}
