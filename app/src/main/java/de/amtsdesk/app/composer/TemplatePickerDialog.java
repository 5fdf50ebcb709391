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

/** Ctrl+Space or "::" in the reply field: pick a template, see it filled in, insert it. */
public final class TemplatePickerDialog {

    private TemplatePickerDialog() {
    }

    /** The dialog's content without the dialog, so it can be audited (labels, names, keyboard) on its own. */
    public record Content(VBox root, TextField query, ListView<TemplatePickerViewModel.Choice> list) {
    }

    public static Content content(Translations text, TemplatePickerViewModel viewModel) {
        TextField query = new TextField();
        query.setId("templateQuery");
        query.setAccessibleText(text.get("template.search"));
        query.textProperty().bindBidirectional(viewModel.queryProperty());
        Label queryLabel = new Label(text.get("template.search"));
        queryLabel.setLabelFor(query);
        ListView<TemplatePickerViewModel.Choice> list = new ListView<>(viewModel.choices());
        list.setId("templateChoices");
        list.setAccessibleText(text.get("template.choices"));
        list.setPrefSize(520, 180);
        list.setPlaceholder(new Label(text.get("template.none")));
        Label listLabel = new Label(text.get("template.choices"));
        listLabel.setLabelFor(list);
        TextArea preview = new TextArea();
        preview.setId("templatePreview");
        preview.setEditable(false);
        preview.setWrapText(true);
        preview.setPrefRowCount(6);
        // Reachable by Tab so a screen reader can read the filled-in text; Tab leaves it again (no trap).
        preview.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.TAB && !key.isControlDown()) {
                key.consume();
                preview.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                        KeyCode.TAB, key.isShiftDown(), true, false, false));
            }
        });
        preview.setAccessibleText(text.get("template.preview"));
        preview.textProperty().bind(viewModel.previewProperty());
        Label previewLabel = new Label(text.get("template.preview"));
        previewLabel.setLabelFor(preview);
        Label missing = new Label();
        missing.setId("templateMissing");
        missing.getStyleClass().add("warning");
        missing.setWrapText(true);
        missing.textProperty().bind(viewModel.missingProperty());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.highlight(now));
        viewModel.choices().addListener((javafx.collections.ListChangeListener<TemplatePickerViewModel.Choice>) c -> {
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
        return new Content(new VBox(6, queryLabel, query, listLabel, list, previewLabel, preview, missing), query,
                list);
    }

    public static Optional<TemplatePickerViewModel.Choice> pick(Window owner, Translations text,
            TemplatePickerViewModel viewModel) {
        Dialog<TemplatePickerViewModel.Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("template.title"));
        ButtonType insert = new ButtonType(text.get("template.insert"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(text.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(insert, cancel);
        Content content = content(text, viewModel);
        ListView<TemplatePickerViewModel.Choice> list = content.list();
        TextField query = content.query();
        dialog.getDialogPane().lookupButton(insert).disableProperty().bind(
                list.getSelectionModel().selectedItemProperty().isNull());
        dialog.getDialogPane().setContent(content.root());
        dialog.setResultConverter(button -> button == insert ? list.getSelectionModel().getSelectedItem() : null);
        Platform.runLater(query::requestFocus);
        return dialog.showAndWait();
    }
}
