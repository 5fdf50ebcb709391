package de.amtsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What the demo launcher hands over in-process lands in the two secret fields, and nowhere else comes from. */
@ExtendWith(ApplicationExtension.class)
class PrefillFxTest {

    @Start
    void start(Stage stage) throws Exception {
        Path dataDir = Files.createTempDirectory("amtsdesk-prefill-test");
        new MainWindow(stage, new AppOptions(Optional.of("https://matrix.example.org"), Optional.of("amt"), dataDir,
                Locale.ENGLISH), new Prefill(Optional.of("demo-password"), Optional.of("demo-passphrase-4711")))
                .show();
    }

    @Test
    void passphraseAndPasswordArePrefilled(FxRobot robot) throws Exception {
        PasswordField passphrase = StableRobot.settled(robot,
                r -> r.lookup("#passphraseField").queryAs(PasswordField.class));
        assertThat(WaitForAsyncUtils.waitForAsyncFx(5000, (java.util.concurrent.Callable<String>) passphrase::getText)).isEqualTo("demo-passphrase-4711");

        StableRobot.settled(robot, r -> r.clickOn("#unlockButton"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            try {
                return robot.lookup("#passwordField").tryQuery().isPresent();
            } catch (RuntimeException screenChanging) {
                return false;
            }
        });
        PasswordField password = StableRobot.settled(robot,
                r -> r.lookup("#passwordField").queryAs(PasswordField.class));
        assertThat(WaitForAsyncUtils.waitForAsyncFx(5000, (java.util.concurrent.Callable<String>) password::getText)).isEqualTo("demo-password");
    }
}
