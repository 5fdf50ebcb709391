package de.amtsdesk.core.engine;

import de.amtsdesk.core.threads.ThreadNice;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs long background work (a key backup restore: minutes of decrypting and storing on every core there is) on a
 * thread of its own that the operating system schedules after the window's threads, so the caseworker's window
 * keeps its frames while it runs (issue 11: no FX pulse over 16 ms during a restore).
 *
 * <p>A thread of its own because a lowered priority cannot be raised again without privileges: a pooled thread
 * would stay slow for whatever it runs next. On Windows the JVM maps {@link Thread#MIN_PRIORITY} to the OS's
 * lowest thread priority; on Linux it ignores Java priorities, so the thread raises its own nice value (which on
 * Linux is per thread) through {@code setpriority(2)}. Where neither is possible the work still runs, at normal
 * priority, and the log says so once.
 */
final class LowPriorityWork {

    /** What the work throws besides unchecked exceptions. */
    @FunctionalInterface
    interface Work<T, X extends Exception> {
        T run() throws X;
    }

    private static final Logger LOG = LoggerFactory.getLogger(LowPriorityWork.class);
    /** Nice value of the thread on Linux: 10 of 19, CFS gives a nice-0 thread about ten times its share. */
    static final int LINUX_NICE = 10;

    private LowPriorityWork() {
    }

    /**
     * Runs {@code work} on a new low-priority thread named {@code name} and waits for it; returns its result or
     * throws what it threw. An interrupt of the waiting thread is passed on to the work, which is still waited for
     * (so nothing it holds is used by two threads), and kept set afterwards.
     */
    static <T, X extends Exception> T call(String name, Work<T, X> work) throws X {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = Thread.ofPlatform().name(name).daemon(true).priority(Thread.MIN_PRIORITY).unstarted(() -> {
            lowerThisThreadsNiceValue();
            try {
                result.set(work.run());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        worker.start();
        boolean interrupted = false;
        while (worker.isAlive()) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                interrupted = true;
                worker.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return resultOrRethrow(result.get(), failure.get());
    }

    @SuppressWarnings("unchecked")
    private static <T, X extends Exception> T resultOrRethrow(T result, Throwable failure) throws X {
        if (failure == null) {
            return result;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw (X) failure;
    }

    private static void lowerThisThreadsNiceValue() {
        if (ThreadNice.available() && !ThreadNice.setForThisThread(LINUX_NICE)) {
            LOG.info("could not lower the priority of thread {}; it runs at normal priority",
                    Thread.currentThread().getName());
        }
    }
}
