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
