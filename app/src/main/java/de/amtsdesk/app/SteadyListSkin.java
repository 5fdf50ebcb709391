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
 * estimate of the list's total height. It measures with a hidden cell that is a child of the flow: giving that cell
 * the next row asks the flow for a layout. And when rows differ in height (the queue: one-line headings, three-line
 * cases) and the list is scrolled away from its top, every new estimate recomputes the scroll position from the
 * unchanged pixel offset, and the position's invalidation asks for a layout too. Both requests come while the flow
 * lays itself out, so they stand for the next pulse: the flow and its whole chain of ancestors lay out in every
 * pulse until every row has been measured (~80 s for 10,000 rows), and again after every change of the row count.
 * An idle queue of 10,000 cases cost the FX thread 12–15 s of CPU a minute that way.
 *
 * <p>So, first, a row whose height is already known (see {@link RowHeights}: rows of one shape have one height) is
 * measured with a stand-in cell outside the scene graph, sized to that height, which asks nobody for a layout; only a
 * row of an unknown shape uses the flow's own measuring cell. Second, a layout request that arrives while the flow
 * lays itself out together with a moved position is dropped: the flow keeps the absolute pixel offset when its
 * estimate changes, so another layout would place the same cells at the same pixels; only the scroll bar's thumb
 * would move a little, which the next real layout (a scroll, a resize, a changed row) brings up to date. Every other
 * request passes.
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

    private final KnownHeights knownHeights;

    public SteadyListSkin(ListView<T> list, KnownHeights knownHeights) {
        super(list);
        this.knownHeights = knownHeights;
        // The flow was made in super's constructor, before this field was set; it asks for the heights through us.
        ((SteadyFlow<ListCell<T>>) getVirtualFlow()).heights = this::knownHeight;
    }

    @Override
    protected VirtualFlow<ListCell<T>> createVirtualFlow() {
        return new SteadyFlow<>(new ListCell<>());
    }

    private double knownHeight(int index, ListCell<?> shown) {
        return knownHeights == null ? Double.NaN : knownHeights.of(index, shown);
    }

    /** The flow; see the class comment. */
    static final class SteadyFlow<C extends IndexedCell<?>> extends VirtualFlow<C> {

        private final C standIn;
        private KnownHeights heights;
        private boolean layingOut;
        private double positionSeen;
        private long dropped;

        SteadyFlow(C standIn) {
            this.standIn = standIn;
        }

        @Override
        public C getCell(int index) {
            C visible = getVisibleCell(index);
            if (visible != null || heights == null || index < 0 || index >= getCellCount()) {
                return visible != null ? visible : super.getCell(index);
            }
            C shown = getFirstVisibleCell();
            double height = heights.of(index, shown instanceof ListCell<?> cell ? cell : null);
            if (Double.isNaN(height)) {
                return super.getCell(index);
            }
            standIn.resize(shown == null ? getWidth() : shown.getWidth(), height);
            return standIn;
        }

        @Override
        protected void layoutChildren() {
            layingOut = true;
            positionSeen = getPosition();
            try {
                super.layoutChildren();
            } finally {
                layingOut = false;
                positionSeen = getPosition();
            }
        }

        @Override
        public void requestLayout() {
            double position = getPosition();
            boolean moved = position != positionSeen;
            positionSeen = position;
            if (layingOut && moved) {
                dropped++;
                return;
            }
            super.requestLayout();
        }

        /** How many layout requests were dropped (for tests). */
        long droppedRequests() {
            return dropped;
        }
    }
}
