package de.amtsdesk.jpackage;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The .deb as an IT admin uses it, on this machine for real (CI runs as root): {@code dpkg -i}, {@code amtsdesk doctor}
 * from the installed command against the test Synapse, the window from the installed launcher under Xvfb with a
 * picture of its first screen, then {@code dpkg -r}/{@code -P} and nothing of the package left. Fails (never skips)
 * without root, dpkg or xvfb-run.
 */
@ExtendWith(SynapseExtension.class)
class DebPackageIT {

    private static final Path TARGET = Path.of(System.getProperty("amtsdesk.target", "target"));
    private static final Path COMMAND = Path.of("/usr/bin/amtsdesk");
    private static final Path INSTALLED = Path.of("/opt/amtsdesk");

    private record Run(int exitCode, String output) { }

    private static Run run(Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as(String.join(" ", command) + " finished in time; output so far: " + output).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static Run run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), command);
    }

    private static boolean installed() throws IOException, InterruptedException {
        Run status = run("dpkg-query", "-W", "-f=${Status}", "amtsdesk");
        return status.exitCode() == 0 && status.output().contains("install ok installed");
    }

    @AfterEach
    void purge() throws Exception {
        run("dpkg", "-P", "amtsdesk");
    }

    @Test
    void installDoctorWindowAndRemoveAsAnItAdminWould(SynapseServer synapse) throws Exception {
        assertThat(run("id", "-u").output().strip()).as("installing a .deb needs root (CI runs as root)")
                .isEqualTo("0");
        assertThat(Path.of("/usr/bin/dpkg")).as("dpkg").isExecutable();
        Path deb;
        try (Stream<Path> files = Files.list(TARGET)) {
            deb = files.filter(p -> p.getFileName().toString().matches("amtsdesk_.*_amd64\\.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no amtsdesk_*_amd64.deb in " + TARGET));
        }
        // A leftover from an earlier run goes first, so this test installs its own build.
        run("dpkg", "-P", "amtsdesk");
        assertThat(installed()).as("no amtsdesk installed before the test").isFalse();

        // The package says what it needs; a missing dependency would leave it half-installed under dpkg -i.
        String depends = run("dpkg-deb", "-f", deb.toString(), "Depends").output().strip();
        assertThat(depends).contains("libgtk-3-0");
        List<String> missing = new ArrayList<>();
        for (String dependency : depends.split(",")) {
            String name = dependency.strip().split("[ (]")[0];
            if (!name.isEmpty() && run("dpkg-query", "-W", "-f=${Status}", name).output().contains("install ok")
                    == false) {
                missing.add(name);
            }
        }
        assertThat(missing).as("dependencies of the .deb installed on this machine (.ci/run installs them)").isEmpty();

        Run install = run("dpkg", "-i", deb.toString());
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(installed()).isTrue();
        assertThat(Files.readSymbolicLink(COMMAND)).isEqualTo(INSTALLED.resolve("bin/Amtsdesk"));
        assertThat(Path.of("/usr/share/applications/amtsdesk-Amtsdesk.desktop").toFile().exists()
                || run("sh", "-c", "ls /usr/share/applications/ | grep -i amtsdesk").exitCode() == 0)
                .as("a desktop menu entry").isTrue();

        // doctor from the installed command, against the real homeserver.
        Run doctor = run(COMMAND.toString(), "doctor", "--homeserver", synapse.baseUrl(), "--lang", "en");
        assertThat(doctor.exitCode()).as(doctor.output()).isZero();
        assertThat(doctor.output()).contains("OK   homeserver   Homeserver answers: " + synapse.baseUrl())
                .containsPattern("OK   crypto {7}Crypto library loaded: matrix-sdk-crypto \\d+\\.\\d+");

        // The window from the installed launcher, and a picture of what it shows.
        Path data = Files.createTempDirectory("amtsdesk-deb-window");
        Path picture = TARGET.resolve("deb-installed-window.png").toAbsolutePath();
        Files.deleteIfExists(picture);
        List<String> window = new ArrayList<>();
        if (System.getenv("DISPLAY") == null) {
            window.addAll(List.of("xvfb-run", "-a"));
        }
        window.addAll(List.of(COMMAND.toString(), "--data-dir=" + data, "--lang=de"));
        Run shown = run(Map.of("JAVA_TOOL_OPTIONS", "-Damtsdesk.startupProbe=true -Damtsdesk.startupProbe.picture="
                + picture), window.toArray(String[]::new));
        assertThat(shown.exitCode()).as(shown.output()).isZero();
        assertThat(shown.output()).contains("AMTSDESK_LOGIN_SHOWN").contains("AMTSDESK_PICTURE " + picture);
        BufferedImage image = ImageIO.read(picture.toFile());
        assertThat(image.getWidth()).isGreaterThan(600);
        assertThat(colours(image)).as("a real screen, not one colour").isGreaterThan(20);

        Run remove = run("dpkg", "-r", "amtsdesk");
        assertThat(remove.exitCode()).as(remove.output()).isZero();
        Run purge = run("dpkg", "-P", "amtsdesk");
        assertThat(purge.exitCode()).as(purge.output()).isZero();
        assertThat(installed()).isFalse();
        assertThat(INSTALLED).doesNotExist();
        assertThat(COMMAND.toFile().exists() || Files.isSymbolicLink(COMMAND)).as("the command link is gone").isFalse();
        assertThat(Path.of("/usr/share/applications/amtsdesk-Amtsdesk.desktop")).doesNotExist();
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
