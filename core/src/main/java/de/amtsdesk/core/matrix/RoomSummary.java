package de.amtsdesk.core.matrix;

import java.time.Instant;

/**
 * One row of the room list: what a caseworker needs to recognise a conversation at a glance. {@code preview} is the
 * decrypted last message (empty when there is none yet).
 */
public record RoomSummary(String roomId, String displayName, Instant lastActivity, boolean encrypted,
        Membership membership, String preview) {

    public enum Membership { JOINED, INVITED }

    public RoomSummary(String roomId, String displayName, Instant lastActivity, boolean encrypted,
            Membership membership) {
        this(roomId, displayName, lastActivity, encrypted, membership, "");
    }

    public RoomSummary withPreview(String newPreview) {
        return new RoomSummary(roomId, displayName, lastActivity, encrypted, membership,
                newPreview == null ? "" : newPreview);
    }
}
