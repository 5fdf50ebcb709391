package de.amtsdesk.core.threads;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the priority of HotSpot's optimising compiler (C2) threads, once at start, on Linux.
 *
 * <p>Why (issue 8, cold start to the queue): on a two-core office PC the JIT's compiler threads used about one core
 * for the whole way from the passphrase to the queue (async-profiler, stop 33: C2 1.7 s and C1 0.9 s of CPU in a
 * 2.7 s start with the AOT cache), so the unlock, the case book's restore and the queue's projection ran on what was
 * left. With C2 at nice 10 the start reached the queue ~300–400 ms sooner, and the FX pulses while scrolling and
 * searching afterwards stayed as they were (bench/results/workspace-queue-c2-nice.txt): C2 still gets every idle
 * cycle, and C1, which compiles the hot code first, keeps its priority (lowering both was slower). The nice value
 * cannot be raised again without privileges, so it stays for the session: C2 runs whenever the cores are not busy.
 *
 * <p>Only C2 threads that exist now are lowered: with HotSpot's dynamic compiler threads a many-core machine may start
 * more later, and those run at normal priority (where cores are plenty, the competition this answers is small). On
 * Windows and macOS nothing changes. {@code -Damtsdesk.jit.lowPriority=false} leaves the compiler as it is (for
 * measuring).
 */
public final class OptimisingCompiler {

    /** Nice value of the C2 threads: 10 of 19, CFS gives a nice-0 thread about ten times their share. */
    public static final int NICE = 10;
    static final String THREAD_NAME = "C2 CompilerThre"; // "C2 CompilerThread0", cut to 15 bytes by the kernel
    private static final Logger LOG = LoggerFactory.getLogger(OptimisingCompiler.class);

    private OptimisingCompiler() {
    }

    /** Lowers the C2 threads' priority; returns how many were lowered (0 where not possible or switched off). */
    public static int lowerPriority() {
        if (!Boolean.parseBoolean(System.getProperty("amtsdesk.jit.lowPriority", "true")) || !ThreadNice.available()) {
            return 0;
        }
        List<Integer> threads = ThreadNice.threadsNamed(THREAD_NAME);
        int lowered = 0;
        for (int tid : threads) {
            if (ThreadNice.of(tid).orElse(NICE) < NICE && ThreadNice.set(tid, NICE)) {
                lowered++;
            }
        }
        LOG.debug("optimising compiler threads {} at nice {} ({} lowered now)", threads, NICE, lowered);
        return lowered;
    }

    /** {@link #lowerPriority()} on a short-lived thread of its own, so the caller's start does not wait for it. */
    public static void lowerPriorityInBackground() {
        Thread.ofPlatform().name("amtsdesk-jit-priority").daemon(true).start(OptimisingCompiler::lowerPriority);
    }
}
