package de.amtsdesk.app.composer;

import de.amtsdesk.app.pickers.SearchPicker;
import de.amtsdesk.core.i18n.Translations;
import java.util.Optional;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Ctrl+Space or "::" in the reply field: pick a template, see it filled in, insert it. */
public final class TemplatePickerDialog {

    private TemplatePickerDialog() {
    }

    /** The dialog's content without the dialog, so it can be audited (labels, names, keyboard) on its own. */
    public record Content(VBox root, TextField query, ListView<TemplatePickerViewModel.Choice> list,
            SearchPicker<TemplatePickerViewModel.Choice> picker) {
    }

    public static Content content(Translations text, TemplatePickerViewModel viewModel) {
        SearchPicker<TemplatePickerViewModel.Choice> picker = new SearchPicker<>("template", new SearchPicker.Texts(
                text.get("template.search"), text.get("template.choices"), null, text.get("template.none")),
                viewModel.queryProperty(), viewModel.choices(), 180);
        // The selection drives the preview; the first choice is selected before this listener exists.
        picker.list().getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                viewModel.highlight(now));
        viewModel.highlight(picker.selected());
        TextArea preview = SearchPicker.readOnlyText("templatePreview", text.get("template.preview"),
                viewModel.previewProperty());
        VBox root = new VBox(6);
        root.getChildren().setAll(picker.nodes());
        root.getChildren().addAll(SearchPicker.labelFor(text.get("template.preview"), preview), preview,
                SearchPicker.warning("templateMissing", viewModel.missingProperty()));
        return new Content(root, picker.query(), picker.list(), picker);
    }

    public static Optional<TemplatePickerViewModel.Choice> pick(Window owner, Translations text,
            TemplatePickerViewModel viewModel) {
        Content content = content(text, viewModel);
        return content.picker().show(owner, text.get("template.title"), text.get("template.insert"),
                text.get("dialog.cancel"), content.root(), content.picker().nothingSelected(), choice -> choice);
    }
}
