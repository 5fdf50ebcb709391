package de.amtsdesk.core.threads;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nice values of this process's threads on Linux, where the nice value is per thread and the JVM ignores Java thread
 * priorities: {@code gettid}, {@code getpriority} and {@code setpriority} from the C library via the FFM API, and the
 * thread names the kernel keeps in {@code /proc/self/task}. Everywhere else every method answers "not possible".
 *
 * <p>Only lowering is offered: raising a nice value again needs privileges ({@code RLIMIT_NICE} is 0 by default).
 */
public final class ThreadNice {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadNice.class);
    private static final int PRIO_PROCESS = 0;
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Optional<LinuxCalls> LINUX = LinuxCalls.find();

    private ThreadNice() {
    }

    /** Whether nice values can be read and set here (Linux with native access). */
    public static boolean available() {
        return LINUX.isPresent();
    }

    /** The calling thread's nice value, or empty where it cannot be read. */
    public static Optional<Integer> ofThisThread() {
        return LINUX.flatMap(calls -> calls.nice(calls.tid()));
    }

    /** The nice value of the thread with kernel id {@code tid} in this process, or empty. */
    public static Optional<Integer> of(int tid) {
        return LINUX.flatMap(calls -> calls.nice(tid));
    }

    /** Sets the calling thread's nice value; false where that is not possible. */
    public static boolean setForThisThread(int nice) {
        return LINUX.map(calls -> calls.setNice(calls.tid(), nice)).orElse(false);
    }

    /** Sets the nice value of this process's thread {@code tid}; false where that is not possible. */
    public static boolean set(int tid, int nice) {
        return LINUX.map(calls -> calls.setNice(tid, nice)).orElse(false);
    }

    /**
     * Kernel ids of this process's threads whose kernel name (the first 15 bytes of the thread's name, as in
     * {@code /proc/self/task/<tid>/comm}) starts with {@code prefix}; empty where there is no {@code /proc}.
     */
    public static List<Integer> threadsNamed(String prefix) {
        List<Integer> found = new ArrayList<>();
        if (LINUX.isEmpty() || !Files.isDirectory(TASKS)) {
            return found;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                Path tid = task.getFileName();
                try {
                    if (tid != null && Files.readString(task.resolve("comm")).strip().startsWith(prefix)) {
                        found.add(Integer.parseInt(tid.toString()));
                    }
                } catch (IOException | NumberFormatException e) {
                    // the thread ended while we looked, or an entry that is not a thread: not one of ours
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot list this process's threads: {}", e.toString());
        }
        return found;
    }

    /** The C library's calls; present on Linux when native access is allowed. */
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
                // No C library with these symbols (or native access refused): said once, priorities stay as they are.
                LOG.info("thread priorities cannot be set here ({}); all threads run at normal priority", e.toString());
                return Optional.empty();
            }
        }

        int tid() {
            try {
                return (int) gettid.invokeExact();
            } catch (Throwable e) {
                throw new IllegalStateException("gettid failed", e);
            }
        }

        boolean setNice(int tid, int nice) {
            try {
                return (int) setpriority.invokeExact(PRIO_PROCESS, tid, nice) == 0;
            } catch (Throwable e) {
                return false;
            }
        }

        Optional<Integer> nice(int tid) {
            try {
                // getpriority returns the nice value itself (-20..19) for PRIO_PROCESS with a thread id.
                return Optional.of((int) getpriority.invokeExact(PRIO_PROCESS, tid));
            } catch (Throwable e) {
                return Optional.empty();
            }
        }
    }
}
