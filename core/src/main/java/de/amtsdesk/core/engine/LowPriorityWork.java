package de.amtsdesk.core.engine;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;
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
    private static final int PRIO_PROCESS = 0;
    private static final Optional<LinuxCalls> LINUX = LinuxCalls.find();

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

    /** The calling thread's nice value on Linux, or empty elsewhere or if it cannot be read. */
    static Optional<Integer> niceValueOfThisThread() {
        return LINUX.flatMap(LinuxCalls::niceOfThisThread);
    }

    private static void lowerThisThreadsNiceValue() {
        if (LINUX.isEmpty()) {
            return;
        }
        if (!LINUX.get().setNiceOfThisThread(LINUX_NICE)) {
            LOG.info("could not lower the priority of thread {}; it runs at normal priority",
                    Thread.currentThread().getName());
        }
    }

    /** {@code gettid}, {@code getpriority} and {@code setpriority} from the C library, via the FFM API. */
    private record LinuxCalls(MethodHandle gettid, MethodHandle getpriority, MethodHandle setpriority) {

        static Optional<LinuxCalls> find() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                return Optional.empty();
            }
            try {
                Linker linker = Linker.nativeLinker();
                var libc = linker.defaultLookup();
                MethodHandle gettid = linker.downcallHandle(libc.find("gettid").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT));
                MethodHandle getpriority = linker.downcallHandle(libc.find("getpriority").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
                MethodHandle setpriority = linker.downcallHandle(libc.find("setpriority").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                                ValueLayout.JAVA_INT));
                return Optional.of(new LinuxCalls(gettid, getpriority, setpriority));
            } catch (RuntimeException | LinkageError e) {
                // No C library with these symbols (or native access refused): normal priority, said once.
                LOG.info("thread priorities cannot be set here ({}); background work runs at normal priority",
                        e.toString());
                return Optional.empty();
            }
        }

        boolean setNiceOfThisThread(int nice) {
            try {
                return (int) setpriority.invokeExact(PRIO_PROCESS, (int) gettid.invokeExact(), nice) == 0;
            } catch (Throwable e) {
                return false;
            }
        }

        Optional<Integer> niceOfThisThread() {
            try {
                // getpriority returns the nice value itself (-20..19) for PRIO_PROCESS with a thread id.
                return Optional.of((int) getpriority.invokeExact(PRIO_PROCESS, (int) gettid.invokeExact()));
            } catch (Throwable e) {
                return Optional.empty();
            }
        }
    }
}
