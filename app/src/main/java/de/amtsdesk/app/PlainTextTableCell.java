package de.amtsdesk.app;

import javafx.geometry.VPos;
import javafx.scene.control.TableCell;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * A table cell that shows its value as one line of unmanaged text, so that a new value needs neither a layout nor a
 * CSS pass of the cell (ADR 0027: the virtual flow runs both for each row that asks for a layout, and a label's new
 * text asks for one). Colour and font follow the cell's style (selected rows, high contrast); the value is also the
 * cell's accessible text, which screen readers read as the cell; a value too wide for its column ends in "…".
 *
 * @param <S> the table's item type
 * @param <T> the column's value type
 */
public class PlainTextTableCell<S, T> extends TableCell<S, T> {

    private final Text text = PlainText.styledLike(this, VPos.CENTER);
    private final Region holder;
    private String full = "";

    public PlainTextTableCell() {
        holder = new Region() {
            {
                getChildren().add(text);
            }

            @Override
            protected void layoutChildren() {
                text.setLayoutY(getHeight() / 2);
                fit(); // a new column width
            }

            @Override
            protected double computePrefHeight(double width) {
                return text.getLayoutBounds().getHeight();
            }

            @Override
            protected double computePrefWidth(double height) {
                PlainText.fit(text, full, Double.MAX_VALUE); // asked only when a column is sized to its content
                return text.getLayoutBounds().getWidth();
            }
        };
        PlainText.showIn(this, holder);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        full = empty || item == null ? "" : item.toString();
        fit();
        setAccessibleText(full.isEmpty() ? null : full);
    }

    /** A value too wide for its column ends in "…" (the spoken value is whole). */
    private void fit() {
        PlainText.fit(text, full, PlainText.roomIn(holder, 0));
    }
}
