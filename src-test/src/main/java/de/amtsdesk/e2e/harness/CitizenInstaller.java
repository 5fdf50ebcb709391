package de.amtsdesk.e2e.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure src-test/citizen has its node_modules: `npm ci` from the committed package-lock.json when
 * they are missing or older than the lock file. Fails with a clear message when node/npm are missing.
 */
final class CitizenInstaller {
    static final int MIN_NODE_MAJOR = 20; // matrix-js-sdk 37.x
    private static final Object LOCK = new Object(); // two citizens starting at once: one npm ci

    private CitizenInstaller() {}

    static void ensureInstalled(Path citizenDir, Path logFile) {
        synchronized (LOCK) {
            checkNode();
            Path lock = citizenDir.resolve("package-lock.json");
            Path installed = citizenDir.resolve("node_modules").resolve(".package-lock.json"); // npm writes it last
            if (!Files.isRegularFile(lock)) {
                throw new HarnessException("Citizen client not found: " + lock + " is missing (is amtsdesk.srcTestDir right?)");
            }
            try {
                if (Files.isRegularFile(installed)
                        && !Files.getLastModifiedTime(installed).toInstant().isBefore(Files.getLastModifiedTime(lock).toInstant())) {
                    return;
                }
                Files.createDirectories(logFile.getParent());
                Process p = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund"))
                        .directory(citizenDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(logFile.toFile())
                        .start();
                if (!p.waitFor(10, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new HarnessException("`npm ci` in " + citizenDir + " timed out" + FileTail.section("npm log", logFile, 30));
                }
                if (p.exitValue() != 0) {
                    throw new HarnessException("`npm ci` in " + citizenDir + " failed (exit " + p.exitValue() + ")"
                            + FileTail.section("npm log", logFile, 30));
                }
            } catch (IOException e) {
                throw new HarnessException("Cannot run `npm ci` in " + citizenDir + ": " + e.getMessage()
                        + " (is npm installed and on PATH?)", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HarnessException("Interrupted during `npm ci`", e);
            }
        }
    }

    private static void checkNode() {
        String version;
        try {
            Process p = new ProcessBuilder(List.of("node", "--version")).redirectErrorStream(true).start();
            version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new HarnessException("Node.js not found (`node --version` failed: " + e.getMessage()
                    + "); the citizen client needs node >= " + MIN_NODE_MAJOR + " and npm on PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("Interrupted while checking node", e);
        }
        int major;
        try {
            major = Integer.parseInt(version.replaceFirst("^v", "").split("\\.")[0]);
        } catch (RuntimeException e) {
            throw new HarnessException("Cannot understand `node --version`: " + version);
        }
        if (major < MIN_NODE_MAJOR) {
            throw new HarnessException("node " + version + " is too old; the citizen client needs node >= " + MIN_NODE_MAJOR);
        }
    }
}
