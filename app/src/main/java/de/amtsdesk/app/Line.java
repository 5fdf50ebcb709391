package de.amtsdesk.app;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One line of a table that a background projection keeps current (the lead desk's workload, the SLA report): the same
 * object for as long as its key is shown, showing the current row for that key. See {@link Lines} for why.
 *
 * @param <R> the immutable row the view model projects
 */
public final class Line<R> {

    private final Object key;
    private final ReadOnlyObjectWrapper<R> row;

    Line(Object key, R row) {
        this.key = key;
        this.row = new ReadOnlyObjectWrapper<>(this, "row", row);
    }

    /** What identifies the line (a person's user ID, a case type's key). */
    public Object key() {
        return key;
    }

    public R row() {
        return row.get();
    }

    public ReadOnlyObjectProperty<R> rowProperty() {
        return row.getReadOnlyProperty();
    }

    /** An equal row changes nothing, so no cell is touched. */
    void show(R next) {
        if (!next.equals(row.get())) {
            row.set(next);
        }
    }

    @Override
    public String toString() {
        return String.valueOf(row.get());
    }
}
