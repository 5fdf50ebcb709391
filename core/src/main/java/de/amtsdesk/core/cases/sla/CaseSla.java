package de.amtsdesk.core.cases.sla;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The three SLA clocks of a case. {@code nextResponse} is null when no citizen message is waiting for an answer
 * after the first one was answered.
 */
public record CaseSla(SlaClock firstResponse, SlaClock nextResponse, SlaClock resolution) {

    public boolean overdueAt(Instant now) {
        return clocks().anyMatch(clock -> clock.overdueAt(now));
    }

    /** The earliest due time among clocks not yet met: what the queue sorts by. */
    public Optional<Instant> nextDue() {
        return clocks().filter(clock -> clock.met() == null && clock.due() != null).map(SlaClock::due)
                .min(Instant::compareTo);
    }

    private Stream<SlaClock> clocks() {
        return Stream.of(firstResponse, nextResponse, resolution).filter(java.util.Objects::nonNull);
    }
}
