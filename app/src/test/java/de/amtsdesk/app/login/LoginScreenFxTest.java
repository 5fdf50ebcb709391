package de.amtsdesk.app.login;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.AppOptions;
import de.amtsdesk.app.MainWindow;
import de.amtsdesk.app.Prefill;
import de.amtsdesk.app.StableRobot;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real login screen, driven by keyboard and mouse (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class LoginScreenFxTest {

    private static final String CLOSED_URL = "http://127.0.0.1:" + closedPort();

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Start
    void start(Stage stage) throws IOException {
        Path dataDir = java.nio.file.Files.createTempDirectory("amtsdesk-login-test");
        new MainWindow(stage, new AppOptions(Optional.empty(), Optional.empty(), dataDir, Locale.ENGLISH),
                Prefill.passphrase("test-passphrase-4711")).show();
    }

    @Test
    void unreachableHomeserverIsExplainedOnScreen(FxRobot robot) throws Exception {
        StableRobot.settled(robot, r -> r.clickOn("#unlockButton"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            try {
                return robot.lookup("#homeserverField").tryQuery().isPresent();
            } catch (RuntimeException screenChanging) {
                return false;
            }
        });
        StableRobot.type(robot, "#homeserverField", CLOSED_URL);
        StableRobot.type(robot, "#userField", "agency");
        StableRobot.type(robot, "#passwordField", "secret");
        robot.type(javafx.scene.input.KeyCode.ENTER);

        Label error = StableRobot.settled(robot, r -> r.lookup("#errorLabel").queryAs(Label.class));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !error.getText().isEmpty());
        assertThat(error.getText()).isEqualTo("The homeserver " + CLOSED_URL
                + " cannot be reached. Please check the address and the network connection.");
        assertThat(error.isVisible()).isTrue();
    }
}
