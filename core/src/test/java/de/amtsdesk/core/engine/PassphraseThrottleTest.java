package de.amtsdesk.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassphraseThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void waitsGrowAfterEachWrongPassphraseUpToThirtySeconds() {
        assertThat(IntStream.rangeClosed(0, 9).mapToObj(PassphraseThrottle::delayAfter).map(Duration::toSeconds)
                .toList()).containsExactly(0L, 0L, 1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void theWaitCountsDownFromTheLastFailure() {
        PassphraseThrottle throttle = new PassphraseThrottle(dir);
        assertThat(throttle.remaining(T0)).isZero();
        throttle.recordFailure(T0);
        assertThat(throttle.remaining(T0)).as("a first typo costs nothing").isZero();
        throttle.recordFailure(T0);
        throttle.recordFailure(T0);
        throttle.recordFailure(T0);
        assertThat(throttle.remaining(T0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.remaining(T0.plusMillis(2500))).isEqualTo(Duration.ofMillis(1500));
        assertThat(throttle.remaining(T0.plusSeconds(4))).isZero();
    }

    @Test
    void aRestartDoesNotResetItButTheRightPassphraseDoes() {
        PassphraseThrottle first = new PassphraseThrottle(dir);
        for (int i = 0; i < 5; i++) {
            first.recordFailure(T0);
        }
        PassphraseThrottle afterRestart = new PassphraseThrottle(dir);
        assertThat(afterRestart.failures()).isEqualTo(5);
        assertThat(afterRestart.remaining(T0.plusSeconds(1))).isEqualTo(Duration.ofSeconds(7));
        afterRestart.reset();
        assertThat(Files.exists(dir.resolve(PassphraseThrottle.FILE_NAME))).isFalse();
        assertThat(new PassphraseThrottle(dir).remaining(T0)).isZero();
    }

    @Test
    void aClockSetBackWaitsOneStepNeverForever() {
        PassphraseThrottle throttle = new PassphraseThrottle(dir);
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure(T0);
        }
        assertThat(throttle.remaining(T0.minus(Duration.ofDays(365)))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aDamagedRecordFailsClosedWithTheLongestWait() throws Exception {
        Path file = dir.resolve(PassphraseThrottle.FILE_NAME);
        Files.writeString(file, "failures=-3\nlastFailure=yesterday\n");
        Instant written = Files.getLastModifiedTime(file).toInstant();
        PassphraseThrottle throttle = new PassphraseThrottle(dir);
        assertThat(throttle.remaining(written)).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.remaining(written.plusSeconds(31))).isZero();
    }
}
