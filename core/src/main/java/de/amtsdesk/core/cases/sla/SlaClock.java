package de.amtsdesk.core.cases.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One SLA clock of a case. {@code due} is null only while the clock is paused before it ran out (then
 * {@code remaining} says how much business time is left); {@code met} is when the target was fulfilled, or null.
 * Nothing here depends on "now", so the fold can compute it once; {@link #stateAt} and {@link #overdueAt} take
 * the instant to judge at.
 */
public record SlaClock(Instant started, Duration target, Instant due, Instant met, Instant pausedSince,
        Duration remaining) {

    public enum State { RUNNING, PAUSED, OVERDUE, MET, MET_LATE;

        public String messageKey() {
            return "sla.state." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean overdueAt(Instant now) {
        return met == null && due != null && now.isAfter(due);
    }

    public State stateAt(Instant now) {
        if (met != null) {
            return due != null && met.isAfter(due) ? State.MET_LATE : State.MET;
        }
        if (overdueAt(now)) {
            return State.OVERDUE;
        }
        return pausedSince != null ? State.PAUSED : State.RUNNING;
    }
}
