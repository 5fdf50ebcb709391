package de.amtsdesk.app.queue;

import de.amtsdesk.app.RowHeights;
import de.amtsdesk.app.StyleClasses;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The queue's list cell. It builds its row graphics once (a heading, a case, a search hit) and only sets their texts
 * when it shows another row: scrolling 10,000 rows then creates no nodes and needs no new CSS, where a fresh set of
 * labels per row made every scrolled page cost a full style pass. Headings and cases draw unmanaged text in holders
 * of fixed shape ({@link HeadingLine}, {@link CaseLines}), so the next row of the same kind asks for no layout either.
 */
final class QueueCell extends ListCell<QueueEntry> {

    private static final List<String> KINDS = List.of("queue-header", "queue-header-1", "queue-case",
            "queue-hit");
    private HeadingLine heading;
    private CaseLines caseLines;
    private VBox hitBox;
    private Label hitWhere;
    private TextFlow hitText;
    private final ListView<QueueEntry> list;
    private final RowHeights rowHeights;

    QueueCell(ListView<QueueEntry> list, RowHeights rowHeights) {
        this.list = list;
        this.rowHeights = rowHeights;
    }

    @Override
    protected void updateItem(QueueEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        StyleClasses.oneOf(getStyleClass(), empty || entry == null ? null : kindClass(entry), KINDS);
        if (empty || entry == null) {
            setGraphic(null);
            setText(null);
            setAccessibleText(null);
            return;
        }
        setText(null);
        setAccessibleText(entry.accessibleText());
        setPrefWidth(0);
        switch (entry) {
            case QueueEntry.Header header -> {
                if (heading == null) {
                    heading = clipped(new HeadingLine());
                }
                heading.show(header);
                setGraphic(heading);
            }
            case QueueEntry.CaseRow row -> {
                if (caseLines == null) {
                    caseLines = clipped(new CaseLines());
                }
                caseLines.show(row);
                setGraphic(caseLines);
            }
            case QueueEntry.Hit hit -> {
                if (hitBox == null) {
                    hitWhere = new Label();
                    hitWhere.getStyleClass().add("queue-details");
                    hitText = new TextFlow();
                    hitText.maxWidthProperty().bind(list.widthProperty().subtract(30));
                    hitBox = new VBox(1, hitWhere, hitText);
                }
                hitWhere.setText(hit.reference() + " · " + hit.where());
                showHighlighted(hit);
                setGraphic(hitBox);
            }
        }
    }

    /** The row's holder clipped to its own size: a long reference or status line ends at the queue's edge. */
    private static <R extends Region> R clipped(R holder) {
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(holder.widthProperty());
        clip.heightProperty().bind(holder.heightProperty());
        holder.setClip(clip);
        return holder;
    }

    /** Rows of one shape have one height (see RowHeights); search hits wrap, so they are always measured. */
    record Shape(String kind, boolean badge, boolean due, boolean citizen, javafx.scene.text.Font font) {
    }

    @Override
    protected double computePrefHeight(double width) {
        return rowHeights.of(shape(), () -> super.computePrefHeight(width));
    }

    private Shape shape() {
        return shape(isEmpty() ? null : getItem(), getFont());
    }

    /** The shape of a row drawn in this font, or {@code null} when rows like it may differ in height. */
    static Shape shape(QueueEntry entry, javafx.scene.text.Font font) {
        return switch (entry) {
            case null -> null;
            case QueueEntry.Header header -> RowHeights.plainLatin(header.title())
                    ? new Shape(kindClass(header), header.unread() > 0, false, false, font) : null;
            case QueueEntry.CaseRow row -> RowHeights.plainLatin(row.reference(), row.citizen(), row.status(),
                    row.assignee(), row.due())
                    ? new Shape("queue-case", row.unread() > 0, !row.due().isEmpty(), !row.citizen().isEmpty(),
                            font) : null;
            case QueueEntry.Hit hit -> null;
        };
    }

    private static String kindClass(QueueEntry entry) {
        return switch (entry) {
            case QueueEntry.Header header -> header.level() == 0 ? "queue-header" : "queue-header-1";
            case QueueEntry.CaseRow row -> "queue-case";
            case QueueEntry.Hit hit -> "queue-hit";
        };
    }

    /**
     * The hit's text with the query's words marked: plain and marked pieces alternate, starting and ending with
     * a plain one. The pieces of the previous hit are reused (only their texts change), so a new result list
     * while typing needs no new nodes and no new CSS for them.
     */
    private void showHighlighted(QueueEntry.Hit hit) {
        List<String> pieces = new java.util.ArrayList<>();
        int at = 0;
        for (int[] range : hit.highlights()) {
            if (range[0] < at) {
                continue;
            }
            pieces.add(hit.text().substring(at, range[0]));
            pieces.add(hit.text().substring(range[0], range[1]));
            at = range[1];
        }
        pieces.add(hit.text().substring(at));
        var children = hitText.getChildren();
        if (children.size() > pieces.size()) {
            children.remove(pieces.size(), children.size());
        }
        List<javafx.scene.Node> added = new java.util.ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            boolean marked = (i & 1) == 1;
            if (i < children.size()) {
                if (marked) {
                    ((Label) children.get(i)).setText(pieces.get(i));
                } else {
                    ((Text) children.get(i)).setText(pieces.get(i));
                }
            } else {
                added.add(marked ? mark(pieces.get(i)) : plain(pieces.get(i)));
            }
        }
        children.addAll(added);
    }

    /** A Label, not a Text: only a region can paint the marker background behind the word. */
    private Label mark(String s) {
        Label mark = new Label(s);
        mark.setMnemonicParsing(false);
        mark.getStyleClass().add("search-mark");
        return mark;
    }

    private Text plain(String s) {
        Text text = new Text(s);
        text.getStyleClass().add("search-text");
        return text;
    }
}
