package de.amtsdesk.core.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Until when this workstation has shown each citizen room (schema 8). "Read" is local on purpose: it means the
 * conversation was on this screen, not that someone in the unit read it.
 */
public final class ReadMarkerRepository {

    private final Jdbc jdbc;

    ReadMarkerRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves the marker forward only (a late, older mark never makes messages unread again). */
    public void markSeen(String roomId, Instant until) {
        jdbc.run("save read marker", c -> Jdbc.update(c,
                "MERGE INTO read_markers (room_id, seen_until) KEY (room_id) "
                        + "SELECT ?, GREATEST(?, COALESCE((SELECT seen_until FROM read_markers WHERE room_id = ?), 0))",
                roomId, until.toEpochMilli(), roomId));
    }

    public Map<String, Instant> all() {
        Map<String, Instant> markers = new HashMap<>();
        jdbc.run("read markers", c -> Jdbc.list(c, row -> Map.entry(row.getString(1),
                Instant.ofEpochMilli(row.getLong(2))), "SELECT room_id, seen_until FROM read_markers"))
                .forEach(e -> markers.put(e.getKey(), e.getValue()));
        return markers;
    }
}
