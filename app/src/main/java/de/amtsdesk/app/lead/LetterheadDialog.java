package de.amtsdesk.app.lead;

import de.amtsdesk.app.Dialogs;
import de.amtsdesk.core.i18n.Translations;
import javafx.event.ActionEvent;
import javafx.scene.AccessibleRole;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The lead's form for the unit's letterhead ({@link LetterheadViewModel}); OK stays open while it is not valid. */
public final class LetterheadDialog {

    private LetterheadDialog() {
    }

    /** The form without the dialog (audited on its own). */
    public static VBox content(Translations text, LetterheadViewModel vm) {
        TextField name = new TextField();
        name.setId("letterheadName");
        name.setPrefColumnCount(36);
        name.textProperty().bindBidirectional(vm.nameProperty());
        Label nameLabel = new Label(text.get("lead.letterhead.name"));
        nameLabel.setMnemonicParsing(true);
        nameLabel.setLabelFor(name);
        TextArea address = new TextArea();
        address.setId("letterheadAddress");
        address.setPrefRowCount(4);
        address.setPrefColumnCount(36);
        address.textProperty().bindBidirectional(vm.addressProperty());
        Label addressLabel = new Label(text.get("lead.letterhead.address"));
        addressLabel.setMnemonicParsing(true);
        addressLabel.setLabelFor(address);
        Label problem = new Label();
        problem.setId("letterheadProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("error-message");
        problem.setAccessibleRole(AccessibleRole.TEXT);
        problem.textProperty().bind(vm.problemProperty());
        Label hint = new Label(text.get("lead.letterhead.hint"));
        hint.setWrapText(true);
        return new VBox(6, hint, nameLabel, name, addressLabel, address, problem);
    }

    public static void edit(Window owner, Translations text, LetterheadViewModel vm) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(text.get("lead.letterhead.title"));
        ButtonType ok = Dialogs.ok(text);
        dialog.getDialogPane().getButtonTypes().setAll(ok, Dialogs.cancel(text));
        dialog.getDialogPane().setContent(content(text, vm));
        // Invalid input keeps the dialog open with the reason under the fields; nothing typed is lost.
        dialog.getDialogPane().lookupButton(ok).addEventFilter(ActionEvent.ACTION, event -> {
            if (!vm.save()) {
                event.consume();
            }
        });
        dialog.showAndWait();
    }
}
