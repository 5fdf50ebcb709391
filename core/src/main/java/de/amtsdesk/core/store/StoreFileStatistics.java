package de.amtsdesk.core.store;

/**
 * How full the database file is. H2's MVStore never overwrites a chunk in place: each commit appends a chunk and
 * leaves older ones partly dead until they are rewritten, so the file holds more than its live data.
 * {@code chunkFillPercent} is H2's own figure for the live share of the chunks ({@code info.CHUNKS_FILL_RATE}).
 *
 * @param fileBytes the size of the database file
 * @param chunkFillPercent how much of the chunks is live data, 0–100
 */
public record StoreFileStatistics(long fileBytes, int chunkFillPercent) {

    public StoreFileStatistics {
        if (fileBytes < 0 || chunkFillPercent < 0 || chunkFillPercent > 100) {
            throw new IllegalArgumentException("file " + fileBytes + " bytes, fill " + chunkFillPercent + " %");
        }
    }

    /** The live data, estimated from the fill rate (a full compaction ends near this size). */
    public long liveBytesEstimate() {
        return fileBytes * chunkFillPercent / 100;
    }

    /** What a full compaction would give back, estimated. */
    public long reclaimableBytesEstimate() {
        return fileBytes - liveBytesEstimate();
    }
}
