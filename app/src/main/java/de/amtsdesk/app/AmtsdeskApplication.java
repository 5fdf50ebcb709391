package de.amtsdesk.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application; started through {@link Launcher}. */
public final class AmtsdeskApplication extends Application {

    private MainWindow window;

    static void launchWith(AppOptions options) {
        Application.launch(AmtsdeskApplication.class, options.toArgs());
    }

    @Override
    public void start(Stage stage) {
        window = new MainWindow(stage, AppOptions.parse(getParameters().getRaw().toArray(String[]::new)));
        window.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
