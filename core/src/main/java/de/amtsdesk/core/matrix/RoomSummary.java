package de.amtsdesk.core.matrix;

import java.time.Instant;

/** One row of the room list: what a caseworker needs to recognise a conversation at a glance. */
public record RoomSummary(String roomId, String displayName, Instant lastActivity, boolean encrypted,
        Membership membership) {

    public enum Membership { JOINED, INVITED }
}
