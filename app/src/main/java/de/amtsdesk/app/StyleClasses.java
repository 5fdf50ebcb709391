package de.amtsdesk.app;

import java.util.List;
import javafx.collections.ObservableList;

/**
 * Style-class changes for list cells that show one row after another. Every change of a node's style classes makes
 * JavaFX match the whole stylesheet again for that node and everything inside it; a cell that removed and re-added
 * its class on each new row paid that on every scrolled row (the queue's 10,000 cases: most of the FX time of a
 * page scroll). These methods leave the list alone when it already holds what the row needs.
 */
public final class StyleClasses {

    private StyleClasses() {
    }

    /** Adds or removes one class; no change when it is already so. */
    public static void toggle(ObservableList<String> classes, String styleClass, boolean on) {
        if (on && !classes.contains(styleClass)) {
            classes.add(styleClass);
        } else if (!on) {
            classes.remove(styleClass);
        }
    }

    /**
     * Makes {@code wanted} the only class of {@code family} in the list ({@code null}: none of them); classes outside
     * the family stay as they are.
     */
    public static void oneOf(ObservableList<String> classes, String wanted, List<String> family) {
        if (wanted != null && !family.contains(wanted)) {
            throw new IllegalArgumentException(wanted + " is not one of " + family);
        }
        for (String member : family) {
            if (!member.equals(wanted) && classes.contains(member)) {
                classes.remove(member);
            }
        }
        if (wanted != null && !classes.contains(wanted)) {
            classes.add(wanted);
        }
    }
}
