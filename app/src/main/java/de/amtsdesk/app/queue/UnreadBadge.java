package de.amtsdesk.app.queue;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * The unread count as a pill. Unmanaged: a new count lays out the pill alone, never the row around it (its holder
 * places it).
 */
final class UnreadBadge {

    private UnreadBadge() {
    }

    static Label create() {
        Label badge = new Label();
        badge.getStyleClass().add("unread-badge");
        badge.setMnemonicParsing(false);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        badge.setManaged(false);
        badge.setVisible(false);
        return badge;
    }

    static void show(Label badge, int unread) {
        badge.setText(unread > 0 ? String.valueOf(unread) : "");
        badge.setVisible(unread > 0);
    }
}
