package de.amtsdesk.app.rooms;

/**
 * What one line of the room list shows; preformatted so the cell stays dumb.
 *
 * @param unread how often the room had new activity since the caseworker last opened it (0: nothing new)
 */
public record RoomRow(String roomId, String name, String lastActivity, boolean encrypted, boolean invited,
        String preview, int unread) {

    public boolean hasUnread() {
        return unread > 0;
    }
}
