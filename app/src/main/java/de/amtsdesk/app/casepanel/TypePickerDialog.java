package de.amtsdesk.app.casepanel;

import de.amtsdesk.core.i18n.Translations;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The case-type picker: a search field over the catalogue and the matches; Enter or double click picks. */
public final class TypePickerDialog {

    private TypePickerDialog() {
    }

    /** The dialog's content without the dialog, so it can be audited (labels, names, keyboard) on its own. */
    public record Content(VBox root, TextField query, ListView<TypePickerViewModel.Choice> list) {
    }

    public static Content content(Translations text, TypePickerViewModel viewModel) {
        TextField query = new TextField();
        query.setId("typeQuery");
        query.setPromptText(text.get("type.prompt"));
        query.setAccessibleText(text.get("type.prompt"));
        query.textProperty().bindBidirectional(viewModel.queryProperty());
        Label queryLabel = new Label(text.get("type.search"));
        queryLabel.setLabelFor(query);
        ListView<TypePickerViewModel.Choice> list = new ListView<>(viewModel.choices());
        list.setId("typeChoices");
        list.setAccessibleText(text.get("type.choices"));
        list.setPrefSize(520, 320);
        Label listLabel = new Label(text.get("type.choices"));
        listLabel.setLabelFor(list);
        viewModel.choices().addListener((javafx.collections.ListChangeListener<TypePickerViewModel.Choice>) c -> {
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
        return new Content(new VBox(6, queryLabel, query, listLabel, list), query, list);
    }

    public static Optional<String> pick(Window owner, Translations text, TypePickerViewModel viewModel) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("type.title"));
        ButtonType choose = new ButtonType(text.get("type.choose"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(text.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(choose, cancel);
        Content content = content(text, viewModel);
        ListView<TypePickerViewModel.Choice> list = content.list();
        TextField query = content.query();
        list.setOnMouseClicked(click -> {
            if (click.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                dialog.setResult(list.getSelectionModel().getSelectedItem().key());
                dialog.close();
            }
        });
        dialog.getDialogPane().lookupButton(choose).disableProperty().bind(
                list.getSelectionModel().selectedItemProperty().isNull());
        dialog.getDialogPane().setContent(content.root());
        dialog.setResultConverter(button -> button == choose && list.getSelectionModel().getSelectedItem() != null
                ? list.getSelectionModel().getSelectedItem().key() : null);
        Platform.runLater(query::requestFocus);
        return dialog.showAndWait();
    }
}
