package de.amtsdesk.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Room-list rows, so the list shows at start-up before the first sync answers. */
public final class RoomRepository {

    private static final String COLUMNS =
            "room_id, display_name, encrypted, membership, last_activity, last_message_preview, unread_count";

    private final Jdbc jdbc;

    RoomRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the room or replaces every field of the stored one. */
    public void upsert(StoredRoom room) {
        jdbc.run("upsert room", c -> Jdbc.update(c,
                "MERGE INTO rooms (" + COLUMNS + ") KEY (room_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                room.roomId(), room.displayName(), room.encrypted(), room.membership(), room.lastActivity(),
                Jdbc.clip(room.lastMessagePreview(), 1024), room.unreadCount()));
    }

    /** Several rooms in one transaction (one sync response). */
    public void upsertAll(List<StoredRoom> rooms) {
        jdbc.inTransaction("upsert rooms", c -> {
            for (StoredRoom room : rooms) {
                upsert(room);
            }
            return null;
        });
    }

    public Optional<StoredRoom> find(String roomId) {
        return jdbc.run("find room", c -> Jdbc.first(c, RoomRepository::map,
                "SELECT " + COLUMNS + " FROM rooms WHERE room_id = ?", roomId));
    }

    /** All rooms, most recent activity first (ties by room id, so the order is stable). */
    public List<StoredRoom> list() {
        return jdbc.run("list rooms", c -> Jdbc.list(c, RoomRepository::map,
                "SELECT " + COLUMNS + " FROM rooms ORDER BY last_activity DESC, room_id"));
    }

    /** Rooms with the given membership, most recent activity first. */
    public List<StoredRoom> list(StoredRoom.Membership membership) {
        return jdbc.run("list rooms", c -> Jdbc.list(c, RoomRepository::map,
                "SELECT " + COLUMNS + " FROM rooms WHERE membership = ? ORDER BY last_activity DESC, room_id",
                membership));
    }

    /** Removes the room row (its events and outbox rows stay; deleting a conversation is a later decision). */
    public boolean delete(String roomId) {
        return jdbc.run("delete room", c -> Jdbc.update(c, "DELETE FROM rooms WHERE room_id = ?", roomId)) > 0;
    }

    private static StoredRoom map(ResultSet row) throws SQLException {
        return new StoredRoom(row.getString("room_id"), row.getString("display_name"), row.getBoolean("encrypted"),
                StoredRoom.Membership.valueOf(row.getString("membership")), row.getLong("last_activity"),
                row.getString("last_message_preview"), row.getInt("unread_count"));
    }
}
