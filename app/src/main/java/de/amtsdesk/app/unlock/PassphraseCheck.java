package de.amtsdesk.app.unlock;

/**
 * Creates or opens the local encrypted store with a passphrase. Runs off the UI thread (Argon2id takes a moment on
 * purpose). Returns normally on success.
 */
@FunctionalInterface
public interface PassphraseCheck {

    Outcome apply(char[] passphrase);

    enum Outcome { UNLOCKED, WRONG_PASSPHRASE, STORE_DAMAGED }
}
