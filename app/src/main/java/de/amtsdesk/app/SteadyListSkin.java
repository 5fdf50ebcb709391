package de.amtsdesk.app;

import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.ListViewSkin;
import javafx.scene.control.skin.VirtualFlow;

/**
 * A list skin whose virtual flow does not lay itself out again and again while it improves its size estimate.
 *
 * <p>Why: JavaFX 21's VirtualFlow ends every layout by measuring two more rows it does not show, to improve its
 * estimate of the list's total height. It measures with a hidden cell inside a hidden group that is a managed child of
 * the flow. When rows differ in their style classes (the queue: headings and cases), the measuring cell's new classes
 * are styled in the next pulse, the new padding asks the cell's parent for a layout, and the request climbs to the
 * flow and its whole chain of ancestors: the flow lays out again, measures two more rows, and so on in every pulse
 * until every row has been measured (~80 s for 10,000 rows), again after every change of the row count. An idle
 * queue of 10,000 cases scrolled away from its top cost the FX thread 12–15 s of CPU a minute that way (stop 24).
 *
 * <p>So, first, the measuring group is unmanaged: JavaFX treats an unmanaged parent as a layout root, so its layout
 * requests lay out that group alone and reach no ancestor. Second, a row whose height is already known (see
 * {@link RowHeights}: rows of one shape have one height) is measured with a stand-in cell outside the scene graph,
 * sized to that height, which needs neither texts nor styles; only a row of an unknown shape uses the measuring cell.
 */
public class SteadyListSkin<T> extends ListViewSkin<T> {

    /** The height of a row when it is known without laying the row out; {@code NaN} when it is not. */
    @FunctionalInterface
    public interface KnownHeights {
        /**
         * @param index the row
         * @param shown a cell the list shows now (for its font and styles), or {@code null} when it shows none
         */
        double of(int index, ListCell<?> shown);
    }

    /** @param knownHeights the heights known without layout, or {@code null}: every row is measured as usual */
    public SteadyListSkin(ListView<T> list, KnownHeights knownHeights) {
        super(list);
        // The flow is made in super's constructor, before this constructor's arguments can reach it.
        ((SteadyFlow<ListCell<T>>) getVirtualFlow()).heights = knownHeights;
    }

    @Override
    protected VirtualFlow<ListCell<T>> createVirtualFlow() {
        return new SteadyFlow<>(new ListCell<>());
    }

    /** The flow; see the class comment. */
    static final class SteadyFlow<C extends IndexedCell<?>> extends VirtualFlow<C> {

        private final C standIn;
        private KnownHeights heights;

        SteadyFlow(C standIn) {
            this.standIn = standIn;
            getChildren().stream().filter(child -> child instanceof javafx.scene.Group && !child.isVisible())
                    .forEach(measuring -> measuring.setManaged(false));
        }

        @Override
        public C getCell(int index) {
            C visible = getVisibleCell(index);
            if (visible != null) {
                return visible;
            }
            if (heights == null || index < 0 || index >= getCellCount()) {
                return super.getCell(index);
            }
            C shown = getFirstVisibleCell();
            double height = heights.of(index, shown instanceof ListCell<?> cell ? cell : null);
            if (Double.isNaN(height)) {
                return super.getCell(index);
            }
            standIn.resize(shown == null ? getWidth() : shown.getWidth(), height);
            return standIn;
        }
    }
}
