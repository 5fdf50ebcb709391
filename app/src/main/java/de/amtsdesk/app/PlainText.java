package de.amtsdesk.app;

import javafx.geometry.VPos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * Text for cells that must not ask for a layout when their value changes (ADR 0027): unmanaged text nodes styled like
 * the cell, in a holder of fixed shape that is the cell's only content and clips what does not fit.
 */
public final class PlainText {

    private static final String ELLIPSIS = "\u2026";

    private PlainText() {
    }

    /** A text node that takes the cell's font and text colour (selected rows, high contrast) and asks for no layout. */
    public static Text styledLike(Labeled cell, VPos origin) {
        Text text = new Text();
        text.setManaged(false);
        text.setTextOrigin(origin);
        text.fontProperty().bind(cell.fontProperty());
        text.fillProperty().bind(cell.textFillProperty());
        return text;
    }

    /**
     * Shows {@code full} in {@code text}, or when it is wider than {@code room} the longest beginning that fits with
     * "…" after it, as a label would. Never cuts a character in two (surrogate pairs, a letter and its accents stay
     * together). With no room at all it shows "…" alone (the holder's clip cuts what does not fit).
     */
    public static void fit(Text text, String full, double room) {
        text.setText(full);
        if (text.getLayoutBounds().getWidth() <= room) {
            return;
        }
        java.text.BreakIterator characters = java.text.BreakIterator.getCharacterInstance();
        characters.setText(full);
        int fits = 0; // the longest cut (a character boundary) known to fit, 0 = only "…"
        int low = 1;
        int high = full.length() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int cut = characters.isBoundary(middle) ? middle : characters.preceding(middle);
            if (cut <= fits) {
                low = middle + 1;
                continue;
            }
            text.setText(full.substring(0, cut).stripTrailing() + ELLIPSIS);
            if (text.getLayoutBounds().getWidth() <= room) {
                fits = cut;
                low = middle + 1;
            } else {
                high = cut - 1;
            }
        }
        text.setText(full.substring(0, fits).stripTrailing() + ELLIPSIS);
    }

    /** Makes {@code holder} the cell's only content, clipped to its own size. */
    public static void showIn(Labeled cell, Region holder) {
        holder.setMinWidth(0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(holder.widthProperty());
        clip.heightProperty().bind(holder.heightProperty());
        holder.setClip(clip);
        cell.setGraphic(holder);
        cell.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }
}
