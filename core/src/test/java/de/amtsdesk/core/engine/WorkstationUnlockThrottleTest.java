package de.amtsdesk.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.core.store.Argon2idParameters;
import de.amtsdesk.core.store.WrongPassphraseException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The throttle is enforced where the vault is opened, not only on screen. */
class WorkstationUnlockThrottleTest {

    private static final char[] RIGHT = "the right passphrase".toCharArray();
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    @TempDir
    Path dir;

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void tooEarlyAttemptsAreNotEvenTriedAndTheRightPassphraseResetsTheCount() throws Exception {
        Workstation.create(dir, RIGHT.clone(), Argon2idParameters.MINIMUM).close();
        // Each attempt as early as allowed: 0 s after the first failure, 1 s after the second.
        for (Instant attempt : new Instant[] {T0, T0, T0.plusSeconds(1)}) {
            assertThatThrownBy(() -> Workstation.unlock(dir, "wrong".toCharArray(), at(attempt)))
                    .isInstanceOf(WrongPassphraseException.class);
        }
        // Three failures: two seconds to wait. Even the right passphrase is refused before then, untried.
        assertThat(Workstation.unlockWait(dir, at(T0.plusSeconds(2)))).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> Workstation.unlock(dir, RIGHT.clone(), at(T0.plusSeconds(2))))
                .isInstanceOfSatisfying(UnlockThrottledException.class,
                        e -> assertThat(e.remaining()).isEqualTo(Duration.ofSeconds(1)));
        assertThat(new PassphraseThrottle(dir).failures()).as("a refused attempt is no new failure").isEqualTo(3);

        Workstation.unlock(dir, RIGHT.clone(), at(T0.plusSeconds(3))).close();
        assertThat(Workstation.unlockWait(dir, at(T0.plusSeconds(3)))).isZero();
        assertThat(new PassphraseThrottle(dir).failures()).isZero();
    }
}
