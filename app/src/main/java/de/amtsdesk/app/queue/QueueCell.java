package de.amtsdesk.app.queue;

import de.amtsdesk.app.PlainText;
import de.amtsdesk.app.RowHeights;
import de.amtsdesk.app.StyleClasses;
import java.util.List;
import javafx.scene.control.ListCell;

/**
 * The queue's list cell. It builds its row graphics once (a heading, a case, a search hit) and only sets their texts
 * when it shows another row: scrolling 10,000 rows then creates no nodes and needs no new CSS, where a fresh set of
 * labels per row made every scrolled page cost a full style pass. Headings, cases and hits draw unmanaged text in
 * holders of fixed shape ({@link HeadingLine}, {@link CaseLines}, {@link HitLines}), so the next row of the same kind
 * asks for no layout either (a hit only when it needs another number of lines).
 */
final class QueueCell extends ListCell<QueueEntry> {

    private static final List<String> KINDS = List.of("queue-header", "queue-header-1", "queue-case",
            "queue-hit");
    private HeadingLine heading;
    private CaseLines caseLines;
    private HitLines hitLines;
    private final RowHeights rowHeights;

    QueueCell(RowHeights rowHeights) {
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
                    heading = PlainText.clippedHolder(new HeadingLine());
                }
                heading.show(header);
                setGraphic(heading);
            }
            case QueueEntry.CaseRow row -> {
                if (caseLines == null) {
                    caseLines = PlainText.clippedHolder(new CaseLines());
                }
                caseLines.show(row);
                setGraphic(caseLines);
            }
            case QueueEntry.Hit hit -> {
                if (hitLines == null) {
                    hitLines = PlainText.clippedHolder(new HitLines());
                }
                hitLines.show(hit);
                setGraphic(hitLines);
            }
        }
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
}
