package de.amtsdesk.e2e.harness;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a child process and everything it spawned, so no test run leaves servers behind. */
final class ProcessTree {
    private ProcessTree() {}

    /**
     * SIGTERM first (Synapse and node shut down cleanly on it), then SIGKILL after {@code grace}.
     * Descendants are collected up front: once the parent is gone they are re-parented and unreachable.
     */
    static void stop(Process process, Duration grace) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            waitFor(process, grace);
        }
        for (ProcessHandle child : descendants) {
            child.destroy();
        }
        for (ProcessHandle child : descendants) {
            child.onExit().completeOnTimeout(child, 2, TimeUnit.SECONDS).join();
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        if (process.isAlive()) {
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(5));
        }
    }

    private static void waitFor(Process process, Duration timeout) {
        try {
            process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
