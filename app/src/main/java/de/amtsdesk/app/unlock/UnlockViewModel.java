package de.amtsdesk.app.unlock;

import de.amtsdesk.core.i18n.Translations;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The caseworker's one unlock per session: on first start they choose a passphrase (twice), afterwards they enter it.
 * Nothing but the throttle record is touched on disk when the passphrase is wrong; after repeated wrong passphrases
 * the screen says how long the next attempt has to wait and counts down (the wait itself is enforced in the core).
 */
public final class UnlockViewModel {

    public static final int MIN_LENGTH = 10;

    public enum Mode { CREATE, UNLOCK }

    private final Mode mode;
    private final PassphraseCheck check;
    private final Executor background;
    private final Executor ui;
    private final Translations text;
    private final Runnable onUnlocked;
    private final Countdown countdown;
    private final ReadOnlyIntegerWrapper secondsToWait = new ReadOnlyIntegerWrapper(0);
    /** Only the newest countdown chain may tick; an older one (from before a new wrong attempt) just stops. */
    private long countdownGeneration;
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canSubmit;

    public UnlockViewModel(Mode mode, PassphraseCheck check, Executor background, Executor ui, Translations text,
            Countdown countdown, Runnable onUnlocked) {
        this.mode = mode;
        this.check = check;
        this.background = background;
        this.ui = ui;
        this.text = text;
        this.countdown = countdown;
        this.onUnlocked = onUnlocked;
        this.canSubmit = Bindings.createBooleanBinding(() -> !busy.get() && secondsToWait.get() == 0
                && !passphrase.get().isEmpty() && (mode == Mode.UNLOCK || !confirmation.get().isEmpty()),
                busy, passphrase, confirmation, secondsToWait);
        if (mode == Mode.UNLOCK) {
            // A restart does not reset the wait: show what is left of it right away.
            startCountdown();
        }
    }

    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        if (mode == Mode.CREATE) {
            if (passphrase.get().length() < MIN_LENGTH) {
                error.set(text.get("unlock.tooShort", MIN_LENGTH));
                return;
            }
            if (!passphrase.get().equals(confirmation.get())) {
                error.set(text.get("unlock.mismatch"));
                return;
            }
        }
        char[] secret = passphrase.get().toCharArray();
        busy.set(true);
        error.set("");
        background.execute(() -> {
            PassphraseCheck.Outcome outcome;
            try {
                outcome = check.apply(secret);
            } catch (RuntimeException e) {
                outcome = PassphraseCheck.Outcome.STORE_DAMAGED;
            } finally {
                Arrays.fill(secret, '\0');
            }
            PassphraseCheck.Outcome result = outcome;
            ui.execute(() -> {
                busy.set(false);
                switch (result) {
                    case UNLOCKED -> {
                        passphrase.set("");
                        confirmation.set("");
                        onUnlocked.run();
                    }
                    case WRONG_PASSPHRASE -> {
                        error.set(text.get("unlock.wrong"));
                        startCountdown();
                    }
                    case THROTTLED -> startCountdown();
                    case STORE_DAMAGED -> error.set(text.get("unlock.damaged"));
                }
            });
        });
    }

    /** Reads the remaining wait and, while there is one, shows it and ticks once per second. */
    private void startCountdown() {
        long generation = ++countdownGeneration;
        tick(generation);
    }

    private void tick(long generation) {
        if (generation != countdownGeneration) {
            return;
        }
        Duration remaining = check.waitBeforeNextAttempt();
        if (remaining.isZero() || remaining.isNegative()) {
            if (secondsToWait.get() > 0) {
                secondsToWait.set(0);
                error.set(text.get("unlock.tryAgain"));
            }
            return;
        }
        long millis = remaining.toMillis();
        int seconds = (int) ((millis + 999) / 1000);
        secondsToWait.set(seconds);
        error.set(text.get("unlock.wait", seconds));
        // Tick when the shown number changes, so the display stays in step with the real wait.
        long untilNextSecond = millis % 1000 == 0 ? 1000 : millis % 1000;
        countdown.after(Duration.ofMillis(untilNextSecond), () -> tick(generation));
    }

    /** Seconds until the next attempt is allowed; 0 when the caseworker may try now. */
    public ReadOnlyIntegerProperty secondsToWaitProperty() {
        return secondsToWait.getReadOnlyProperty();
    }

    public Mode mode() {
        return mode;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }
}
