package de.amtsdesk.app.queue;

import de.amtsdesk.app.RowHeights;
import de.amtsdesk.app.StyleClasses;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The queue's list cell. It builds its row graphics once (a heading, a case, a search hit) and only sets their texts
 * when it shows another row: scrolling 10,000 rows then creates no nodes and needs no new CSS, where a fresh set of
 * labels per row made every scrolled page cost a full style pass.
 */
final class QueueCell extends ListCell<QueueEntry> {

    private static final List<String> KINDS = List.of("queue-header", "queue-header-1", "queue-case",
            "queue-hit");
    private static final List<String> URGENCIES = java.util.Arrays.stream(QueueEntry.Urgency.values())
            .map(QueueCell::urgencyClass).toList();
    /** One Insets per heading level: a new (equal) object on every row would ask for a new layout each time. */
    private static final List<javafx.geometry.Insets> HEADER_INDENTS = java.util.stream.IntStream.range(0, 4)
            .mapToObj(level -> new javafx.geometry.Insets(0, 0, 0, level * 14)).toList();

    private HBox headerBox;
    private Label headerTitle;
    private Label headerBadge;
    private VBox caseBox;
    private Label caseReference;
    private Label caseCitizen;
    private Label caseBadge;
    private Label caseDetails;
    private Label caseDue;
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
                if (headerBox == null) {
                    headerTitle = new Label();
                    headerTitle.getStyleClass().add("queue-header-title");
                    headerBadge = badge();
                    headerBox = new HBox(8, headerTitle, headerBadge);
                }
                headerTitle.setText(header.title() + " (" + header.count() + ")");
                showBadge(headerBadge, header.unread());
                headerBox.setPadding(header.level() < HEADER_INDENTS.size() ? HEADER_INDENTS.get(header.level())
                        : new javafx.geometry.Insets(0, 0, 0, header.level() * 14));
                setGraphic(headerBox);
            }
            case QueueEntry.CaseRow row -> {
                if (caseBox == null) {
                    caseReference = new Label();
                    caseReference.getStyleClass().add("queue-reference");
                    // In a narrow queue the reference stays whole and the name ends in "…" (spoken in full).
                    caseReference.setMinWidth(Region.USE_PREF_SIZE);
                    caseCitizen = new Label();
                    caseCitizen.getStyleClass().add("queue-citizen");
                    caseCitizen.setMinWidth(0);
                    Region spacer = new Region();
                    HBox.setHgrow(spacer, Priority.ALWAYS);
                    caseBadge = badge();
                    HBox first = new HBox(8, caseReference, caseCitizen, spacer, caseBadge);
                    caseDetails = new Label();
                    caseDetails.getStyleClass().add("queue-details");
                    caseDue = new Label();
                    caseDue.getStyleClass().add("queue-due");
                    caseBox = new VBox(1, first, caseDetails, caseDue);
                    caseBox.setPadding(new javafx.geometry.Insets(0, 0, 0, 28));
                    caseBox.maxWidthProperty().bind(list.widthProperty().subtract(30));
                }
                caseReference.setText(row.reference());
                caseCitizen.setText(row.citizen());
                showBadge(caseBadge, row.unread());
                caseDetails.setText(row.status() + " · " + row.assignee());
                caseDue.setText(row.due());
                StyleClasses.oneOf(caseDue.getStyleClass(), urgencyClass(row.urgency()), URGENCIES);
                caseDue.setManaged(!row.due().isEmpty());
                setGraphic(caseBox);
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

    private static String urgencyClass(QueueEntry.Urgency urgency) {
        return "urgency-" + urgency.name().toLowerCase(java.util.Locale.ROOT);
    }

    private Label badge() {
        Label badge = new Label();
        badge.getStyleClass().add("unread-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        return badge;
    }

    private void showBadge(Label badge, int unread) {
        badge.setText(unread > 0 ? String.valueOf(unread) : "");
        badge.setVisible(unread > 0);
        badge.setManaged(unread > 0);
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
