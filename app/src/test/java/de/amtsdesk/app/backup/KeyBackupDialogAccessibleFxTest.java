package de.amtsdesk.app.backup;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.a11y.SceneAudit;
import de.amtsdesk.app.a11y.Screens;
import de.amtsdesk.core.i18n.Translations;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The key backup dialogs through the same audit as the screens, in both languages; their buttons in the app's. */
@ExtendWith(ApplicationExtension.class)
class KeyBackupDialogAccessibleFxTest {

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void bothDialogsPassTheAuditWithUniqueMnemonicsInBothLanguages(FxRobot robot) {
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            Translations text = Screens.text(locale);
            robot.interact(() -> {
                KeyBackupDialog dialogs = new KeyBackupDialog(null, text, null, Runnable::run, Runnable::run, "@amt:l");
                KeyBackupViewModel vm = new KeyBackupViewModel(text);
                Alert choice = dialogs.choiceDialog(vm);
                SceneAudit.assertAccessible(choice.getDialogPane());
                vm.showNewRecoveryKey("EsTc abcd efgh");
                Alert key = dialogs.recoveryKeyDialog(vm);
                SceneAudit.assertAccessible(key.getDialogPane());
                assertThat(choice.getButtonTypes()).extracting(ButtonType::getText)
                        .contains(text.get("dialog.close"));
            });
        }
    }

    @Test
    void theRestoreProgressWindowPassesTheAuditAndSaysHowFarItIs(FxRobot robot) throws Exception {
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            Translations text = Screens.text(locale);
            javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
            robot.interact(() -> {
                KeyBackupDialog dialogs = new KeyBackupDialog(null, text, null, Runnable::run, Runnable::run, "@amt:l");
                KeyBackupViewModel vm = new KeyBackupViewModel(text);
                vm.restoreStarted();
                Alert window = dialogs.progressWindow(vm);
                assertThat(window.getModality()).as("the main window stays usable").isEqualTo(
                        javafx.stage.Modality.NONE);
                vm.restoreProgressed(42_000, 100_000);
                SceneAudit.assertAccessible(window.getDialogPane());
                javafx.scene.control.ProgressBar bar = (javafx.scene.control.ProgressBar)
                        window.getDialogPane().lookup(".progress-bar");
                assertThat(bar.getProgress()).isEqualTo(0.42);
                assertThat(window.getDialogPane().lookupAll(".label")).extracting(n -> ((javafx.scene.control.Label) n)
                        .getText()).contains(text.get("backup.restoring.progress", 42_000, 100_000));
                window.getDialogPane().applyCss();
                window.getDialogPane().layout();
                shot[0] = window.getDialogPane().snapshot(null, null);
            });
            java.nio.file.Path out = java.nio.file.Path.of("target", "screenshots", "screenshot-restore-progress"
                    + (locale == Locale.ENGLISH ? "-en" : "") + ".png");
            de.amtsdesk.app.a11y.Pictures.writePng(shot[0], out);
            assertThat(java.nio.file.Files.size(out)).isGreaterThan(3_000);
        }
    }

    @Test
    void setUpAndReplaceNoLongerShareALetter() {
        // They did: Alt+E in German (Sicherung _einrichten / Sicherung _ersetzen), Alt+R in English.
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            Translations text = Screens.text(locale);
            assertThat(mnemonic(text.get("backup.create"))).isNotEqualTo(mnemonic(text.get("backup.replace")))
                    .isNotEqualTo(mnemonic(text.get("backup.restore")));
        }
    }

    private static char mnemonic(String text) {
        return Character.toUpperCase(text.charAt(text.indexOf('_') + 1));
    }
}
