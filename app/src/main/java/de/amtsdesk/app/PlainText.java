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
