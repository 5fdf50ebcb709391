package de.amtsdesk.core.engine;

/** Hears how far a key backup restore is; called on the restoring thread after each batch of keys. */
@FunctionalInterface
public interface KeyRestoreProgress {

    KeyRestoreProgress NONE = (read, total) -> { };

    /**
     * @param read backed-up room keys read and imported so far
     * @param total how many keys the server says the backup holds (at least {@code read}; 0 if it did not say)
     */
    void update(long read, long total);
}
