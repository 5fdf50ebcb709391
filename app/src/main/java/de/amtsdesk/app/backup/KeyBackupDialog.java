package de.amtsdesk.app.backup;

import de.amtsdesk.app.Dialogs;
import de.amtsdesk.app.LogLocation;
import de.amtsdesk.core.engine.AgencyEngine;
import de.amtsdesk.core.engine.KeyBackupExistsException;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.matrix.MatrixException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.print.PrinterJob;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key backup for the functional account. Shows the state first (version, keys backed up of how many); offers
 * "set up" only when the account has no backup, "restore" when this workstation does not back up to the server's
 * version, and "replace" only behind an explicit warning. A new recovery key is shown in 4-character blocks with copy
 * and print, and the dialog closes only once the key has been typed back.
 */
public final class KeyBackupDialog {

    private static final Logger LOG = LoggerFactory.getLogger(KeyBackupDialog.class);

    private final Window owner;
    private final Translations text;
    private final AgencyEngine engine;
    private final Executor background;
    private final Executor ui;
    private final String unitName;
    private final ButtonType create;
    private final ButtonType restore;
    private final ButtonType replace;

    public KeyBackupDialog(Window owner, Translations text, AgencyEngine engine, Executor background, Executor ui,
            String unitName) {
        this.owner = owner;
        this.text = text;
        this.engine = engine;
        this.background = background;
        this.ui = ui;
        this.unitName = unitName;
        this.create = new ButtonType(text.get("backup.create"), ButtonBar.ButtonData.OTHER);
        this.restore = new ButtonType(text.get("backup.restore"), ButtonBar.ButtonData.OTHER);
        this.replace = new ButtonType(text.get("backup.replace"), ButtonBar.ButtonData.OTHER);
    }

    public void open() {
        KeyBackupViewModel vm = new KeyBackupViewModel(text);
        Alert choice = choiceDialog(vm);
        refresh(vm);
        choice.showAndWait().ifPresent(button -> {
            if (button == create) {
                createBackup(vm);
            } else if (button == restore) {
                askForRecoveryKey();
            } else if (button == replace) {
                confirmReplacement(vm);
            }
        });
    }

    /** The first dialog (state and the actions that make sense); package-visible for the accessibility test. */
    Alert choiceDialog(KeyBackupViewModel vm) {
        ButtonType close = Dialogs.close(text);
        Label state = new Label();
        state.setWrapText(true);
        state.textProperty().bind(vm.stateProperty());
        state.setMaxWidth(700);
        state.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label intro = new Label(text.get("backup.intro"));
        intro.setWrapText(true);
        intro.setMaxWidth(700);
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Alert choice = new Alert(Alert.AlertType.NONE, "", create, restore, replace, close);
        choice.initOwner(owner);
        choice.setTitle(text.get("backup.title"));
        choice.setHeaderText(null);
        // Long texts as wrapped labels in a fixed width: a header text does not wrap and pushed the dialog off-screen.
        choice.getDialogPane().setContent(new VBox(12, intro, state));
        choice.getDialogPane().setPrefWidth(760);
        choice.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        choice.getDialogPane().lookupButton(create).disableProperty().bind(vm.canSetUpProperty().not());
        choice.getDialogPane().lookupButton(restore).disableProperty().bind(vm.canRestoreProperty().not());
        choice.getDialogPane().lookupButton(replace).disableProperty().bind(vm.canReplaceProperty().not());
        // Enter closes: no action of this dialog should happen by a stray key press.
        for (ButtonType type : List.of(create, restore, replace)) {
            ((Button) choice.getDialogPane().lookupButton(type)).setDefaultButton(false);
        }
        ((Button) choice.getDialogPane().lookupButton(close)).setDefaultButton(true);
        // The state arrives after the dialog is shown: let the window grow with it instead of clipping the buttons.
        state.textProperty().addListener((obs, old, now) -> {
            var scene = choice.getDialogPane().getScene();
            if (scene != null && scene.getWindow() != null) {
                scene.getWindow().sizeToScene();
            }
        });
        return choice;
    }

    private void refresh(KeyBackupViewModel vm) {
        background.execute(() -> {
            try {
                var status = engine.keyBackupStatus();
                ui.execute(() -> vm.showStatus(status));
            } catch (MatrixException | RuntimeException e) {
                LOG.warn("key backup state unavailable: {}", e.getClass().getSimpleName());
                ui.execute(vm::showStatusUnavailable);
            }
        });
    }

    private void createBackup(KeyBackupViewModel vm) {
        background.execute(() -> {
            try {
                String key = engine.setUpKeyBackup();
                ui.execute(() -> showRecoveryKey(vm, key));
            } catch (KeyBackupExistsException e) {
                ui.execute(() -> inform(Alert.AlertType.WARNING, text.get("backup.exists", e.version())));
            } catch (MatrixException | RuntimeException e) {
                LOG.warn("key backup not created: {}", e.getClass().getSimpleName());
                ui.execute(() -> inform(Alert.AlertType.ERROR, text.get("backup.createFailed", LogLocation.directory())));
            }
        });
    }

