package de.amtsdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class StyleClassesTest {

    private static final List<String> KINDS = List.of("queue-header", "queue-case", "queue-hit");

    private final ObservableList<String> classes = FXCollections.observableArrayList("list-cell");
    private final List<String> changes = new ArrayList<>();

    StyleClassesTest() {
        classes.addListener((ListChangeListener<String>) change -> changes.add(change.toString()));
    }

    @Test
    void theSameKindOfRowAgainChangesNothing() {
        StyleClasses.oneOf(classes, "queue-case", KINDS);
        changes.clear();

        StyleClasses.oneOf(classes, "queue-case", KINDS);
        StyleClasses.oneOf(classes, "queue-case", KINDS);

        assertEquals(List.of("list-cell", "queue-case"), classes);
        assertEquals(List.of(), changes, "no change event, so no new CSS match for the cell");
    }

    @Test
    void anotherKindReplacesTheOldOneAndKeepsForeignClasses() {
        StyleClasses.oneOf(classes, "queue-header", KINDS);
        StyleClasses.oneOf(classes, "queue-hit", KINDS);

        assertEquals(List.of("list-cell", "queue-hit"), classes);

        StyleClasses.oneOf(classes, null, KINDS);
        assertEquals(List.of("list-cell"), classes);
    }

    @Test
    void aClassOutsideTheFamilyIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> StyleClasses.oneOf(classes, "queue-typo", KINDS));
    }

    @Test
    void toggleOnlyChangesOnAChange() {
        StyleClasses.toggle(classes, "lead-full", true);
        changes.clear();
        StyleClasses.toggle(classes, "lead-full", true);
        assertEquals(List.of(), changes);

        StyleClasses.toggle(classes, "lead-full", false);
        StyleClasses.toggle(classes, "lead-full", false);
        assertEquals(List.of("list-cell"), classes);
        assertEquals(1, changes.size());
    }
}
