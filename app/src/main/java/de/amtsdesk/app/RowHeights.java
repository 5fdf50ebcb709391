package de.amtsdesk.app;

import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.ListView;

/**
 * Heights of list rows by their shape, for lists whose rows differ in height by kind (the queue: one-line headings,
 * three-line cases). To size its scroll bar the virtual flow measures rows it does not show, two more on every
 * layout; with 10,000 rows that is a measurement in nearly every scrolled frame, each a text layout of every label in
 * the row. Rows of the same shape (kind, which lines are shown, the font) have the same height, so each shape is
 * measured once. Only plain Latin texts qualify: another script or an emoji may come from a fallback font with a
 * taller line, and such a row is always measured. The heights are forgotten when the list moves to another scene or
 * the scene's style sheets change (the high-contrast sheet).
 */
public final class RowHeights {

    private final Map<Object, Double> known = new HashMap<>();
    private final ListChangeListener<String> restyled = change -> known.clear();
    private Scene scene;

    public RowHeights(ListView<?> list) {
        list.sceneProperty().addListener((obs, old, now) -> follow(now));
        follow(list.getScene());
    }

    private void follow(Scene now) {
        if (scene != null) {
            scene.getStylesheets().removeListener(restyled);
        }
        known.clear();
        scene = now;
        if (scene != null) {
            scene.getStylesheets().addListener(restyled);
        }
    }

    /**
     * The height of a row of this shape: measured the first time, then remembered. A {@code null} shape (a row
     * that does not qualify, or one not yet styled in a scene) is measured every time.
     */
    public double of(Object shape, DoubleSupplier measure) {
        if (shape == null || scene == null) {
            return measure.getAsDouble();
        }
        Double height = known.get(shape);
        if (height == null) {
            height = measure.getAsDouble();
            known.put(shape, height);
        }
        return height;
    }

    /** The remembered height of rows of this shape, or {@code NaN} when none was measured yet. */
    public double known(Object shape) {
        Double height = shape == null || scene == null ? null : known.get(shape);
        return height == null ? Double.NaN : height;
    }

    /** Whether every text is drawn by the primary font: Latin letters, digits, common punctuation, the euro sign. */
    public static boolean plainLatin(String... texts) {
        for (String text : texts) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean plain = c >= 0x20 && c < 0x250 && (c < 0x7f || c >= 0xa0)
                        || c == '\u2013' || c == '\u2014' || c == '\u2026' || c == '\u20ac';
                if (!plain) {
                    return false;
                }
            }
        }
        return true;
    }
}
