package de.amtsdesk.app;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * A list cell that shows its item as a fixed number of lines of unmanaged text, so that the next item in a reused cell
 * needs neither a layout nor a CSS pass of the cell (ADR 0027; the list's counterpart of {@link PlainTextTableCell}).
 * Colour and font follow the cell's style (selected rows, high contrast); screen readers read the item's spoken text;
 * a line too wide for the list ends in "…".
 *
 * @param <T> the list's item type
 */
public final class PlainTextListCell<T> extends ListCell<T> {

    private final Function<T, List<String>> lines;
    private final Function<T, String> spoken;
    private final Text[] texts;
    private final Region holder;
    private List<String> full = List.of();

    /** @param line the one line an item shows, which is also what screen readers read */
    public PlainTextListCell(Function<T, String> line) {
        this(1, item -> List.of(line.apply(item)), line);
    }

    /**
     * @param lineCount how many lines every row has (the row's height)
     * @param lines     the lines an item shows, at most {@code lineCount}
     * @param spoken    what screen readers read for an item
     */
    public PlainTextListCell(int lineCount, Function<T, List<String>> lines, Function<T, String> spoken) {
        this.lines = Objects.requireNonNull(lines);
        this.spoken = Objects.requireNonNull(spoken);
        texts = new Text[lineCount];
        for (int i = 0; i < lineCount; i++) {
            texts[i] = PlainText.styledLike(this, VPos.TOP);
            int below = i;
            texts[i].layoutYProperty().bind(texts[0].layoutBoundsProperty().map(b -> b.getHeight() * below));
        }
        holder = new Region() {
            {
                getChildren().addAll(texts);
            }

            @Override
            protected void layoutChildren() {
                fit(); // a new width
            }

            @Override
            protected double computePrefHeight(double width) {
                return texts.length * texts[0].getLayoutBounds().getHeight();
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
        boolean shown = !empty && item != null;
        full = shown ? lines.apply(item) : List.of();
        fit();
        String words = shown ? spoken.apply(item) : null;
        setAccessibleText(words == null || words.isEmpty() ? null : words);
    }

    /** Lines too wide for the list end in "…" (the spoken text is whole). */
    private void fit() {
        double room = PlainText.roomIn(holder, 0);
        for (int i = 0; i < texts.length; i++) {
            PlainText.fit(texts[i], i < full.size() ? full.get(i) : "", room);
        }
    }
}
