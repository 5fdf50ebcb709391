package de.amtsdesk.app.composer;

import de.amtsdesk.app.pickers.SearchPicker;
import de.amtsdesk.core.i18n.Translations;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
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
        SearchPicker<MacroPickerViewModel.Choice> picker = new SearchPicker<>("macro", new SearchPicker.Texts(
                text.get("macro.search"), text.get("macro.choices"), null, text.get("macro.none")),
                viewModel.queryProperty(), viewModel.choices(), 160);
        picker.list().getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                viewModel.highlight(now));
        viewModel.highlight(picker.selected());
        // What the macro will do, in words; read out with the selection (accessible text follows the summary).
        Label summary = new Label();
        summary.setId("macroSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.accessibleTextProperty().bind(viewModel.summaryProperty());
        TextArea preview = SearchPicker.readOnlyText("macroPreview", text.get("macro.preview"),
                viewModel.previewProperty());
        VBox content = new VBox(6);
        content.getChildren().setAll(picker.nodes());
        content.getChildren().addAll(SearchPicker.labelFor(text.get("macro.summary"), summary), summary,
                SearchPicker.labelFor(text.get("macro.preview"), preview), preview,
                SearchPicker.warning("macroMissing", viewModel.missingProperty()));
        var blocked = Bindings.createBooleanBinding(() -> picker.selected() == null || !picker.selected().runnable(),
                picker.list().getSelectionModel().selectedItemProperty());
        return picker.show(owner, text.get("macro.title"), text.get("macro.run"), text.get("dialog.cancel"),
                content, blocked, choice -> choice);
    }
}
