package de.amtsdesk.app.composer;

import de.amtsdesk.app.workspace.CaseDesk;
import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.TemplateValues;
import de.amtsdesk.core.cases.templates.TemplatePreview;
import de.amtsdesk.core.cases.templates.TemplateRenderer;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The template picker of the composer: the unit's templates for this case's type and the reply language, filtered
 * by what is typed, each previewed with the case's data filled in; placeholders without a value are named.
 */
public final class TemplatePickerViewModel {

    /** One template with its rendered text for this case. */
    public record Choice(String id, String title, TemplatePreview preview) {
        @Override
        public String toString() {
            return title;
        }
    }

    private final List<Choice> all;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper("");
    private final String missingLabel;

    /**
     * @param language the language of the reply (the citizen's, else the unit's default)
     * @param missingLabel pattern with {0} for the list of missing placeholders
     */
    public TemplatePickerViewModel(CaseDesk desk, Case c, Locale language, String missingLabel) {
        this.missingLabel = missingLabel;
        var book = desk.book();
        var values = TemplateValues.forCase(c, desk.me(), desk.catalogue(),
                de.amtsdesk.app.workspace.LocalFormats.formatLocale(language), book.staffRoom(),
                book.policy());
        this.all = book.templates().forCase(c.type(), language).stream()
                .map(t -> new Choice(t.id(), t.title(), TemplateRenderer.preview(t, values))).toList();
        query.addListener((obs, old, now) -> filter());
        filter();
    }

    private void filter() {
        String needle = query.get() == null ? "" : query.get().strip().toLowerCase(Locale.ROOT);
        choices.setAll(all.stream().filter(c -> needle.isEmpty() || c.title().toLowerCase(Locale.ROOT)
                .contains(needle) || c.id().toLowerCase(Locale.ROOT).contains(needle)).toList());
    }

    /** Updates the preview for the highlighted template. */
    public void highlight(Choice choice) {
        preview.set(choice == null ? "" : choice.preview().text());
        missing.set(choice == null || choice.preview().missing().isEmpty() ? ""
                : java.text.MessageFormat.format(missingLabel, String.join(", ", choice.preview().missing())));
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }
}
