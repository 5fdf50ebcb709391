package de.amtsdesk.app.contrast;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs a small command and returns what it printed; a seam so the probes' parsing is tested without processes. */
@FunctionalInterface
public interface CommandRunner {

    /** @return the standard output of a successful run (exit 0 within the timeout), else empty. Never throws. */
    Optional<String> run(List<String> command, Duration timeout);

    /** A real process: no shell, no input, stderr discarded, killed after the timeout. */
    static CommandRunner process() {
        return (command, timeout) -> {
            Process process = null;
            try {
                process = new ProcessBuilder(command)
                        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                    return Optional.empty();
                }
                try (InputStream out = process.getInputStream()) {
                    // A settings tool prints one short line; a few KB is plenty and bounds what we read.
                    return Optional.of(new String(out.readNBytes(4096), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                return Optional.empty(); // the tool is not installed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } finally {
                if (process != null) {
                    process.destroyForcibly();
                }
            }
        };
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
