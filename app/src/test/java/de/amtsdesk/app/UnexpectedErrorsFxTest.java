package de.amtsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.i18n.Translations;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A failure nobody foresaw on the FX thread: a message says so (once), instead of an action doing nothing. */
@ExtendWith(ApplicationExtension.class)
class UnexpectedErrorsFxTest {

    private Stage stage;
    private Thread.UncaughtExceptionHandler before;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void restore() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().setUncaughtExceptionHandler(before)).get();
    }

    @Test
    void anExceptionOnTheFxThreadIsShownOnceWithTheLogFolder(FxRobot robot) throws Exception {
        Translations text = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN,
                UnexpectedErrors.class.getClassLoader());
        WaitForAsyncUtils.asyncFx(() -> {
            before = Thread.currentThread().getUncaughtExceptionHandler();
            new UnexpectedErrors(text, () -> stage).installOnFxThread();
        }).get(5, TimeUnit.SECONDS);

        Platform.runLater(() -> {
            throw new IllegalStateException("a picker that cannot be built");
        });
        Platform.runLater(() -> {
            throw new IllegalStateException("the same again");
        });
        WaitForAsyncUtils.waitForFxEvents();

        var panes = robot.lookup(".dialog-pane").queryAllAs(DialogPane.class);
        assertThat(panes).as("one message, not one per failure").hasSize(1);
        DialogPane pane = panes.iterator().next();
        assertThat(pane.getHeaderText()).isEqualTo("Diese Aktion ist fehlgeschlagen.");
        assertThat(pane.getContentText()).contains("IllegalStateException", "nicht verloren",
                LogLocation.directory().toString());
        robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());
    }
}
