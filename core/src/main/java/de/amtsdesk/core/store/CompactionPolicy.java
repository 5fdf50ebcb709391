package de.amtsdesk.core.store;

/**
 * When closing the database is worth a full compaction. A full compaction (H2's {@code SHUTDOWN COMPACT}) copies
 * the live data into a new file: 10–35 s for a 300 MB file on a two-core machine (ADR 0020), so it is done
 * only when the app exits (the window is gone by then), never on the idle lock, and only when it gives back a good part of a big file.
 *
 * @param minimumFileBytes files smaller than this are left as they are
 * @param minimumReclaimablePercent the share of the file a compaction must be expected to give back
 */
public record CompactionPolicy(long minimumFileBytes, int minimumReclaimablePercent) {

    /** A file of at least 64 MiB of which at least 40 % is dead chunks. */
    public static final CompactionPolicy AT_EXIT = new CompactionPolicy(64L << 20, 40);

    public CompactionPolicy {
        if (minimumFileBytes < 0 || minimumReclaimablePercent < 0 || minimumReclaimablePercent > 100) {
            throw new IllegalArgumentException("minimum " + minimumFileBytes + " bytes, "
                    + minimumReclaimablePercent + " %");
        }
    }

    public boolean worthCompacting(StoreFileStatistics statistics) {
        return statistics.fileBytes() >= minimumFileBytes
                && statistics.reclaimableBytesEstimate() * 100 >= (long) minimumReclaimablePercent
                        * statistics.fileBytes();
    }
}
