package de.amtsdesk.core.cases.log;

import java.time.Instant;
import java.util.Objects;

/**
 * An {@code m.room.member} state event of the staff room, fed to the fold at its place in the timeline so that a
 * client replaying the log later judges every case event against the membership of its time.
 */
public record StaffMembership(String eventId, String userId, boolean joined, String displayName, Instant serverTime)
        implements FoldInput {

    public StaffMembership {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(serverTime, "serverTime");
    }
}
