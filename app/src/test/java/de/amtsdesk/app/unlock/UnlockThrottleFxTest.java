package de.amtsdesk.app.unlock;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.AppOptions;
import de.amtsdesk.app.MainWindow;
import de.amtsdesk.app.StableRobot;
import de.amtsdesk.core.engine.Workstation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real unlock screen after a restart that followed many wrong passphrases: the persisted wait is shown at once,
 * the button stays disabled, and the number counts down.
 */
@ExtendWith(ApplicationExtension.class)
class UnlockThrottleFxTest {

    @Start
    void start(Stage stage) throws Exception {
        Path dataDir = Files.createTempDirectory("amtsdesk-throttle-test");
        Workstation.create(dataDir, "test-passphrase-4711".toCharArray()).close();
        // As the core writes it after seven wrong passphrases in a row, just now.
        Files.writeString(dataDir.resolve("unlock-throttle.properties"),
                "failures=7\nlastFailure=" + Instant.now() + "\n");
        new MainWindow(stage, new AppOptions(Optional.empty(), Optional.empty(), dataDir, Locale.ENGLISH)).show();
    }

    private static int secondsShown(String text) {
        return Integer.parseInt(text.replaceAll(".*possible in (\\d+) seconds?\\..*", "$1"));
    }

    @Test
    void theWaitIsShownAtOnceAndCountsDown(FxRobot robot) throws Exception {
        Label error = StableRobot.settled(robot, r -> r.lookup("#unlockError").queryAs(Label.class));
        Button unlock = StableRobot.settled(robot, r -> r.lookup("#unlockButton").queryAs(Button.class));
        String first = WaitForAsyncUtils.waitForAsyncFx(5000, error::getText);
        assertThat(first).startsWith("The passphrase was wrong. To slow down guessing, the next attempt is possible in ");
        // Up to 30 s; this machine may have spent a few of them starting the window.
        assertThat(secondsShown(first)).isBetween(10, 30);

        StableRobot.type(robot, "#passphraseField", "test-passphrase-4711");
        assertThat(WaitForAsyncUtils.waitForAsyncFx(5000, unlock::isDisabled)).as("disabled despite a passphrase")
                .isTrue();

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> secondsShown(error.getText()) < secondsShown(first));
        assertThat(WaitForAsyncUtils.waitForAsyncFx(5000, unlock::isDisabled)).as("still waiting").isTrue();
    }
}
