package de.amtsdesk.app.lead;

import de.amtsdesk.core.i18n.Translations;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Type-ahead over the unit's caseworkers for assigning: every word typed must occur in the name or user ID; each
 * choice shows open cases, capacity and absence, because capacity and competence are advice the lead weighs (ADR
 * 0014), not rules the picker enforces.
 */
public final class AssigneePickerViewModel {

    /** One caseworker to choose; {@code label} is shown and spoken. */
    public record Choice(String userId, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final List<Choice> all;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();

    public AssigneePickerViewModel(List<WorkloadRow> caseworkers, Translations text) {
        this.all = caseworkers.stream().map(w -> new Choice(w.userId(), text.get("lead.picker.choice", w.name(),
                w.userId(), w.open(), w.capacityText()) + (w.state().isEmpty() ? "" : " · " + w.state()))).toList();
        query.addListener((obs, old, now) -> filter());
        filter();
    }

    private void filter() {
        String[] words = (query.get() == null ? "" : query.get()).strip().toLowerCase(Locale.ROOT).split("\\s+");
        choices.setAll(all.stream().filter(c -> {
            String haystack = c.label().toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (!word.isEmpty() && !haystack.contains(word)) {
                    return false;
                }
            }
            return true;
        }).toList());
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Choice> choices() {
        return choices;
    }
}
