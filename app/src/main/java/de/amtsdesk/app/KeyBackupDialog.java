package de.amtsdesk.app;

import de.amtsdesk.core.engine.AgencyEngine;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.matrix.MatrixException;
import java.util.concurrent.Executor;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key backup for the functional account, started explicitly from the workspace: the first workstation creates the
 * backup and shows the recovery key once (to be kept by the admin); a new workstation restores with it and can then
 * read conversations that began before it existed.
 */
final class KeyBackupDialog {

    private static final Logger LOG = LoggerFactory.getLogger(KeyBackupDialog.class);

    private final Window owner;
    private final Translations text;
    private final AgencyEngine engine;
    private final Executor background;
    private final Executor ui;

    KeyBackupDialog(Window owner, Translations text, AgencyEngine engine, Executor background, Executor ui) {
        this.owner = owner;
        this.text = text;
        this.engine = engine;
        this.background = background;
        this.ui = ui;
    }

    void open() {
        ButtonType create = new ButtonType(text.get("backup.create"), ButtonBar.ButtonData.LEFT);
        ButtonType restore = new ButtonType(text.get("backup.restore"), ButtonBar.ButtonData.OK_DONE);
        Alert choice = new Alert(Alert.AlertType.CONFIRMATION, text.get("backup.intro"), create, restore,
                ButtonType.CANCEL);
        choice.initOwner(owner);
        choice.setTitle(text.get("backup.title"));
        choice.setHeaderText(null);
        choice.showAndWait().ifPresent(button -> {
            if (button == create) {
                createBackup();
            } else if (button == restore) {
                askForRecoveryKey();
            }
        });
    }

    private void createBackup() {
        background.execute(() -> {
            try {
                String key = engine.setUpKeyBackup();
                ui.execute(() -> showRecoveryKey(key));
            } catch (MatrixException | RuntimeException e) {
                LOG.warn("key backup not created: {}", e.getClass().getSimpleName());
                ui.execute(() -> inform(Alert.AlertType.ERROR, text.get("backup.createFailed")));
            }
        });
    }

    private void showRecoveryKey(String key) {
        TextArea area = new TextArea(key);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(3);
        area.setAccessibleText(text.get("backup.key.accessible"));
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle(text.get("backup.title"));
        alert.setHeaderText(text.get("backup.key.header"));
        alert.getDialogPane().setContent(area);
        alert.showAndWait();
    }

    private void askForRecoveryKey() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("backup.title"));
        dialog.setHeaderText(text.get("backup.enterKey"));
        dialog.getEditor().setAccessibleText(text.get("backup.key.accessible"));
        dialog.showAndWait().map(String::strip).filter(k -> !k.isEmpty()).ifPresent(key -> background.execute(() -> {
            try {
                int imported = engine.restoreKeyBackup(key);
                ui.execute(() -> inform(Alert.AlertType.INFORMATION, text.get("backup.restored", imported)));
            } catch (MatrixException | RuntimeException e) {
                LOG.warn("key backup not restored: {}", e.getClass().getSimpleName());
                ui.execute(() -> inform(Alert.AlertType.ERROR, text.get("backup.restoreFailed")));
            }
        }));
    }

    private void inform(Alert.AlertType type, String message) {
        Alert alert = new Alert(type, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(text.get("backup.title"));
        alert.setHeaderText(null);
        alert.show();
    }
}
