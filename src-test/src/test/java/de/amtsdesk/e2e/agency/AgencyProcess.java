package de.amtsdesk.e2e.agency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsdesk.e2e.harness.HarnessPaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link AgencyCli} as a separate JVM: one agency workstation (data directory) of the functional account.
 * Its logs and temp files go to folders of its own, so an at-rest scan can read everything it left behind.
 */
final class AgencyProcess {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;
    private final Path tempDir;
    private final Path logFile;
    private final Map<String, String> env;
    private final Path logConfig;

    /**
     * The app's own logback.xml (file logs under amtsdesk.logDir), not a test configuration that happens to be on
     * the class path: the at-rest scan must read the logs a workstation really writes.
     */
    private static Path productionLogConfig(Path root) throws IOException {
        Path file = root.resolve("logback.xml");
        if (!Files.exists(file)) {
            try (var in = AgencyProcess.class.getResourceAsStream("/logback.xml")) {
                if (in == null) {
                    throw new IOException("the app's logback.xml is not on the class path");
                }
                Files.copy(in, file);
            }
        }
        return file;
    }

    AgencyProcess(Path root, String name, String passphrase, String password) throws IOException {
        this.logConfig = productionLogConfig(root);
        this.dataDir = root.resolve(name + "-data");
        this.tempDir = Files.createDirectories(root.resolve(name + "-tmp"));
        this.logFile = root.resolve(name + ".log");
        this.env = Map.of("AGENCY_PASSPHRASE", passphrase, "AGENCY_PASSWORD", password);
    }

    Path dataDir() {
        return dataDir;
    }

    Path tempDir() {
        return tempDir;
    }

    Path logFile() {
        return logFile;
    }

    JsonNode run(String command, String... options) {
        return run(Map.of(), command, options);
    }

    JsonNode run(Map<String, String> extraEnv, String command, String... options) {
        try {
            Process process = start(extraEnv, command, options);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("agency " + command + " did not finish; see " + logFile);
            }
            String last = output.lines().filter(l -> l.startsWith(AgencyCli.RESULT))
                    .map(l -> l.substring(AgencyCli.RESULT.length())).reduce((a, b) -> b).orElse("{}");
            JsonNode result = JSON.readTree(last);
            if (!result.path("ok").asBoolean(false)) {
                throw new AssertionError("agency " + command + " failed: " + result.path("error").asText(output)
                        + " (log " + logFile + ")");
            }
            return result;
        } catch (IOException e) {
            throw new AssertionError("cannot run agency " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Starts a command that keeps running (e.g. "send-text ... --then-hang") and returns once it reported. */
    Process startAndAwaitFirstLine(String command, String... options) throws IOException {
        Process process = start(Map.of(), command, options);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line != null && !line.startsWith(AgencyCli.RESULT)) {
            line = out.readLine();
        }
        if (line == null || !JSON.readTree(line.substring(AgencyCli.RESULT.length())).path("ok").asBoolean(false)) {
            process.destroyForcibly();
            throw new AssertionError("agency " + command + " did not start: " + line + " (log " + logFile + ")");
        }
        return process;
    }

    private Process start(Map<String, String> extraEnv, String command, String... options) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=" + tempDir,
                "-Damtsdesk.logDir=" + tempDir.resolve("logs"), "-Dlogback.configurationFile=" + logConfig,
                "-cp", System.getProperty("java.class.path"), AgencyCli.class.getName(), command,
                "--data-dir", dataDir.toString()));
        cmd.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(env);
        builder.environment().putAll(extraEnv);
        return builder.start();
    }

    static Path newRoot(String testName) throws IOException {
        return Files.createDirectories(HarnessPaths.reportsDir().getParent().resolve("e2e-agency")
                .resolve(testName + "-" + System.nanoTime()));
    }
}
