package de.amtsdesk.core.cases.log;

import java.time.Instant;

/**
 * Everything the case fold consumes. The transport (Matrix sync of the staff room and the citizen rooms) or a
 * replay from the local store produces these; the fold never talks to the network itself.
 */
public sealed interface FoldInput permits StaffEvent, StaffMembership, StaffPowerLevels, CitizenActivity {

    /** Matrix event ID; the fold uses it to ignore a duplicate delivery. */
    String eventId();

    /** {@code origin_server_ts} of the event. */
    Instant serverTime();
}
