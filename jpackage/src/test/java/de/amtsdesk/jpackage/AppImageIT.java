package de.amtsdesk.jpackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starts the launcher of the built app-image as an IT admin would, with its own jlinked runtime. */
class AppImageIT {

    private static final Path IMAGE = Path.of(System.getProperty("amtsdesk.appImage", "target/app-image/Amtsdesk"));

    private record Run(int exitCode, String output) { }

    private static Run launch(String... args) throws IOException, InterruptedException {
        Path launcher = IMAGE.resolve("bin/Amtsdesk");
        assertThat(launcher).as("launcher of the app-image").isExecutable();
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("launcher finished in time; output so far: " + output).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void doctorHelpRunsFromTheImage() throws Exception {
        Run run = launch("doctor", "--help", "--lang", "en");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Usage: amtsdesk doctor --homeserver ADDRESS");
    }

    @Test
    void bundledRuntimeLoadsTheNativeCryptoButReportsTheClosedPort() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Run run = launch("doctor", "--homeserver", "http://127.0.0.1:" + port, "--lang", "en");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("FAIL homeserver   Homeserver unreachable: http://127.0.0.1:" + port);
        assertThat(run.output()).containsPattern("OK {3}crypto {7}Crypto library loaded: matrix-sdk-crypto \\d+\\.\\d+");
        assertThat(Files.list(IMAGE.resolve("lib/runtime/lib")).count()).isPositive();
    }
}
