package de.amtsdesk.app.casepanel;

import de.amtsdesk.app.pickers.SearchPicker;
import de.amtsdesk.core.i18n.Translations;
import java.util.Optional;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The case-type picker: a search field over the catalogue and the matches; Enter or double click picks. */
public final class TypePickerDialog {

    private TypePickerDialog() {
    }

    /** The dialog's content without the dialog, so it can be audited (labels, names, keyboard) on its own. */
    public record Content(VBox root, TextField query, ListView<TypePickerViewModel.Choice> list,
            SearchPicker<TypePickerViewModel.Choice> picker) {
    }

    public static Content content(Translations text, TypePickerViewModel viewModel) {
        SearchPicker<TypePickerViewModel.Choice> picker = new SearchPicker<>("type", new SearchPicker.Texts(
                text.get("type.search"), text.get("type.choices"), text.get("type.prompt"), null),
                viewModel.queryProperty(), viewModel.choices(), 320);
        VBox root = new VBox(6);
        root.getChildren().setAll(picker.nodes());
        return new Content(root, picker.query(), picker.list(), picker);
    }

    public static Optional<String> pick(Window owner, Translations text, TypePickerViewModel viewModel) {
        Content content = content(text, viewModel);
        return content.picker().show(owner, text.get("type.title"), text.get("type.choose"),
                text.get("dialog.cancel"), content.root(), content.picker().nothingSelected(),
                TypePickerViewModel.Choice::key);
    }
}
