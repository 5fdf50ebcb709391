package de.amtsdesk.e2e.staff;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.AppOptions;
import de.amtsdesk.app.MainWindow;
import de.amtsdesk.app.Prefill;
import de.amtsdesk.app.StableRobot;
import de.amtsdesk.app.queue.QueueEntry;
import de.amtsdesk.e2e.harness.RegisteredUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real {@link MainWindow} as {@code CaseworkerWorkspaceFxTest} does: unlock a fresh profile, sign in the
 * functional account, then the personal staff account with the staff room.
 */
final class WindowDriver {

    private WindowDriver() {
    }

    /** Opens the window on a fresh profile, signs in the agency account and the staff member; waits for the queue. */
    static void signInToWorkspace(FxRobot robot, Stage stage, String homeserver, RegisteredUser agency,
            RegisteredUser member, String staffRoom) throws Exception {
        Path dataDir = Files.createTempDirectory("amtsdesk-lead-e2e");
        robot.interact(() -> new MainWindow(stage, new AppOptions(Optional.empty(), Optional.empty(), dataDir,
                Locale.ENGLISH), Prefill.passphrase("test-passphrase-4711")).show());
        StableRobot.settled(robot, r -> r.clickOn("#unlockButton"));
        waitUntil(() -> robot.lookup("#homeserverField").tryQuery().isPresent(), "the login screen after unlocking");
        StableRobot.type(robot, "#homeserverField", homeserver);
        StableRobot.type(robot, "#userField", agency.localpart());
        StableRobot.type(robot, "#passwordField", agency.password());
        assertThat(robot.lookup("#passwordField").queryAs(PasswordField.class).getText()).as("typed password")
                .isEqualTo(agency.password());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#staffUserField").tryQuery().isPresent(), "the staff member's sign-in");
        StableRobot.type(robot, "#staffUserField", member.userId());
        StableRobot.type(robot, "#staffPasswordField", member.password());
        StableRobot.type(robot, "#staffRoomField", staffRoom);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#queueList").tryQuery().isPresent(), "the workspace");
    }

    /**
     * A new workstation of an account with a key backup says so at first start (an information, then the backup
     * dialog): a lead who does not read citizens' messages here acknowledges it and closes the dialog.
     */
    static void acknowledgeBackupGuide(FxRobot robot) {
        waitUntil(() -> robot.lookup(".dialog-pane .button").match(n -> n instanceof javafx.scene.control.Button b
                && b.getText().equals("OK")).tryQuery().isPresent(), "the key backup hint of a new workstation");
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> n instanceof javafx.scene.control.Button b
                && b.getText().equals("OK")).queryButton());
        waitUntil(() -> robot.lookup(".dialog-pane .button").match(n -> n instanceof javafx.scene.control.Button b
                && b.getText().equals("Close")).tryQuery().isPresent(), "the key backup dialog");
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> n instanceof javafx.scene.control.Button b
                && b.getText().equals("Close")).queryButton());
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty(), "the key backup dialog closed");
    }

    static void shortcut(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        KeyCode[] reversed = new KeyCode[keys.length];
        for (int i = 0; i < keys.length; i++) {
            reversed[i] = keys[keys.length - 1 - i];
        }
        robot.release(reversed);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Selects the case's row in whichever saved view (Ctrl+1 … Ctrl+7) lists it; waits for its conversation. */
    static void openCase(FxRobot robot, String roomId) throws Exception {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7};
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (System.nanoTime() < deadline) {
            for (KeyCode digit : digits) {
                shortcut(robot, KeyCode.CONTROL, digit);
                @SuppressWarnings("unchecked")
                ListView<QueueEntry> queue = (ListView<QueueEntry>) robot.lookup("#queueList").query();
                int index = WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
                    for (int i = 0; i < queue.getItems().size(); i++) {
                        if (queue.getItems().get(i) instanceof QueueEntry.CaseRow row && row.roomId().equals(roomId)) {
                            return i;
                        }
                    }
                    return -1;
                });
                if (index >= 0) {
                    robot.interact(() -> {
                        queue.requestFocus();
                        queue.getSelectionModel().clearAndSelect(index);
                    });
                    waitUntil(() -> robot.lookup("#timeline").tryQuery().isPresent(), "the conversation of the case");
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no saved view lists the case of " + roomId);
    }

    static void waitUntil(Callable<Boolean> condition, String what) {
        waitUntil(condition, () -> what, 45);
    }

    static void waitUntil(Callable<Boolean> condition, Supplier<String> what) {
        waitUntil(condition, what, 45);
    }

    static void waitUntil(Callable<Boolean> condition, Supplier<String> what, int seconds) {
        try {
            // A query can meet a node that is being detached while the screen changes: that just means "not yet".
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                try {
                    return condition.call();
                } catch (RuntimeException e) {
                    return false;
                }
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what.get(), e);
        }
    }
}
