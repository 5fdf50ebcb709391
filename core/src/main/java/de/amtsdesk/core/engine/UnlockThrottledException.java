package de.amtsdesk.core.engine;

import de.amtsdesk.core.store.VaultException;
import java.nio.file.Path;
import java.time.Duration;

/** An unlock attempt came before the wait after the last wrong passphrases was over; the passphrase was not tried. */
public final class UnlockThrottledException extends VaultException {

    private final transient Duration remaining;

    public UnlockThrottledException(Path directory, Duration remaining) {
        super(Kind.THROTTLED, directory, "next attempt allowed in " + remaining.toMillis() + " ms");
        this.remaining = remaining;
    }

    /** How much longer the caseworker has to wait. */
    public Duration remaining() {
        return remaining;
    }
}
