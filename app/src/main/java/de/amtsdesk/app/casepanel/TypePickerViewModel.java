package de.amtsdesk.app.casepanel;

import de.amtsdesk.core.cases.catalogue.PublicService;
import de.amtsdesk.core.cases.catalogue.ServiceCatalogue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Type-ahead over the service catalogue: every word typed must occur in the service's or its life situation's
 * name; names starting with the first word come first. A caseworker types "wohn" and picks from a handful instead
 * of scrolling 575 entries.
 */
public final class TypePickerViewModel {

    /** One choice: the service key and "Life situation › Service". */
    public record Choice(String key, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final int LIMIT = 60;

    private final ServiceCatalogue catalogue;
    private final Locale locale;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();

    public TypePickerViewModel(ServiceCatalogue catalogue, Locale locale) {
        this.catalogue = catalogue;
        this.locale = locale;
        query.addListener((obs, old, now) -> filter());
        filter();
    }

    private void filter() {
        String[] words = (query.get() == null ? "" : query.get()).strip().toLowerCase(locale).split("\\s+");
        List<Choice> matches = new ArrayList<>();
        List<Choice> prefixed = new ArrayList<>();
        for (PublicService service : catalogue.services()) {
            String name = service.name(locale);
            String group = catalogue.group(service.groupKey()).map(g -> g.name(locale)).orElse("");
            String haystack = (name + " " + group + " " + service.key()).toLowerCase(locale);
            boolean all = true;
            for (String word : words) {
                if (!word.isEmpty() && !haystack.contains(word)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                Choice choice = new Choice(service.key(), group.isEmpty() ? name : group + " › " + name);
                (name.toLowerCase(locale).startsWith(words[0]) && !words[0].isEmpty() ? prefixed : matches)
                        .add(choice);
            }
        }
        prefixed.sort(Comparator.comparing(Choice::label));
        matches.sort(Comparator.comparing(Choice::label));
        prefixed.addAll(matches);
        choices.setAll(prefixed.size() > LIMIT ? prefixed.subList(0, LIMIT) : prefixed);
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Choice> choices() {
        return choices;
    }
}
