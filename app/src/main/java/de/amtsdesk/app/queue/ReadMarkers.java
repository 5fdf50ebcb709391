package de.amtsdesk.app.queue;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Until when this caseworker has seen each citizen room on this workstation: citizen messages after that count as
 * unread. Kept per workstation, because "read" means "shown on this screen", not "someone in the unit read it".
 */
public interface ReadMarkers {

    Instant seenUntil(String roomId);

    void markSeen(String roomId, Instant until);

    /** In memory only (tests, and until a store is attached). */
    static ReadMarkers inMemory() {
        Map<String, Instant> seen = new ConcurrentHashMap<>();
        return new ReadMarkers() {
            @Override
            public Instant seenUntil(String roomId) {
                return seen.getOrDefault(roomId, Instant.EPOCH);
            }

            @Override
            public void markSeen(String roomId, Instant until) {
                seen.merge(roomId, until, (a, b) -> a.isAfter(b) ? a : b);
            }
        };
    }
}
