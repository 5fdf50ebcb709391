package de.amtsdesk.app.queue;

import de.amtsdesk.app.PlainText;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * A heading in the queue (life situation or service) with its count and unread count, indented by level; drawn like
 * {@link CaseLines}, so that the next heading in a scrolled row asks for no layout.
 */
final class HeadingLine extends Region {

    private static final double INDENT_PER_LEVEL = 14;
    private static final double GAP = 8;

    private final Text title = PlainText.ofClass("queue-header-title");
    private final Label badge = UnreadBadge.create();
    private String titleFull = "";

    HeadingLine() {
        getChildren().addAll(title, badge);
    }

    void show(QueueEntry.Header header) {
        titleFull = header.title() + " (" + header.count() + ")";
        title.setLayoutX(header.level() * INDENT_PER_LEVEL);
        UnreadBadge.show(badge, header.unread());
        place();
    }

    @Override
    protected void layoutChildren() {
        place();
    }

    private void place() {
        double badgeRoom = 0;
        if (badge.isVisible()) {
            badge.autosize();
            badgeRoom = GAP + badge.getWidth();
        }
        PlainText.fit(title, titleFull, PlainText.roomIn(this, title.getLayoutX() + badgeRoom));
        badge.setLayoutX(snapPositionX(title.getLayoutX() + title.getLayoutBounds().getWidth() + GAP));
    }

    @Override
    protected double computePrefHeight(double width) {
        double height = title.getLayoutBounds().getHeight();
        return snapSizeY(badge.isVisible() ? Math.max(height, badge.prefHeight(-1)) : height);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 0;
    }
}
