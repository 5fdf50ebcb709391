package de.amtsdesk.app.unlock;

import java.time.Duration;

/**
 * Creates or opens the local encrypted store with a passphrase. Runs off the UI thread (Argon2id takes a moment on
 * purpose). Returns normally on success.
 */
@FunctionalInterface
public interface PassphraseCheck {

    Outcome apply(char[] passphrase);

    /**
     * How long the next attempt must still wait after wrong passphrases (persisted, so it survives a restart).
     * Cheap enough for the UI thread: it reads one small file.
     */
    default Duration waitBeforeNextAttempt() {
        return Duration.ZERO;
    }

    /** THROTTLED: the attempt came before the wait was over and the passphrase was not tried. */
    enum Outcome { UNLOCKED, WRONG_PASSPHRASE, THROTTLED, STORE_DAMAGED }
}
