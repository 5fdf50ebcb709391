package de.amtsdesk.e2e.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds the Synapse virtualenv that src-test/synapse/install-synapse.sh builds, running the script
 * when the venv is missing. The venv name derives from requirements.txt exactly as the script does
 * (first 12 hex of its SHA-256), so a warm cache costs no subprocess at all.
 */
public final class SynapseInstaller {
    /** Written by the script only after pip finished, so a half-built venv is never used. */
    static final String MARKER = ".amtsdesk-installed";
    private static final long INSTALL_TIMEOUT_MINUTES = 15; // cold pip install on 2 busy cores

    private final Path synapseDir;
    private final Path cacheDir;

    public SynapseInstaller(Path srcTestDir, Path cacheDir) {
        this.synapseDir = srcTestDir.resolve("synapse");
        this.cacheDir = cacheDir;
    }

    public Path installScript() {
        return synapseDir.resolve("install-synapse.sh");
    }

    /** The venv this requirements.txt maps to (whether or not it exists yet). */
    public Path expectedVenv() {
        Path requirements = synapseDir.resolve("requirements.txt");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(requirements));
            return cacheDir.resolve("synapse-venv-" + HexFormat.of().formatHex(digest).substring(0, 12));
        } catch (IOException e) {
            throw new HarnessException("Synapse could not be installed: cannot read " + requirements
                    + " (is amtsdesk.srcTestDir right?)", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The venv's interpreter; installs first when needed. {@code logFile} receives the script's output. */
    public Path ensurePython(Path logFile) {
        Path venv = expectedVenv();
        if (!Files.isRegularFile(venv.resolve(MARKER))) {
            venv = runInstallScript(logFile);
        }
        Path python = venv.resolve("bin").resolve("python");
        if (!Files.isExecutable(python)) {
            throw new HarnessException("Synapse could not be installed: " + python + " is missing although "
                    + venv.resolve(MARKER) + " exists; delete " + venv + " and run " + installScript());
        }
        return python;
    }

    private Path runInstallScript(Path logFile) {
        Path script = installScript();
        String failure = "Synapse could not be installed by " + script + "; see " + logFile;
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder pb = new ProcessBuilder(List.of("bash", script.toString()))
                    .directory(synapseDir.toFile())
                    .redirectErrorStream(true) // one log, in order; the script prints the path last
                    .redirectOutput(logFile.toFile());
            pb.environment().put("AMTSDESK_CACHE_DIR", cacheDir.toString());
            Process p = pb.start();
            if (!p.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                ProcessTree.stop(p, java.time.Duration.ofSeconds(5));
                throw new HarnessException(failure + " (timed out after " + INSTALL_TIMEOUT_MINUTES + " min)"
                        + FileTail.section("install log", logFile, 30));
            }
            if (p.exitValue() != 0) {
                throw new HarnessException(failure + " (exit code " + p.exitValue() + ")"
                        + FileTail.section("install log", logFile, 30));
            }
            // stdout and stderr share the log; the venv path is the last line that names a directory
            List<String> lines = Files.readAllLines(logFile);
            for (int i = lines.size() - 1; i >= 0; i--) {
                Path candidate = Path.of(lines.get(i).trim());
                if (candidate.isAbsolute() && Files.isRegularFile(candidate.resolve(MARKER))) {
                    return candidate;
                }
            }
            throw new HarnessException(failure + " (the script did not print an installed venv path)"
                    + FileTail.section("install log", logFile, 30));
        } catch (IOException e) {
            throw new HarnessException(failure + " (" + e.getMessage() + "; is bash installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException(failure + " (interrupted)", e);
        }
    }
}
