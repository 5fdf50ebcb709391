package de.amtsdesk.core.store;

import java.util.Locale;
import java.util.Objects;

/**
 * A room-list row as stored. Display name and preview are personal data (a citizen's name, the start of their
 * message): {@link #toString()} shows only the room id.
 *
 * @param lastActivity epoch milliseconds of the latest event, the room list's sort key
 */
public record StoredRoom(String roomId, String displayName, boolean encrypted, Membership membership,
        long lastActivity, String lastMessagePreview, int unreadCount) {

    /** Matrix membership of our account in the room. */
    public enum Membership {
        JOIN, INVITE, LEAVE, BAN, KNOCK;

        /** From the Matrix wire value ({@code "join"}, {@code "invite"}, …). */
        public static Membership fromMatrix(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }

        public String matrixValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public StoredRoom {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(membership, "membership");
        if (unreadCount < 0) {
            throw new IllegalArgumentException("unreadCount < 0");
        }
    }

    @Override
    public String toString() {
        return "StoredRoom[" + roomId + ", " + membership + (encrypted ? ", encrypted" : "") + ", unread "
                + unreadCount + "]";
    }
}
