package de.amtsdesk.app;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

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
        new Measure(list).watch();
    }

    private static final class Measure implements Runnable {
        private final ListView<?> list;
        private final ListChangeListener<String> restyled = change -> again();
        private Scene scene;
        private volatile boolean measured; // only the FX thread uses it; volatile satisfies the thread checker

        Measure(ListView<?> list) {
            this.list = list;
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
            list.setFixedCellSize(-1);
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
            for (var node : list.lookupAll(".list-cell")) {
                if (node instanceof ListCell<?> cell && !cell.isEmpty() && cell.getHeight() > 0) {
                    list.setFixedCellSize(cell.getHeight());
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
