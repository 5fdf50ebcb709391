package de.amtsdesk.core.cases.sla;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the SLA clocks of one case are computed from, in time order: when the case started, when the citizen
 * wrote, when the agency answered, the intervals in which the case waited for the citizen or was closed (the
 * clocks pause then), and when it was closed if it is closed now.
 */
public record SlaTimeline(Instant start, List<Instant> citizenMessages, List<Instant> agencyReplies,
        List<Pause> pauses, Instant closedAt) {

    /** An interval in which the clocks stand still; {@code until} is null while it lasts. */
    public record Pause(Instant from, Instant until) {
        public Pause {
            Objects.requireNonNull(from, "from");
        }
    }

    public SlaTimeline {
        Objects.requireNonNull(start, "start");
        citizenMessages = List.copyOf(citizenMessages);
        agencyReplies = List.copyOf(agencyReplies);
        pauses = List.copyOf(pauses);
    }
}
