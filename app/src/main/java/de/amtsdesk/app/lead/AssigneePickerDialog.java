package de.amtsdesk.app.lead;

import de.amtsdesk.app.pickers.SearchPicker;
import de.amtsdesk.core.i18n.Translations;
import java.util.Optional;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The assignee picker: type-ahead over the unit's caseworkers with their load; Enter or double click assigns. */
public final class AssigneePickerDialog {

    private AssigneePickerDialog() {
    }

    /** The dialog's content without the dialog (audited on its own). */
    public record Content(VBox root, SearchPicker<AssigneePickerViewModel.Choice> picker) {
    }

    public static Content content(Translations text, AssigneePickerViewModel viewModel) {
        SearchPicker<AssigneePickerViewModel.Choice> picker = new SearchPicker<>("assignee", new SearchPicker.Texts(
                text.get("lead.picker.search"), text.get("lead.picker.choices"), text.get("lead.picker.prompt"),
                text.get("lead.picker.none")), viewModel.queryProperty(), viewModel.choices(), 260);
        VBox root = new VBox(6);
        root.getChildren().setAll(picker.nodes());
        return new Content(root, picker);
    }

    public static Optional<String> pick(Window owner, Translations text, AssigneePickerViewModel viewModel) {
        Content content = content(text, viewModel);
        return content.picker().show(owner, text.get("lead.picker.title"), text.get("lead.picker.ok"),
                text.get("dialog.cancel"), content.root(), content.picker().nothingSelected(),
                AssigneePickerViewModel.Choice::userId);
    }
}
