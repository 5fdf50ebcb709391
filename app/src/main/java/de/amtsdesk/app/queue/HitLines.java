package de.amtsdesk.app.queue;

import de.amtsdesk.app.PlainText;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.Region;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;

/**
 * A search hit: where it was found, then the matching text wrapped to the queue's width with the query's words on a
 * marker. Drawn as in {@link CaseLines}: the next hit in a row changes texts and shapes and asks for a layout only
 * when it needs another number of lines (typing in the search field replaces up to 200 hits per key; a flow of text
 * and label pieces per hit made each key cost a CSS pass and a layout of every shown row).
 *
 * <p>The marked words are a second copy of the text, clipped to the words' boxes and drawn over a marker surface of
 * the same shape: both follow the stylesheet's colours (high contrast included) and wrap exactly as the text below.
 */
final class HitLines extends Region {

    private static final double LINE_GAP = 1;

    private final Text where = PlainText.ofClass("queue-details");
    private final Text plain = PlainText.ofClass("search-text");
    private final Region marker = new Region();
    private final Text marked = PlainText.ofClass("search-mark-text");
    private final Path markedClip = new Path();
    private List<int[]> ranges = List.of();
    private String whereFull = "";
    private double wrappedTo = -1;
    /** What the shapes were last built for: a row's next layout with nothing changed reuses them. */
    private Placement placed;

    /**
     * The inputs of {@link #place()}. Building the words' boxes and the marker's path was most of a hit row's FX time
     * (async-profiler, stop 33: {@code rangeShape}, the path, the clip's elements), and a row placed by
     * {@link #show} was placed again by the layout that followed, with the same text, marks and width.
     */
    private record Placement(String text, List<int[]> ranges, double wrappedTo, String where, double width,
            javafx.scene.text.Font font) {
    }

    HitLines() {
        marker.getStyleClass().add("search-mark-area");
        marker.setManaged(false);
        marker.setScaleShape(false);
        marker.setCenterShape(false);
        marked.setClip(markedClip);
        getChildren().addAll(where, marker, plain, marked);
    }

    void show(QueueEntry.Hit hit) {
        double before = getHeight();
        whereFull = hit.reference() + " · " + hit.where();
        plain.setText(hit.text());
        marked.setText(hit.text());
        ranges = separate(hit.highlights());
        place();
        if (Math.abs(computePrefHeight(getWidth()) - before) > 0.5) {
            requestLayout(); // another number of lines: the row must be measured again
        }
    }

    /** The words on the marker, in order (tests read what the row shows). */
    List<String> markedWords() {
        List<String> words = new ArrayList<>();
        for (int[] range : ranges) {
            words.add(plain.getText().substring(range[0], range[1]));
        }
        return words;
    }

    /** The whole text as drawn. */
    String shownText() {
        return plain.getText();
    }

    /** The marker's shape as drawn (tests check that a layout with nothing changed keeps it). */
    javafx.scene.shape.Shape markerShape() {
        return marker.getShape();
    }

    /** The area the marker covers, empty when no word is marked. */
    javafx.geometry.Bounds markerBounds() {
        return marker.getShape() == null ? new javafx.geometry.BoundingBox(0, 0, 0, 0)
                : marker.getShape().getLayoutBounds();
    }

    @Override
    protected void layoutChildren() {
        place();
    }

    private void place() {
        wrapTo(getWidth());
        Placement now = new Placement(plain.getText(), ranges, wrappedTo, whereFull, getWidth(), plain.getFont());
        if (now.equals(placed)) {
            return; // ranges compare by identity: show() gives each hit its own list
        }
        placed = now;
        PlainText.fit(where, whereFull, PlainText.roomIn(this, 0));
        double textY = where.getLayoutBounds().getHeight() + LINE_GAP;
        plain.setLayoutY(textY);
        marked.setLayoutY(textY);
        marker.setLayoutY(textY);
        List<PathElement> boxes = new ArrayList<>();
        for (int[] range : ranges) {
            boxes.addAll(List.of(plain.rangeShape(range[0], range[1])));
        }
        markedClip.getElements().setAll(boxes);
        marker.setShape(boxes.isEmpty() ? null : new Path(boxes));
        marker.setVisible(!boxes.isEmpty());
        marker.resize(plain.getLayoutBounds().getWidth(), plain.getLayoutBounds().getHeight());
    }

    private void wrapTo(double width) {
        if (width > 0 && width != wrappedTo) {
            wrappedTo = width;
            plain.setWrappingWidth(width);
            marked.setWrappingWidth(width);
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        wrapTo(width);
        return snapSizeY(where.getLayoutBounds().getHeight() + LINE_GAP + plain.getLayoutBounds().getHeight());
    }

    @Override
    protected double computePrefWidth(double height) {
        return 0;
    }

    /** The ranges in order, without overlaps (a range starting inside the one before is left out). */
    private static List<int[]> separate(List<int[]> highlights) {
        List<int[]> out = new ArrayList<>();
        int at = 0;
        for (int[] range : highlights) {
            if (range[0] >= at && range[1] > range[0]) {
                out.add(range);
                at = range[1];
            }
        }
        return out;
    }
}
