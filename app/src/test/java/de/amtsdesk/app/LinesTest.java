package de.amtsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** A table's lines: the list changes only when keys come or go; a changed row changes its line, not the list. */
class LinesTest {

    record Row(String key, int open) {
    }

    private final Lines<Row> lines = new Lines<>(Row::key);
    private final List<String> listChanges = new ArrayList<>();

    LinesTest() {
        lines.shown().addListener((ListChangeListener<Line<Row>>) c -> listChanges.add(c.toString()));
    }

    private List<Row> shownRows() {
        return lines.shown().stream().map(Line::row).toList();
    }

    @Test
    void changedRowsChangeTheirLinesAndLeaveTheListAlone() {
        lines.show(List.of(new Row("anna", 1), new Row("ben", 2), new Row("cem", 3)));
        List<Line<Row>> first = List.copyOf(lines.shown());
        listChanges.clear();
        List<Row> annaSaw = new ArrayList<>();
        first.getFirst().rowProperty().addListener((obs, old, now) -> annaSaw.add(now));
        List<Row> benSaw = new ArrayList<>();
        first.get(1).rowProperty().addListener((obs, old, now) -> benSaw.add(now));

        lines.show(List.of(new Row("anna", 5), new Row("ben", 2), new Row("cem", 3)));

        assertThat(listChanges).isEmpty();
        assertThat(lines.shown()).containsExactlyElementsOf(first);
        assertThat(annaSaw).containsExactly(new Row("anna", 5));
        assertThat(benSaw).as("an equal row touches nothing").isEmpty();
        assertThat(shownRows()).containsExactly(new Row("anna", 5), new Row("ben", 2), new Row("cem", 3));
    }

    @Test
    void keysThatComeAndGoAreAddedAndRemovedAndTheOthersKeepTheirLines() {
        lines.show(List.of(new Row("anna", 1), new Row("ben", 2), new Row("cem", 3)));
        Line<Row> anna = lines.shown().getFirst();
        Line<Row> cem = lines.shown().get(2);

        lines.show(List.of(new Row("anna", 1), new Row("cem", 4), new Row("dora", 0)));

        assertThat(shownRows()).containsExactly(new Row("anna", 1), new Row("cem", 4), new Row("dora", 0));
        assertThat(lines.shown().getFirst()).isSameAs(anna);
        assertThat(lines.shown().get(1)).isSameAs(cem);
        assertThat(lines.find("ben")).isEmpty();
        assertThat(lines.find("dora")).map(Line::row).contains(new Row("dora", 0));
    }

    @Test
    void anOrderTheUserSortedStaysWhileTheKeysStay() {
        lines.show(List.of(new Row("anna", 1), new Row("ben", 2)));
        lines.shown().setAll(List.of(lines.shown().get(1), lines.shown().getFirst())); // the table sorted it

        lines.show(List.of(new Row("anna", 7), new Row("ben", 2)));

        assertThat(shownRows()).containsExactly(new Row("ben", 2), new Row("anna", 7));
    }

    @Test
    void twoRowsWithOneKeyAreBothShown() {
        lines.show(List.of(new Row("anna", 1), new Row("anna", 2)));
        lines.show(List.of(new Row("anna", 1), new Row("anna", 3)));

        assertThat(shownRows()).containsExactly(new Row("anna", 1), new Row("anna", 3));
    }
}
