package de.amtsdesk.app.queue;

import de.amtsdesk.app.PlainText;
import de.amtsdesk.app.StyleClasses;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * A case in the queue: reference, citizen and unread count; status and assignee; the next due time. The texts are
 * unmanaged text nodes in a holder of fixed shape (ADR 0027), so the next case in a scrolled row changes their text
 * and asks for no layout: JavaFX's virtual flow answers a row that asks for one with a CSS pass over the row and all
 * its labels, which was most of a cold page scroll over 10,000 cases. Colours and fonts still come from the
 * stylesheet's classes; screen readers read the cell's accessible text, which names everything shown here.
 */
final class CaseLines extends Region {

    private static final List<String> URGENCIES = java.util.Arrays.stream(QueueEntry.Urgency.values())
            .map(CaseLines::urgencyClass).toList();
    private static final double INDENT = 28;
    private static final double GAP = 8;
    private static final double LINE_GAP = 1;

    private final Text reference = PlainText.ofClass("queue-reference");
    private final Text citizen = PlainText.ofClass("queue-citizen");
    private final Text details = PlainText.ofClass("queue-details");
    private final Text due = PlainText.ofClass("queue-due");
    private final Label badge = UnreadBadge.create();
    private final Rectangle citizenClip = new Rectangle();
    private String citizenFull = "";
    private String detailsFull = "";
    private String dueFull = "";

    CaseLines() {
        citizen.setClip(citizenClip); // in a very narrow queue even "…" stops before the count
        getChildren().addAll(reference, citizen, details, due, badge);
    }

    void show(QueueEntry.CaseRow row) {
        reference.setText(row.reference());
        citizenFull = row.citizen();
        detailsFull = row.status() + " · " + row.assignee();
        dueFull = row.due();
        StyleClasses.oneOf(due.getStyleClass(), urgencyClass(row.urgency()), URGENCIES);
        UnreadBadge.show(badge, row.unread());
        place();
    }

    /** The case's reference as drawn (tests read what the row shows). */
    String shownReference() {
        return reference.getText();
    }

    /** The status line as drawn. */
    String shownDetails() {
        return details.getText();
    }

    /** Whether every line drawn ends inside the row (the citizen's name before the count). */
    boolean shownLinesFit() {
        double end = getWidth() + 0.5;
        return (citizen.getLayoutBounds().getWidth() <= citizenClip.getWidth() + 0.5 || citizen.getText().equals("…"))
                && details.getLayoutX() + details.getLayoutBounds().getWidth() <= end
                && due.getLayoutX() + due.getLayoutBounds().getWidth() <= end;
    }

    @Override
    protected void layoutChildren() {
        place(); // a new width (the queue resized) or the first pass after the stylesheet
    }

    private void place() {
        double first = firstLineHeight();
        reference.setLayoutX(INDENT);
        citizen.setLayoutX(INDENT + reference.getLayoutBounds().getWidth() + GAP);
        double citizenEnd = getWidth();
        if (badge.isVisible()) {
            badge.autosize();
            badge.setLayoutX(snapPositionX(getWidth() - badge.getWidth()));
            citizenEnd = badge.getLayoutX() - GAP;
        }
        // Too long for the queue's width: "…" as a label would end it (the spoken text is whole).
        double beforeAndAfterCitizen = citizen.getLayoutX() + (getWidth() - citizenEnd); // reference; count
        PlainText.fit(citizen, citizenFull, PlainText.roomIn(this, beforeAndAfterCitizen));
        PlainText.fit(details, detailsFull, PlainText.roomIn(this, INDENT));
        PlainText.fit(due, dueFull, PlainText.roomIn(this, INDENT));
        citizenClip.setWidth(Math.max(0, citizenEnd - citizen.getLayoutX()));
        citizenClip.setHeight(first);
        details.setLayoutX(INDENT);
        due.setLayoutX(INDENT);
        details.setLayoutY(first + LINE_GAP);
        due.setLayoutY(details.getLayoutY() + details.getLayoutBounds().getHeight() + LINE_GAP);
    }

    private double firstLineHeight() {
        double first = Math.max(reference.getLayoutBounds().getHeight(), citizen.getLayoutBounds().getHeight());
        return badge.isVisible() ? Math.max(first, badge.prefHeight(-1)) : first;
    }

    @Override
    protected double computePrefHeight(double width) {
        double height = firstLineHeight() + LINE_GAP + details.getLayoutBounds().getHeight();
        return snapSizeY(dueFull.isEmpty() ? height : height + LINE_GAP + due.getLayoutBounds().getHeight());
    }

    @Override
    protected double computePrefWidth(double height) {
        return 0; // the queue's width, whatever the texts: the row clips them
    }

    private static String urgencyClass(QueueEntry.Urgency urgency) {
        return "urgency-" + urgency.name().toLowerCase(Locale.ROOT);
    }
}
