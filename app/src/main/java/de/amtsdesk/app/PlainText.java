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
        Text text = unmanaged(origin);
        text.fontProperty().bind(cell.fontProperty());
        text.fillProperty().bind(cell.textFillProperty());
        return text;
    }

    /** A text node styled by the stylesheet's {@code styleClass} that asks for no layout, placed by its top. */
    public static Text ofClass(String styleClass) {
        Text text = unmanaged(VPos.TOP);
        text.getStyleClass().add(styleClass);
        return text;
    }

    private static Text unmanaged(VPos origin) {
        Text text = new Text();
        text.setManaged(false);
        text.setTextOrigin(origin);
        return text;
    }

    /**
     * The width left in {@code holder} after {@code taken}, for {@link #fit}; unbounded before the holder's first
     * layout (width 0), so that a row not yet placed shows its whole text until then.
     */
    public static double roomIn(Region holder, double taken) {
        return holder.getWidth() > 0 ? holder.getWidth() - taken : Double.MAX_VALUE;
    }

    /**
     * Shows {@code full} in {@code text}, or when it is wider than {@code room} the longest beginning that fits with
     * "…" after it, as a label would. Never cuts a character in two (surrogate pairs, a letter and its accents stay
     * together). With no room at all it shows "…" alone (the holder's clip cuts what does not fit).
     */
    public static void fit(Text text, String full, double room) {
        text.setText(full);
        javafx.geometry.Bounds whole = text.getLayoutBounds();
        if (whole.getWidth() <= room) {
            return;
        }
        java.text.BreakIterator characters = java.text.BreakIterator.getCharacterInstance();
        characters.setText(full);
        // First a guess from the text as laid out: the character under the point where "…" (about one em wide)
        // must begin does not fit. It holds for left-to-right text, so a row costs one more text layout, not a search.
        int under = text.hitTest(new javafx.geometry.Point2D(whole.getMinX() + room - text.getFont().getSize(),
                whole.getMinY() + whole.getHeight() / 2)).getCharIndex();
        int guess = under <= 0 || under >= full.length() ? 0 : atOrBefore(characters, under);
        if (guess > 0 && shows(text, full, guess, room)) {
            return;
        }
        int fits = 0; // the longest cut (a character boundary) known to fit, 0 = only "…"
        int low = 1;
        int high = (guess > 0 ? guess : full.length()) - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int cut = atOrBefore(characters, middle);
            if (cut <= fits) {
                low = middle + 1;
            } else if (shows(text, full, cut, room)) {
                fits = cut;
                low = middle + 1;
            } else {
                high = cut - 1;
            }
        }
        text.setText(full.substring(0, fits).stripTrailing() + ELLIPSIS);
    }

    private static int atOrBefore(java.text.BreakIterator characters, int index) {
        return characters.isBoundary(index) ? index : characters.preceding(index);
    }

    /** Shows the first {@code cut} characters and "…"; whether that fits. */
    private static boolean shows(Text text, String full, int cut, double room) {
        text.setText(full.substring(0, cut).stripTrailing() + ELLIPSIS);
        return text.getLayoutBounds().getWidth() <= room;
    }

    /** Makes {@code holder} the cell's only content, clipped to its own size. */
    public static void showIn(Labeled cell, Region holder) {
        cell.setGraphic(clippedHolder(holder));
        cell.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    /** {@code holder}, free to be narrower than its texts and clipped to its own size: what does not fit is cut. */
    public static <R extends Region> R clippedHolder(R holder) {
        holder.setMinWidth(0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(holder.widthProperty());
        clip.heightProperty().bind(holder.heightProperty());
        holder.setClip(clip);
        return holder;
    }
}
