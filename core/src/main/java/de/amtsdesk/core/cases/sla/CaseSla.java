package de.amtsdesk.core.cases.sla;

import java.time.Instant;
import java.util.Optional;

/**
 * The three SLA clocks of a case. {@code nextResponse} is null when no citizen message is waiting for an answer
 * after the first one was answered.
 */
public record CaseSla(SlaClock firstResponse, SlaClock nextResponse, SlaClock resolution) {

    public boolean overdueAt(Instant now) {
        // Plain checks rather than a stream: the overdue filter asks this of every case in the book.
        return firstResponse.overdueAt(now) || nextResponse != null && nextResponse.overdueAt(now)
                || resolution.overdueAt(now);
    }

    /** The earliest due time among clocks not yet met: what the queue sorts by. */
    public Optional<Instant> nextDue() {
        Instant earliest = earlier(earlier(pendingDue(firstResponse), pendingDue(nextResponse)), pendingDue(resolution));
        return Optional.ofNullable(earliest);
    }

    private static Instant pendingDue(SlaClock clock) {
        return clock == null || clock.met() != null ? null : clock.due();
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
