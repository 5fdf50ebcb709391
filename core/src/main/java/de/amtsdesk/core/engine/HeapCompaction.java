package de.amtsdesk.core.engine;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One compacting collection after a large catch-up sync. Decrypting and storing a thousand rooms grows the Java heap
 * to several times what stays live (measured: 264 MB committed for 95 MB live, 10,000 cases + 1,000 rooms), and G1
 * gives that memory back only as far as its concurrent cycles let it (they count the garbage of old regions as used).
 * A full collection compacts and shrinks the heap to {@code MaxHeapFreeRatio} above what is live: with the image's 20 %
 * that case settles at 324–336 instead of 404–445 MB RSS (issue 11, ADR 0024). It stops the application for its
 * duration (83–148 ms there), so it runs only when the heap grew past {@link #WORTH_IT_BYTES} and by
 * {@link #GROWTH_WORTH_IT_BYTES} since the last compaction — a short catch-up, or the next unlock's on a large unit's
 * heap, costs nothing — and a few seconds after the catch-up, once the sync's own work is done. The pause is logged.
 */
public final class HeapCompaction {

    private static final Logger LOG = LoggerFactory.getLogger(HeapCompaction.class);

    /** Committed heap below which a catch-up is left alone: a start with a few rooms commits far less. */
    public static final long WORTH_IT_BYTES = 128L << 20;
    /** Growth since the last compaction below which another is not worth its pause. */
    public static final long GROWTH_WORTH_IT_BYTES = 64L << 20;
    /** How the log line of a compaction begins (the packaged-app benchmark reads it back). */
    public static final String COMPACTED = "heap compacted after the catch-up sync: ";
    /** Lets the sync's last batch reach the queue before the collection stops the application. */
    static final Duration AFTER_CATCH_UP = Duration.ofSeconds(2);

    private final LongSupplier committedHeap;
    private final Runnable collect;
    private final Executor later;
    /** The committed heap the last compaction left; 0 before the first. */
    private long lastLeft;

    HeapCompaction(LongSupplier committedHeap, Runnable collect, Executor later) {
        this.committedHeap = committedHeap;
        this.collect = collect;
        this.later = later;
    }

    /** This JVM's heap, collected by {@link System#gc()} (a full, compacting collection under G1). */
    public static HeapCompaction ofThisJvm() {
        return new HeapCompaction(() -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted(),
                System::gc,
                CompletableFuture.delayedExecutor(AFTER_CATCH_UP.toMillis(), TimeUnit.MILLISECONDS,
                        task -> Thread.ofPlatform().daemon().name("heap-compaction").start(task)));
    }

    /** Called when a catch-up sync has been handled; compacts a little later if the heap grew enough to be worth it. */
    public void afterCatchUp() {
        later.execute(this::compactIfWorthIt);
    }

    /** What one look at the heap did: the committed heap before and after, and how long the collection took. */
    record Outcome(boolean compacted, long committedBefore, long committedAfter, long pauseMillis) { }

    synchronized Outcome compactIfWorthIt() {
        long before = committedHeap.getAsLong();
        if (before < WORTH_IT_BYTES || before - lastLeft < GROWTH_WORTH_IT_BYTES) {
            LOG.debug("catch-up left the heap at {} MB committed: no compaction", before >> 20);
            return new Outcome(false, before, before, 0);
        }
        long start = System.nanoTime();
        collect.run();
        long pauseMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        long after = committedHeap.getAsLong();
        lastLeft = after;
        LOG.info(COMPACTED + "{} → {} MB committed, {} ms", before >> 20, after >> 20, pauseMillis);
        return new Outcome(true, before, after, pauseMillis);
    }
}
