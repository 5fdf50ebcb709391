package de.amtsdesk.core.cases.log;

import java.time.Instant;
import java.util.Objects;

/**
 * A message in a citizen room, as seen by the functional account: either the citizen wrote
 * ({@link Direction#FROM_CITIZEN}, which reopens a closed or waiting case and starts the next-response clock) or
 * the agency answered ({@link Direction#FROM_AGENCY}, which meets the response clocks). Only the time and the
 * direction matter to the fold; the text stays in the conversation store.
 */
public record CitizenActivity(String eventId, String roomId, String sender, Direction direction, Instant serverTime)
        implements FoldInput {

    public enum Direction { FROM_CITIZEN, FROM_AGENCY }

    public CitizenActivity {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(serverTime, "serverTime");
    }
}
