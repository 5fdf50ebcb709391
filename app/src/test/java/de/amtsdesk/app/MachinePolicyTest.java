package de.amtsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin policy's log folder, log level and proxy are in force from the first log line on: checked in a fresh
 * JVM with the app's own logback.xml (the test JVM's logging started long ago, with the test configuration).
 */
class MachinePolicyTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out) { }

    private Run probe(String policyJson) throws Exception {
        Path policy = Files.writeString(dir.resolve("policy.json"), policyJson);
        Path appLogback = Path.of("target/classes/logback.xml").toAbsolutePath();
        assertThat(appLogback).as("the app's logback.xml").isRegularFile();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dlogback.configurationFile=" + appLogback,
                "-Duser.home=" + dir.resolve("home"), MachinePolicyProbe.class.getName(), policy.toString())
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    @Test
    void theLogGoesToThePolicysFolderAtItsLevelAndTheProxyIsTheDefault() throws Exception {
        Path logs = dir.resolve("admin-logs");
        Run run = probe("""
                {"logDirectory": "%s", "logLevel": "warn", "proxy": "proxy.amt.example:3128", "colour": "blue"}
                """.formatted(logs.toString().replace("\\", "\\\\")));
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("proxy [HTTP @ proxy.amt.example/<unresolved>:3128]")
                .contains("logDir " + logs);
        String log = Files.readString(logs.resolve("amtsdesk.log"));
        // WARN and up only; the unknown key's warning is in the admin's folder, not in the user's home.
        assertThat(log).contains("probe warn line").doesNotContain("probe info line").doesNotContain("probe debug line")
                .contains("policy key \"colour\"").contains("ignored: not a known setting");
        assertThat(dir.resolve("home/.amtsdesk/logs")).doesNotExist();
    }

    @Test
    void withoutAPolicyTheLogStaysInTheHomeFolderAtInfoWithNoProxy() throws Exception {
        Run run = probe("{}");
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("proxy [DIRECT]");
        List<String> lines = Files.readAllLines(dir.resolve("home/.amtsdesk/logs/amtsdesk.log"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("probe info line"))
                .noneSatisfy(l -> assertThat(l).contains("probe debug line"));
    }
}
