package de.amtsdesk.app.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Locks the workstation after a stretch without keyboard or mouse input. The window reports input with
 * {@link #touch()}; a timer asks {@link #due()} every few seconds. Zero minutes turns the idle lock off (Ctrl+L
 * still locks).
 */
public final class IdleLock {

    public static final Duration DEFAULT = Duration.ofMinutes(10);

    private final Clock clock;
    private final Duration limit;
    private volatile Instant lastInput;

    public IdleLock(Clock clock, Duration limit) {
        this.clock = clock;
        this.limit = limit;
        this.lastInput = clock.instant();
    }

    public void touch() {
        lastInput = clock.instant();
    }

    public boolean due() {
        return !limit.isZero() && !clock.instant().isBefore(lastInput.plus(limit));
    }

    public Duration limit() {
        return limit;
    }
}
