package de.amtsdesk.app;

import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.control.TableRow;

/**
 * A table row showing a {@link Line}: a line's row changes without the table giving the row a new item, so this row
 * listens to the line it shows (and only to it) and shows the new row's spoken text, and whatever a subclass adds.
 *
 * @param <R> the line's row type
 */
public class FollowingRow<R> extends TableRow<Line<R>> {

    private final Function<R, String> accessibleText;
    private final InvalidationListener showLine = o -> show(shownRow());
    // Weak: a row the table throws away (it rebuilds its rows when lines come or go) must not be kept alive by the
    // line it showed last.
    private final InvalidationListener rowChanged = new WeakInvalidationListener(showLine);
    private Line<R> followed;

    public FollowingRow(Function<R, String> accessibleText) {
        this.accessibleText = accessibleText;
    }

    @Override
    protected void updateItem(Line<R> line, boolean empty) {
        super.updateItem(line, empty);
        Line<R> now = empty ? null : line;
        if (now != followed) {
            if (followed != null) {
                followed.rowProperty().removeListener(rowChanged);
            }
            followed = now;
            if (followed != null) {
                followed.rowProperty().addListener(rowChanged);
            }
        }
        show(shownRow());
    }

    /** The row this table row shows now; {@code null} when it is empty. */
    protected final R shownRow() {
        return followed == null ? null : followed.row();
    }

    /** Shows {@code row} (null: empty); subclasses add their styles and call this. */
    protected void show(R row) {
        setAccessibleText(row == null ? null : accessibleText.apply(row));
    }
}
