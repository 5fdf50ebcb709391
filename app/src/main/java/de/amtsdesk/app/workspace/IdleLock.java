package de.amtsdesk.app.workspace;

import de.amtsdesk.core.policy.EffectivePolicy;
import de.amtsdesk.core.policy.PolicyKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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

    /**
     * The limit in force: the admin policy's minutes win; without them {@code -Damtsdesk.idleLockMinutes} (0 = off)
     * when it is a whole number from 0 to 1440; otherwise {@link #DEFAULT}.
     */
    public static Duration limit(EffectivePolicy policy, String property) {
        Optional<Integer> locked = policy.idleLockMinutes();
        if (locked.isPresent()) {
            return Duration.ofMinutes(locked.get());
        }
        try {
            long minutes = property == null ? -1 : Long.parseLong(property.strip());
            return minutes >= 0 && minutes <= PolicyKey.IDLE_LOCK_MAX ? Duration.ofMinutes(minutes) : DEFAULT;
        } catch (NumberFormatException e) {
            return DEFAULT;
        }
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
