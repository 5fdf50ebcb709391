package de.amtsdesk.core.staff.presence;

import java.time.Instant;
import java.util.Objects;

/**
 * What one staff member is doing with one case right now, until {@code until}: the case is open on their screen, or
 * they are writing a reply to its citizen. Never stored, never part of the case book: it only prevents two people
 * from answering the same citizen at once (issue 9, ADR 0016).
 */
public record StaffPresence(String userId, String caseId, Activity activity, Instant until) {

    public enum Activity {
        /** The case is open on their screen. */
        VIEWING,
        /** They are typing a reply to the citizen. */
        WRITING,
        /** They closed the case or sent the reply: whatever they announced before is over. */
        NONE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public StaffPresence {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(until, "until");
    }

    public boolean activeAt(Instant now) {
        return activity != Activity.NONE && now.isBefore(until);
    }
}
