package de.amtsdesk.app.lead;

import de.amtsdesk.app.PlainText;
import javafx.geometry.VPos;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * A row of the unassigned list: reference and citizen, then case type and since when, in two lines of text that
 * change without asking the row for a new layout.
 *
 * <p>Why: an assignment removes a row near the top of the list, so every row below shows the next case. With the
 * label's own text each of those rows asked for a layout, and JavaFX's virtual flow answers a row that needs one
 * with a full CSS pass of the row and its text before laying it out: over ~16 visible rows that was most of the FX
 * time of a sync batch on the lead desk (async-profiler, 50,000 cases, stop 31). Here the two lines are unmanaged
 * text nodes in a holder of fixed shape: a new case changes their text and nothing else. Colour and font still come
 * from the row's style (selected, focused, high contrast); screen readers read the row's accessible text. A line too
 * long for the list ends in "…".
 */
final class UnassignedCell extends ListCell<UnassignedRow> {

    private final Text first = PlainText.styledLike(this, VPos.TOP);
    private final Text second = PlainText.styledLike(this, VPos.TOP);
    private final Region lines;
    private String firstFull = "";
    private String secondFull = "";

    UnassignedCell() {
        lines = new Region() {
            {
                getChildren().addAll(first, second);
            }

            @Override
            protected void layoutChildren() {
                fit(); // a new width
            }

            @Override
            protected double computePrefHeight(double width) {
                return 2 * first.getLayoutBounds().getHeight();
            }

            @Override
            protected double computePrefWidth(double height) {
                return 0; // the list's width, whatever the text: the row clips it (the spoken text is whole)
            }
        };
        second.layoutYProperty().bind(first.layoutBoundsProperty().map(b -> b.getHeight()));
        PlainText.showIn(this, lines);
    }

    @Override
    protected void updateItem(UnassignedRow row, boolean empty) {
        super.updateItem(row, empty);
        boolean shown = !empty && row != null;
        firstFull = shown ? row.reference() + " · " + row.citizen() : "";
        secondFull = shown ? row.type() + " · " + row.since() : "";
        fit();
        setAccessibleText(shown ? row.accessibleText() : null);
    }

    /** Lines too long for the list end in "…" (the spoken text is whole). */
    private void fit() {
        double room = PlainText.roomIn(lines, 0);
        PlainText.fit(first, firstFull, room);
        PlainText.fit(second, secondFull, room);
    }
}
