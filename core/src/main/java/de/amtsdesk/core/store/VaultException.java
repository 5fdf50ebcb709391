package de.amtsdesk.core.store;

import java.nio.file.Path;

/**
 * The vault in a data directory could not be created, opened or changed. The {@link Kind} is what the UI turns
 * into one translated sentence; the message names the directory and never carries key material.
 */
public class VaultException extends Exception {

    /** What went wrong, in terms the UI (or an IT admin) can act on. */
    public enum Kind {
        /** No vault header in the directory: first start on this workstation profile, offer to create one. */
        NOT_FOUND,
        /** {@code create} found a vault already; refusing protects the existing data. */
        ALREADY_EXISTS,
        /** The header is unreadable or inconsistent (damaged disk, edited by hand). Nothing was changed. */
        CORRUPT,
        /** The header was written by a newer Amtsdesk (format version this build does not know). */
        UNSUPPORTED_VERSION,
        /** The passphrase does not open the vault. Always a {@link WrongPassphraseException}. */
        WRONG_PASSPHRASE,
        /** Reading or writing the header failed (permissions, disk full). */
        IO,
        /** Too many wrong passphrases just now: the attempt was not even tried (see the engine's throttle). */
        THROTTLED
    }

    private final Kind kind;
    private final transient Path directory;

    public VaultException(Kind kind, Path directory, String detail) {
        this(kind, directory, detail, null);
    }

    public VaultException(Kind kind, Path directory, String detail, Throwable cause) {
        super(kind + ": " + detail + " (" + directory + ")", cause);
        this.kind = kind;
        this.directory = directory;
    }

    public Kind kind() {
        return kind;
    }

    /** The data directory the vault lives in. */
    public Path directory() {
        return directory;
    }
}
