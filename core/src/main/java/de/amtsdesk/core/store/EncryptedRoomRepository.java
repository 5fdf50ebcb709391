package de.amtsdesk.core.store;

import java.util.List;
import java.util.Objects;

/**
 * The sticky record of rooms that were ever encrypted. Only grows: a room once encrypted stays encrypted for the
 * outbox, whatever the room directory believes later, so a forgotten fact can never turn into a cleartext reply.
 */
public final class EncryptedRoomRepository {

    private final Jdbc jdbc;

    EncryptedRoomRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the room as encrypted; a room already recorded keeps its first record. */
    public void remember(String roomId, String algorithm) {
        Objects.requireNonNull(roomId, "roomId");
        String alg = algorithm == null || algorithm.isBlank() ? "unknown" : algorithm;
        jdbc.run("remember encrypted room", c -> Jdbc.update(c,
                "INSERT INTO encrypted_rooms (room_id, algorithm, first_seen) SELECT ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM encrypted_rooms WHERE room_id = ?)",
                roomId, Jdbc.clip(alg, 255), jdbc.now(), roomId));
    }

    public boolean isEncrypted(String roomId) {
        return jdbc.run("is room encrypted", c -> Jdbc.count(c,
                "SELECT COUNT(*) FROM encrypted_rooms WHERE room_id = ?", roomId)) > 0;
    }

    public List<String> all() {
        return jdbc.run("list encrypted rooms", c -> Jdbc.list(c, row -> row.getString(1),
                "SELECT room_id FROM encrypted_rooms ORDER BY room_id"));
    }
}
