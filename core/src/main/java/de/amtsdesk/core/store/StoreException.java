package de.amtsdesk.core.store;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The local database could not be opened. Nothing was deleted or reset: the caseworker's data stays on disk for
 * an IT admin (or a later release) to look at. The UI maps {@link Kind} to one translated sentence.
 */
public class StoreException extends Exception {

    public enum Kind {
        /** The keys do not open the database file (H2 90049 / 28000): the file belongs to another vault. */
        WRONG_KEY,
        /** The file is damaged or not an H2 database (H2 90030, 90048). */
        CORRUPT,
        /** Another Amtsdesk (or another window) has the database open (H2 90020). */
        IN_USE,
        /** The database was migrated by a newer Amtsdesk; this build would not understand it. */
        NEWER_SCHEMA,
        /** A schema migration failed; the migration's transaction was rolled back. */
        MIGRATION_FAILED,
        /** Disk, permissions or another I/O problem. */
        IO
    }

    private final Kind kind;
    private final transient Path directory;
    private final Integer h2ErrorCode;

    public StoreException(Kind kind, Path directory, String detail, Integer h2ErrorCode, Throwable cause) {
        super(kind + ": " + detail + (h2ErrorCode == null ? "" : " [H2 " + h2ErrorCode + "]") + " (" + directory + ")",
                cause);
        this.kind = kind;
        this.directory = directory;
        this.h2ErrorCode = h2ErrorCode;
    }

    public Kind kind() {
        return kind;
    }

    public Path directory() {
        return directory;
    }

    /** H2's error code when the failure came from H2, for the log and support. */
    public OptionalInt h2ErrorCode() {
        return h2ErrorCode == null ? OptionalInt.empty() : OptionalInt.of(h2ErrorCode);
    }
}
