package de.amtsdesk.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdleLockTest {

    private Instant now = Instant.parse("2026-12-02T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void locksOnceAfterTheIdleTimeAndInputPostponesIt() {
        AtomicInteger locks = new AtomicInteger();
        WorkspaceViewModel frame = new WorkspaceViewModel(
                de.amtsdesk.core.i18n.Translations.load("de.amtsdesk.app.messages", java.util.Locale.GERMAN),
                "Anna", "@anna:amt.example", "@amt:amt.example", new WorkspaceViewModel.Session() {
                    @Override
                    public void lock() {
                        locks.incrementAndGet();
                    }

                    @Override
                    public void signOut() {
                    }
                }, new IdleLock(clock, Duration.ofMinutes(10)));
        now = now.plus(Duration.ofMinutes(9));
        frame.input();
        now = now.plus(Duration.ofMinutes(9));
        frame.checkIdle();
        assertThat(locks).hasValue(0);
        now = now.plus(Duration.ofMinutes(2));
        frame.checkIdle();
        frame.checkIdle();
        assertThat(locks).hasValue(1);
        assertThat(frame.caseworkerProperty().get()).isEqualTo("Angemeldet: Anna (@anna:amt.example)");
    }

    @Test
    void zeroMinutesTurnsTheIdleLockOff() {
        IdleLock off = new IdleLock(clock, Duration.ZERO);
        now = now.plus(Duration.ofDays(1));
        assertThat(off.due()).isFalse();
    }

    private static de.amtsdesk.core.policy.EffectivePolicy policy(java.util.Map<String, Object> values) {
        return de.amtsdesk.core.policy.PolicyLoader.load(java.util.List.of(new de.amtsdesk.core.policy.PolicySource() {
            @Override
            public String name() {
                return "/etc/amtsdesk/policy.json";
            }

            @Override
            public java.util.Map<String, Object> read(java.util.List<String> warnings) {
                return values;
            }
        }));
    }

    @Test
    void theAdminPolicyWinsOverTheSystemProperty() {
        assertThat(IdleLock.limit(policy(java.util.Map.of("idleLockMinutes", 3)), "30")).isEqualTo(Duration.ofMinutes(3));
        assertThat(IdleLock.limit(policy(java.util.Map.of("idleLockMinutes", 0)), "30")).isEqualTo(Duration.ZERO);
        assertThat(IdleLock.limit(policy(java.util.Map.of()), "30")).isEqualTo(Duration.ofMinutes(30));
        assertThat(IdleLock.limit(policy(java.util.Map.of()), null)).isEqualTo(IdleLock.DEFAULT);
        assertThat(IdleLock.limit(policy(java.util.Map.of()), "viel")).isEqualTo(IdleLock.DEFAULT);
        assertThat(IdleLock.limit(policy(java.util.Map.of()), "-5")).isEqualTo(IdleLock.DEFAULT);
        // A refused policy value (out of range) leaves the property in force.
        assertThat(IdleLock.limit(policy(java.util.Map.of("idleLockMinutes", 5000)), "7"))
                .isEqualTo(Duration.ofMinutes(7));
    }
}
