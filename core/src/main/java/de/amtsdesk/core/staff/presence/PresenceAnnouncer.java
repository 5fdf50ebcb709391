package de.amtsdesk.core.staff.presence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides which of this member's presence announcements go out: a new case or activity at once, a repeat of the
 * same one only when the last would soon expire. Keystrokes in the reply field therefore cost one staff event every
 * few seconds, not one per key.
 */
public final class PresenceAnnouncer {

    /** A case open on screen: believed for a minute, repeated every half minute while it stays open. */
    static final Duration VIEWING_LIFETIME = Duration.ofSeconds(60);
    /** Writing: believed for 20 s after the last announcement, repeated every 8 s while typing goes on. */
    static final Duration WRITING_LIFETIME = Duration.ofSeconds(20);

    private final Clock clock;
    private String lastCase;
    private StaffPresence.Activity lastActivity = StaffPresence.Activity.NONE;
    private Instant lastSent = Instant.EPOCH;

    public PresenceAnnouncer(Clock clock) {
        this.clock = clock;
    }

    /** The content to send now, or empty when the unit already knows. */
    public synchronized Optional<ObjectNode> due(String caseId, StaffPresence.Activity activity) {
        Instant now = clock.instant();
        boolean same = caseId.equals(lastCase) && activity == lastActivity;
        if (activity == StaffPresence.Activity.NONE) {
            if (!caseId.equals(lastCase) || lastActivity == StaffPresence.Activity.NONE) {
                return Optional.empty(); // nothing was announced for it, so nothing to end
            }
        } else if (same && now.isBefore(lastSent.plus(lifetime(activity).dividedBy(2).minusSeconds(2)))) {
            return Optional.empty();
        }
        lastCase = caseId;
        lastActivity = activity;
        lastSent = now;
        return Optional.of(PresenceEvents.content(caseId, activity, now, lifetime(activity)));
    }

    private static Duration lifetime(StaffPresence.Activity activity) {
        return switch (activity) {
            case VIEWING -> VIEWING_LIFETIME;
            case WRITING -> WRITING_LIFETIME;
            case NONE -> Duration.ZERO;
        };
    }
}
