package de.amtsdesk.app.unlock;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.UiThread;
import de.amtsdesk.core.i18n.Translations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The unlock screen's throttle countdown, without the JavaFX toolkit and without waiting real seconds. */
class UnlockViewModelTest {

    private final List<Runnable> ticks = new ArrayList<>();
    private final List<Duration> tickDelays = new ArrayList<>();
    private final Countdown countdown = (delay, tick) -> {
        tickDelays.add(delay);
        ticks.add(tick);
    };
    private int unlocked;

    /** Plays the core: the outcome of the next attempt and the persisted wait. */
    private static final class FakeCheck implements PassphraseCheck {
        Outcome outcome = Outcome.WRONG_PASSPHRASE;
        Duration remaining = Duration.ZERO;
        int attempts;

        @Override
        public Outcome apply(char[] passphrase) {
            attempts++;
            return outcome;
        }

        @Override
        public Duration waitBeforeNextAttempt() {
            return remaining;
        }
    }

    private UnlockViewModel viewModel(UnlockViewModel.Mode mode, FakeCheck check, Locale locale) {
        Translations text = Translations.load("de.amtsdesk.app.messages", locale, getClass().getClassLoader());
        return new UnlockViewModel(mode, check, Runnable::run, UiThread.direct(), text, countdown, () -> unlocked++);
    }

    private void runLastTick() {
        ticks.get(ticks.size() - 1).run();
    }

    @Test
    void aFirstTypoCostsNothing() {
        FakeCheck check = new FakeCheck();
        UnlockViewModel vm = viewModel(UnlockViewModel.Mode.UNLOCK, check, Locale.GERMAN);
        vm.passphraseProperty().set("falsch");
        vm.submit();
        assertThat(vm.errorProperty().get()).isEqualTo("Die Passphrase ist falsch. Es wurde nichts verändert.");
        assertThat(vm.canSubmitProperty().get()).isTrue();
        assertThat(ticks).isEmpty();
    }

    @Test
    void afterRepeatedWrongPassphrasesTheScreenCountsDownAndThenAllowsTheNextAttempt() {
        FakeCheck check = new FakeCheck();
        UnlockViewModel vm = viewModel(UnlockViewModel.Mode.UNLOCK, check, Locale.GERMAN);
        vm.passphraseProperty().set("falsch");
        check.remaining = Duration.ofMillis(1500); // what the core recorded for this failure
        vm.submit();

        assertThat(vm.errorProperty().get()).isEqualTo(
                "Die Passphrase war falsch. Zum Schutz vor Ausprobieren ist der nächste Versuch erst in 2 Sekunden möglich.");
        assertThat(vm.secondsToWaitProperty().get()).isEqualTo(2);
        assertThat(vm.canSubmitProperty().get()).isFalse();
        assertThat(tickDelays).containsExactly(Duration.ofMillis(500));

        check.remaining = Duration.ofMillis(1000);
        runLastTick();
        assertThat(vm.errorProperty().get()).contains("erst in 1 Sekunde möglich");
        assertThat(vm.canSubmitProperty().get()).isFalse();
        vm.submit();
        assertThat(check.attempts).as("no attempt while waiting").isEqualTo(1);

        check.remaining = Duration.ZERO;
        runLastTick();
        assertThat(vm.secondsToWaitProperty().get()).isZero();
        assertThat(vm.canSubmitProperty().get()).isTrue();
        assertThat(vm.errorProperty().get()).isEqualTo("Die Passphrase war falsch. Sie können es jetzt erneut versuchen.");
        assertThat(ticks).hasSize(2);
    }

    @Test
    void aRestartShowsTheRemainingWaitRightAway() {
        FakeCheck check = new FakeCheck();
        check.remaining = Duration.ofSeconds(30);
        UnlockViewModel vm = viewModel(UnlockViewModel.Mode.UNLOCK, check, Locale.ENGLISH);
        vm.passphraseProperty().set("anything");

        assertThat(vm.errorProperty().get()).isEqualTo(
                "The passphrase was wrong. To slow down guessing, the next attempt is possible in 30 seconds.");
        assertThat(vm.canSubmitProperty().get()).isFalse();
    }

    @Test
    void anAttemptTheCoreRefusedAsTooEarlyShowsTheWait() {
        FakeCheck check = new FakeCheck();
        UnlockViewModel vm = viewModel(UnlockViewModel.Mode.UNLOCK, check, Locale.GERMAN);
        vm.passphraseProperty().set("richtig aber zu früh");
        check.outcome = PassphraseCheck.Outcome.THROTTLED;
        check.remaining = Duration.ofSeconds(4);
        vm.submit();
        assertThat(vm.errorProperty().get()).contains("erst in 4 Sekunden möglich");
        assertThat(unlocked).isZero();
    }

    @Test
    void anOlderCountdownStopsWhenANewOneStarts() {
        FakeCheck check = new FakeCheck();
        check.remaining = Duration.ofSeconds(2);
        UnlockViewModel vm = viewModel(UnlockViewModel.Mode.UNLOCK, check, Locale.GERMAN);
        Runnable firstChain = ticks.get(0);
        check.remaining = Duration.ZERO;
        firstChain.run();
        vm.passphraseProperty().set("wieder falsch");
        check.remaining = Duration.ofSeconds(2);
        vm.submit();
        assertThat(ticks).as("the new chain's first tick").hasSize(2);

        firstChain.run(); // a late tick of the old chain
        assertThat(ticks).as("the old chain does not reschedule").hasSize(2);
        runLastTick();
        assertThat(ticks).as("the new chain goes on").hasSize(3);
        assertThat(unlocked).isZero();
    }
}
