package de.amtsdesk.app;

import de.amtsdesk.app.workspace.KeyedList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The items of a TableView whose rows a projection replaces: one stable {@link Line} per key, whose row property
 * changes, so that the list itself changes only when keys come or go.
 *
 * <p>Why: replacing an item in a TableView's items makes JavaFX 21's table skin treat it as "the items were cleared"
 * and throw away and rebuild every visible row and cell, styles included; so does a {@code setAll}. On the lead desk
 * (50,000 cases, 100 caseworkers) that rebuild was most of the FX work after each sync batch, in pulses of 20–30 ms
 * (JFR, stop 31). A changed line updates just the cells bound to its row property.
 *
 * <p>While the keys stay the same, the list is not touched at all, so an order the user chose by sorting the table
 * stays (the view sorts again after each update, see its {@code keepSorted}); when keys come or go, the list takes the
 * rows' order with the fewest edits ({@link KeyedList}).
 *
 * @param <R> the immutable row the view model projects
 */
public final class Lines<R> {

    /**
     * Beyond this many edits the list is replaced at once (a first fill). Tables of a few hundred lines (case types,
     * caseworkers) stay below it: edit by edit the table re-shows only the rows it shows, where a replacement makes
     * it re-show all of them and work out its row heights again.
     */
    private static final int BULK_EDITS = 1000;

    private final Function<R, ?> key;
    private final ObservableList<Line<R>> shown = FXCollections.observableArrayList();
    private Map<Object, Line<R>> byKey = new HashMap<>();

    public Lines(Function<R, ?> key) {
        this.key = key;
    }

    /** The list to give the table. */
    public ObservableList<Line<R>> shown() {
        return shown;
    }

    /** Shows {@code rows}, in their order; call on the FX thread. */
    public void show(List<R> rows) {
        Map<Object, Line<R>> next = HashMap.newHashMap(rows.size());
        List<Line<R>> inOrder = new ArrayList<>(rows.size());
        boolean sameKeys = rows.size() == byKey.size();
        for (R row : rows) {
            Object k = key.apply(row);
            for (int twin = 2; next.containsKey(k); twin++) {
                k = List.of(key.apply(row), twin); // two rows with one key (two people of one name): both shown
            }
            Line<R> line = byKey.get(k);
            if (line == null) {
                sameKeys = false;
                line = new Line<>(k, row);
            } else {
                line.show(row);
            }
            next.put(k, line);
            inOrder.add(line);
        }
        byKey = next;
        if (!sameKeys) {
            KeyedList.updateShown(shown, inOrder, Line::key, BULK_EDITS);
        }
    }

    /** The line shown for {@code key}, if any. */
    public java.util.Optional<Line<R>> find(Object key) {
        return java.util.Optional.ofNullable(byKey.get(key));
    }
}
