package de.amtsdesk.core.store;

import java.nio.file.Path;

/**
 * The passphrase does not open the vault (the UI says "Die Passphrase ist falsch"). Nothing in the data
 * directory was read beyond the header, and nothing was written.
 *
 * <p>AES-GCM cannot tell a wrong passphrase from a header whose key parameters were altered on purpose; both
 * end here. Accidental damage is caught before, by the header checksum, and reported as
 * {@link VaultException.Kind#CORRUPT}.
 */
public final class WrongPassphraseException extends VaultException {

    public WrongPassphraseException(Path directory) {
        super(Kind.WRONG_PASSPHRASE, directory, "the passphrase does not open this vault");
    }
}
