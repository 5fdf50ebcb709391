package de.amtsdesk.app.rooms;

/** What one line of the room list shows; preformatted so the cell stays dumb. */
public record RoomRow(String roomId, String name, String lastActivity, boolean encrypted, boolean invited,
        String preview) {
}
