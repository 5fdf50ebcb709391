package de.amtsdesk.jpackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A smoke test of the MSI's install logic under Wine (Debian wine64), silently as software distribution would run
 * it: install with policy properties (only those land in the registry), upgrade 0.1 → 0.2 (one product left; the
 * policy, %ProgramData%\Amtsdesk and user data kept), a downgrade refused, uninstall (files and product gone, data and
 * policy kept). Wine is not Windows: this checks the package's tables and sequences, not Windows itself. Both MSIs
 * carry the Linux image (built with wixl); the 0.2 one is built here from the same .wxs. Fails without wine64.
 */
class WineMsiIT {

    private static final Path TARGET = Path.of(System.getProperty("amtsdesk.target", "target")).toAbsolutePath();
    private static final String VERSION = System.getProperty("amtsdesk.version", "0.1.0").replace("-SNAPSHOT", "");
    private static final Path WINE = Path.of("/usr/lib/wine/wine64");
    private static final Path PREFIX = TARGET.resolve("wine-prefix");
    private static final String POLICY_KEY = "HKLM\\Software\\Policies\\Amtsdesk";
    private static final String UNINSTALL_KEY = "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall";

    private record Run(int exitCode, String output) { }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("WINEPREFIX", PREFIX.toString());
        env.put("WINEARCH", "win64");
        env.put("WINEDEBUG", "-all");
        env.put("WINEDLLOVERRIDES", "mscoree,mshtml="); // no Mono/Gecko download prompts
        env.remove("DISPLAY"); // msiexec /qn needs no window
        Process process = builder.start();
        boolean finished = process.waitFor(240, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as(String.join(" ", command) + " in time; output: " + output).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static Run wine(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(WINE.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private static String windowsPath(Path file) {
        return "Z:" + file.toAbsolutePath().toString().replace('/', '\\');
    }

    private static String policy() throws Exception {
        return wine("reg", "query", POLICY_KEY).output();
    }

    private static List<String> installedVersions() throws Exception {
        return wine("reg", "query", UNINSTALL_KEY, "/s").output().lines()
                .filter(l -> l.contains("DisplayVersion")).map(l -> l.strip().replaceAll(".*REG_SZ\\s+", "")).toList();
    }

    @AfterEach
    void stopWine() throws Exception {
        run(List.of("/usr/lib/wine/wineserver64", "-k"));
    }

    @Test
    void silentInstallWritesThePolicyUpgradeKeepsDataDowngradeIsRefusedUninstallLeavesData() throws Exception {
        assertThat(WINE).as("Wine (apt-get install wine64)").isExecutable();
        Path v1 = TARGET.resolve("Amtsdesk-" + VERSION + ".msi");
        assertThat(v1).as("the MSI the build made").isRegularFile();
        Path v2 = TARGET.resolve("Amtsdesk-upgrade-test.msi");
        Run build = run(List.of("bash", TARGET.resolve("../build-msi.sh").normalize().toString(), TARGET.toString(),
                "99.0.0", TARGET.resolve("app-image/Amtsdesk").toString(), v2.toString()));
        assertThat(build.exitCode()).as(build.output()).isZero();
        run(List.of("rm", "-rf", PREFIX.toString()));
        assertThat(wine("wineboot", "--init").exitCode()).isZero();
        Path programFiles = PREFIX.resolve("drive_c/Program Files/Amtsdesk");

        Run install = wine("msiexec", "/i", windowsPath(v1), "/qn", "HOMESERVER=https://matrix.amt.example",
                "FUNCTIONAL_ACCOUNT=@buergerbuero:amt.example", "IDLE_LOCK_MINUTES=7");
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(programFiles.resolve("bin/Amtsdesk")).isRegularFile();
        String written = policy();
        assertThat(written).containsPattern("homeserver\\s+REG_SZ\\s+https://matrix.amt.example")
                .containsPattern("functionalAccount\\s+REG_SZ\\s+@buergerbuero:amt.example")
                .containsPattern("idleLockMinutes\\s+REG_DWORD\\s+0x7");
        assertThat(written.lines().filter(l -> l.contains("REG_"))).as("only the properties given").hasSize(3);
        assertThat(installedVersions()).containsExactly(VERSION);

        // Data that is not the package's: the admin's policy file and a caseworker's data.
        Path programData = Files.writeString(Files.createDirectories(PREFIX.resolve("drive_c/ProgramData/Amtsdesk"))
                .resolve("policy.json"), "{\"idleLockMinutes\": 5}");
        Path userData = Files.writeString(Files.createDirectories(PREFIX.resolve(
                "drive_c/users/Public/Amtsdesk-data")).resolve("vault.json"), "{}");

        Run upgrade = wine("msiexec", "/i", windowsPath(v2), "/qn");
        assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
        assertThat(installedVersions()).as("one product, the newer one").containsExactly("99.0.0");
        assertThat(programFiles.resolve("bin/Amtsdesk")).isRegularFile();
        assertThat(policy()).as("the policy survives an upgrade without properties")
                .containsPattern("homeserver\\s+REG_SZ\\s+https://matrix.amt.example");
        assertThat(programData).hasContent("{\"idleLockMinutes\": 5}");
        assertThat(userData).exists();

        Run downgrade = wine("msiexec", "/i", windowsPath(v1), "/qn");
        assertThat(downgrade.exitCode()).as("a downgrade is refused").isNotZero();
        assertThat(installedVersions()).containsExactly("99.0.0");

        Run uninstall = wine("msiexec", "/x", windowsPath(v2), "/qn");
        assertThat(uninstall.exitCode()).as(uninstall.output()).isZero();
        assertThat(installedVersions()).isEmpty();
        assertThat(programFiles.resolve("bin/Amtsdesk")).doesNotExist();
        assertThat(programData).exists();
        assertThat(userData).exists();
        assertThat(policy()).as("machine policy is the admin's, not the package's")
                .containsPattern("homeserver\\s+REG_SZ");
    }
}
