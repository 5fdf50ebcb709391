package de.amtsdesk.app;

import java.util.Objects;
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * A list cell that shows its item as one line of unmanaged text, so that the next item in a reused cell needs neither
 * a layout nor a CSS pass of the cell (ADR 0027; the list's counterpart of {@link PlainTextTableCell}). Colour and
 * font follow the cell's style (selected rows, high contrast); the line is also the cell's accessible text, which
 * screen readers read as the row; a line too wide for the list ends in "…".
 *
 * @param <T> the list's item type
 */
public final class PlainTextListCell<T> extends ListCell<T> {

    private final Function<T, String> line;
    private final Text text = PlainText.styledLike(this, VPos.TOP);
    private final Region holder;
    private String full = "";

    /** @param line the one line an item shows (and screen readers read) */
    public PlainTextListCell(Function<T, String> line) {
        this.line = Objects.requireNonNull(line);
        holder = new Region() {
            {
                getChildren().add(text);
            }

            @Override
            protected void layoutChildren() {
                fit(); // a new width
            }

            @Override
            protected double computePrefHeight(double width) {
                return text.getLayoutBounds().getHeight();
            }

            @Override
            protected double computePrefWidth(double height) {
                return 0; // the list's width, whatever the text: the row clips it (the spoken text is whole)
            }
        };
        PlainText.showIn(this, holder);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        full = empty || item == null ? "" : line.apply(item);
        fit();
        setAccessibleText(full.isEmpty() ? null : full);
    }

    /** A line too wide for the list ends in "…" (the spoken line is whole). */
    private void fit() {
        PlainText.fit(text, full, PlainText.roomIn(holder, 0));
    }
}
