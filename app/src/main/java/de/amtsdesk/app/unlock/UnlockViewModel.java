package de.amtsdesk.app.unlock;

import de.amtsdesk.core.i18n.Translations;
import java.util.Arrays;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The caseworker's one unlock per session: on first start they choose a passphrase (twice), afterwards they enter it.
 * Nothing is touched on disk when the passphrase is wrong.
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
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canSubmit;

    public UnlockViewModel(Mode mode, PassphraseCheck check, Executor background, Executor ui, Translations text,
            Runnable onUnlocked) {
        this.mode = mode;
        this.check = check;
        this.background = background;
        this.ui = ui;
        this.text = text;
        this.onUnlocked = onUnlocked;
        this.canSubmit = Bindings.createBooleanBinding(() -> !busy.get() && !passphrase.get().isEmpty()
                && (mode == Mode.UNLOCK || !confirmation.get().isEmpty()), busy, passphrase, confirmation);
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
                    case WRONG_PASSPHRASE -> error.set(text.get("unlock.wrong"));
                    case STORE_DAMAGED -> error.set(text.get("unlock.damaged"));
                }
            });
        });
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
