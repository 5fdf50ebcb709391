package de.amtsdesk.core.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void growsWithJitterUpToTheCeiling() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(7));
        long[] waits = new long[8];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = backoff.next(null).toMillis();
        }
        assertThat(waits[0]).isBetween(500L, 1000L);
        assertThat(waits[2]).isBetween(2000L, 4000L);
        assertThat(waits[7]).isBetween(15_000L, 30_000L);
        backoff.reset();
        assertThat(backoff.next(null).toMillis()).isBetween(500L, 1000L);
    }

    @Test
    void serverRetryAfterWins() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(7));
        MatrixException limited = new MatrixException(MatrixFailure.RATE_LIMITED, "slow down", "hs", "M_LIMIT_EXCEEDED",
                4321L, null);
        assertThat(backoff.next(limited)).isEqualTo(Duration.ofMillis(4321));
    }
}
