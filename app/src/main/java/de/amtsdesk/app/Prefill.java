package de.amtsdesk.app;

import java.util.Optional;

/**
 * Secrets typed in ahead for the demo and for UI tests: the workstation passphrase and the account password.
 * Handed to {@link MainWindow} as an object inside the JVM, never read from arguments, environment or files by the
 * production launcher, so an installed Amtsdesk cannot be made to start with somebody else's secrets filled in.
 */
public record Prefill(Optional<String> password, Optional<String> passphrase) {

    public static final Prefill NONE = new Prefill(Optional.empty(), Optional.empty());

    public static Prefill passphrase(String passphrase) {
        return new Prefill(Optional.empty(), Optional.of(passphrase));
    }

    @Override
    public String toString() {
        return "Prefill[password " + (password.isPresent() ? "set" : "none") + ", passphrase "
                + (passphrase.isPresent() ? "set" : "none") + "]";
    }
}