    private void confirmReplacement(KeyBackupViewModel vm) {
        ButtonType yes = new ButtonType(text.get("backup.replace.confirm"), ButtonBar.ButtonData.OTHER);
        ButtonType no = Dialogs.cancel(text);
        Alert warning = new Alert(Alert.AlertType.WARNING, vm.replaceWarning(), no, yes);
        warning.initOwner(owner);
        warning.setTitle(text.get("backup.title"));
        warning.setHeaderText(null);
        // Cancel is the default: Enter on this dialog never replaces a backup.
        ((Button) warning.getDialogPane().lookupButton(no)).setDefaultButton(true);
        ((Button) warning.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        warning.showAndWait().filter(yes::equals).ifPresent(b -> background.execute(() -> {
            try {
                String key = engine.replaceKeyBackup(vm.serverVersion());
                ui.execute(() -> showRecoveryKey(vm, key));
            } catch (MatrixException | RuntimeException e) {
                LOG.warn("key backup not replaced: {}", e.getClass().getSimpleName());
                ui.execute(() -> inform(Alert.AlertType.ERROR, text.get("backup.createFailed", LogLocation.directory())));
            }
        }));
    }

    private void showRecoveryKey(KeyBackupViewModel vm, String key) {
        vm.showNewRecoveryKey(key);
        recoveryKeyDialog(vm).showAndWait();
    }

    /** Shows a new recovery key until it is typed back; package-visible for the accessibility test. */
    Alert recoveryKeyDialog(KeyBackupViewModel vm) {
        TextArea area = new TextArea(vm.groupedRecoveryKey());
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(3);
        area.setStyle("-fx-font-family: monospace; -fx-font-size: 16px;");
        area.setAccessibleText(text.get("backup.key.accessible"));
        Button copy = new Button(text.get("backup.key.copy"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.groupedRecoveryKey());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button print = new Button(text.get("backup.key.printButton"));
        print.setOnAction(e -> print(vm));
        Label confirmLabel = new Label(vm.confirmationHint());
        confirmLabel.setWrapText(true);
        confirmLabel.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        TextField confirm = new TextField();
        confirm.textProperty().bindBidirectional(vm.confirmationProperty());
        confirmLabel.setLabelFor(confirm);
        confirm.setAccessibleText(vm.confirmationHint());
        Label keyLabel = new Label(text.get("backup.key.accessible"));
        keyLabel.setLabelFor(area);
        VBox content = new VBox(10, keyLabel, area, new HBox(8, copy, print), confirmLabel, confirm);
        ButtonType done = new ButtonType(text.get("backup.key.done"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", done);
        alert.initOwner(owner);
        alert.setTitle(text.get("backup.title"));
        alert.setHeaderText(text.get("backup.key.header"));
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setPrefWidth(640);
        alert.getDialogPane().lookupButton(done).disableProperty().bind(vm.keyConfirmedProperty().not());
        // No way out (Escape, window close) before the key was typed back: it is shown only this once.
        alert.setOnCloseRequest(e -> {
            if (!vm.keyConfirmedProperty().get()) {
                e.consume();
            }
        });
        return alert;
    }

    private void print(KeyBackupViewModel vm) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            inform(Alert.AlertType.WARNING, text.get("backup.key.noPrinter"));
            return;
        }
        Label page = new Label(vm.printableRecoveryKey(unitName, LocalDate.now()));
        page.setWrapText(true);
        page.setStyle("-fx-font-family: monospace; -fx-font-size: 14px;");
        if (job.showPrintDialog(owner) && job.printPage(page)) {
            job.endJob();
        }
    }

    private void askForRecoveryKey() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("backup.title"));
        dialog.setHeaderText(text.get("backup.enterKey"));
        dialog.getEditor().setAccessibleText(text.get("backup.key.accessible"));
        // TextInputDialog brings OK/Cancel in the JVM's language: use the app's.
        dialog.getDialogPane().getButtonTypes().setAll(Dialogs.ok(text), Dialogs.cancel(text));
        dialog.showAndWait().map(String::strip).filter(k -> !k.isEmpty()).ifPresent(this::restoreInBackground);
    }

    /**
     * The restore runs on the background executor; a window that does not block the main window shows its progress
     * (a backup of 100,000 keys takes a while) and can be sent away while the caseworker goes on working.
     */
    private void restoreInBackground(String key) {
        KeyBackupViewModel progress = new KeyBackupViewModel(text);
        progress.restoreStarted();
        Alert window = progressWindow(progress);
        window.show();
        background.execute(() -> {
            try {
                int imported = engine.restoreKeyBackup(key, (read, total) ->
                        ui.execute(() -> progress.restoreProgressed(read, total)));
                ui.execute(() -> {
                    window.close();
                    inform(Alert.AlertType.INFORMATION, text.get("backup.restored", imported));
                });
            } catch (MatrixException | RuntimeException e) {
                LOG.warn("key backup not restored: {}", e.getClass().getSimpleName());
                ui.execute(() -> {
                    window.close();
                    inform(Alert.AlertType.ERROR, text.get("backup.restoreFailed"));
                });
            }
        });
    }

    Alert progressWindow(KeyBackupViewModel progress) {
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(progress.restoreProgressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setAccessibleText(text.get("backup.restoring.accessible"));
        Label status = new Label();
        status.textProperty().bind(progress.restoreProgressTextProperty());
        status.setLabelFor(bar);
        Label hint = new Label(text.get("backup.restoring.hint"));
        hint.setWrapText(true);
        VBox content = new VBox(8, status, bar, hint);
        content.setPrefWidth(420);
        ButtonType hide = new ButtonType(text.get("backup.restoring.hide"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert window = new Alert(Alert.AlertType.NONE, "", hide);
        window.initOwner(owner);
        window.initModality(Modality.NONE);
        window.setTitle(text.get("backup.restoring.title"));
        window.setHeaderText(null);
        window.getDialogPane().setContent(content);
        return window;
    }

    private void inform(Alert.AlertType type, String message) {
        Alert alert = new Alert(type, message, Dialogs.ok(text));
        alert.initOwner(owner);
        alert.setTitle(text.get("backup.title"));
        alert.setHeaderText(null);
        alert.show();
    }
}
