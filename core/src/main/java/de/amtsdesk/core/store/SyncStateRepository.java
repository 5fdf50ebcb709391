package de.amtsdesk.core.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@code /sync} continues. Save the token in the same {@link AppDatabase#inTransaction} as the events of
 * the batch it ends: a crash then loses both or neither, and the next sync repeats the batch (event upserts are
 * idempotent) instead of skipping it.
 */
public final class SyncStateRepository {

    private final Jdbc jdbc;

    SyncStateRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> since() {
        return jdbc.run("load sync token", c -> Jdbc.first(c, row -> row.getString(1),
                "SELECT since_token FROM sync_state WHERE id = 1"));
    }

    /** When the token was last saved (for the doctor: "last synced …"). */
    public Optional<Instant> updatedAt() {
        return jdbc.run("load sync time", c -> Jdbc.first(c, row -> Instant.ofEpochMilli(row.getLong(1)),
                "SELECT updated_at FROM sync_state WHERE id = 1"));
    }

    public void save(String since) {
        Objects.requireNonNull(since, "since");
        jdbc.run("save sync token", c -> Jdbc.update(c,
                "MERGE INTO sync_state (id, since_token, updated_at) KEY (id) VALUES (1, ?, ?)", since, jdbc.now()));
    }

    /** Saves the token together with the room directory it belongs to (one row, one statement). */
    public void save(String since, String roomDirectoryJson) {
        Objects.requireNonNull(since, "since");
        jdbc.run("save sync token", c -> Jdbc.update(c,
                "MERGE INTO sync_state (id, since_token, updated_at, room_directory) KEY (id) VALUES (1, ?, ?, ?)",
                since, jdbc.now(), roomDirectoryJson));
    }

    public Optional<String> roomDirectory() {
        return jdbc.run("load room directory", c -> Jdbc.first(c, row -> row.getString(1),
                "SELECT room_directory FROM sync_state WHERE id = 1 AND room_directory IS NOT NULL"));
    }

    /** Forgets the token: the next sync is an initial one. */
    public void clear() {
        jdbc.run("clear sync token", c -> Jdbc.update(c, "DELETE FROM sync_state"));
    }
}
