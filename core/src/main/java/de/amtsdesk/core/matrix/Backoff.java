package de.amtsdesk.core.matrix;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter, so a hundred workstations that lost the server at the same moment do not
 * come back at the same moment. A server-given {@code retry_after_ms} always wins.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;
    private int attempt;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    public Duration next(MatrixException failure) {
        attempt++;
        if (failure != null && failure.retryAfterMillis().isPresent()) {
            return Duration.ofMillis(failure.retryAfterMillis().get());
        }
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ceiling / 2 + random.nextLong(ceiling / 2 + 1));
    }

    public void reset() {
        attempt = 0;
    }
}
