package de.amtsdesk.core.cases.log;

import java.time.Instant;
import java.util.Objects;

/**
 * An {@code m.room.power_levels} state event of the staff room at its place in the timeline. The homeserver has
 * already checked that its sender was allowed to change power levels, so the fold takes it as given.
 */
public record StaffPowerLevels(String eventId, String sender, PowerLevels levels, Instant serverTime)
        implements FoldInput {

    public StaffPowerLevels {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(serverTime, "serverTime");
    }
}
