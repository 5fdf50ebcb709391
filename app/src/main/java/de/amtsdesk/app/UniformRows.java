package de.amtsdesk.app;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.beans.property.DoubleProperty;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;

/**
 * For lists whose rows all have the same shape (the lead desk's unassigned cases: two lines of the same font): once
 * a row has been laid out, its height becomes the list's fixed cell size. Without it, the virtual flow measures rows
 * to estimate the length of the whole list, and with 7,000 rows that made the layout after each sync batch cost up to
 * 50 ms of the FX thread. Measured, not assumed: the height follows the stylesheet, the user's font size and the high
 * contrast sheet; it is measured again when the style sheets of the scene change.
 */
public final class UniformRows {

    private UniformRows() {
    }

    public static void fixOnceMeasured(ListView<?> list) {
        new Measure(list, list.fixedCellSizeProperty(), ".list-cell").watch();
    }

    /** The same for a table whose rows are one line each (the SLA report's shares). */
    public static void fixOnceMeasured(TableView<?> table) {
        new Measure(table, table.fixedCellSizeProperty(), ".table-row-cell").watch();
    }

    private static final class Measure implements Runnable {
        private final Control list;
        private final DoubleProperty fixedCellSize;
        private final String rows;
        private final ListChangeListener<String> restyled = change -> again();
        private Scene scene;
        private volatile boolean measured; // only the FX thread uses it; volatile satisfies the thread checker

        Measure(Control list, DoubleProperty fixedCellSize, String rows) {
            this.list = list;
            this.fixedCellSize = fixedCellSize;
            this.rows = rows;
        }

        void watch() {
            list.sceneProperty().addListener((obs, old, now) -> follow(now));
            follow(list.getScene());
        }

        private void follow(Scene now) {
            if (scene != null) {
                scene.removePostLayoutPulseListener(this);
                scene.getStylesheets().removeListener(restyled);
            }
            scene = now;
            if (scene != null) {
                scene.getStylesheets().addListener(restyled);
                again();
            }
        }

        private void again() {
            fixedCellSize.set(-1);
            measured = false;
            scene.removePostLayoutPulseListener(this);
            scene.addPostLayoutPulseListener(this);
        }

        /** After a layout pulse: the first laid-out row gives the height; then this stops looking. */
        @Override
        public void run() {
            if (measured) {
                return;
            }
            for (var node : list.lookupAll(rows)) {
                if (node instanceof IndexedCell<?> cell && !cell.isEmpty() && cell.getHeight() > 0) {
                    fixedCellSize.set(cell.getHeight());
                    measured = true;
                    // Not from inside the scene's own walk over its listeners.
                    Scene current = scene;
                    Platform.runLater(() -> {
                        if (measured && current != null) {
                            current.removePostLayoutPulseListener(this);
                        }
                    });
                    return;
                }
            }
        }
    }
}
