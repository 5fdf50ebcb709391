package de.amtsdesk.app.composer;

import de.amtsdesk.core.i18n.Translations;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Ctrl+M in the reply field or "Makro …": pick one of the unit's macros, see what it will do on this case, run it.
 * Returns the chosen macro; the caller runs it ({@link MacroPickerViewModel#run}) and inserts the text.
 */
public final class MacroPickerDialog {

    private MacroPickerDialog() {
    }

    public static Optional<MacroPickerViewModel.Choice> pick(Window owner, Translations text,
            MacroPickerViewModel viewModel) {
        Dialog<MacroPickerViewModel.Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("macro.title"));
        ButtonType run = new ButtonType(text.get("macro.run"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(text.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(run, cancel);
        TextField query = new TextField();
        query.setId("macroQuery");
        query.setAccessibleText(text.get("macro.search"));
        query.textProperty().bindBidirectional(viewModel.queryProperty());
        Label queryLabel = new Label(text.get("macro.search"));
        queryLabel.setLabelFor(query);
        ListView<MacroPickerViewModel.Choice> list = new ListView<>(viewModel.choices());
        list.setId("macroChoices");
        list.setAccessibleText(text.get("macro.choices"));
        list.setPrefSize(520, 160);
        list.setPlaceholder(new Label(text.get("macro.none")));
        Label listLabel = new Label(text.get("macro.choices"));
        listLabel.setLabelFor(list);
        // What the macro will do, in words; read out with the selection (accessible text follows the summary).
        Label summary = new Label();
        summary.setId("macroSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.accessibleTextProperty().bind(viewModel.summaryProperty());
        Label summaryLabel = new Label(text.get("macro.summary"));
        summaryLabel.setLabelFor(summary);
        TextArea preview = new TextArea();
        preview.setId("macroPreview");
        preview.setEditable(false);
        preview.setWrapText(true);
        preview.setPrefRowCount(6);
        preview.setFocusTraversable(false);
        preview.setAccessibleText(text.get("macro.preview"));
        preview.textProperty().bind(viewModel.previewProperty());
        Label previewLabel = new Label(text.get("macro.preview"));
        previewLabel.setLabelFor(preview);
        Label missing = new Label();
        missing.setId("macroMissing");
        missing.getStyleClass().add("warning");
        missing.setWrapText(true);
        missing.textProperty().bind(viewModel.missingProperty());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.highlight(now));
        viewModel.choices().addListener((javafx.collections.ListChangeListener<MacroPickerViewModel.Choice>) c -> {
            if (!list.getItems().isEmpty()) {
                list.getSelectionModel().selectFirst();
            }
        });
        if (!list.getItems().isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
        query.setOnKeyPressed(key -> {
            if (key.getCode() == KeyCode.DOWN) {
                list.requestFocus();
                key.consume();
            }
        });
        dialog.getDialogPane().lookupButton(run).disableProperty().bind(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> {
                    MacroPickerViewModel.Choice chosen = list.getSelectionModel().getSelectedItem();
                    return chosen == null || !chosen.runnable();
                }, list.getSelectionModel().selectedItemProperty()));
        dialog.getDialogPane().setContent(new VBox(6, queryLabel, query, listLabel, list, summaryLabel, summary,
                previewLabel, preview, missing));
        dialog.setResultConverter(button -> button == run ? list.getSelectionModel().getSelectedItem() : null);
        Platform.runLater(query::requestFocus);
        return dialog.showAndWait();
    }
}
