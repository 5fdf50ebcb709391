package de.amtsdesk.jpackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starts the launcher of the built app-image as an IT admin would, with its own jlinked runtime. */
class AppImageIT {

    private static final Path IMAGE = Path.of(System.getProperty("amtsdesk.appImage", "target/app-image/Amtsdesk"));

    private record Run(int exitCode, String output) { }

    private static Run launch(String... args) throws IOException, InterruptedException {
        return launchWith(Map.of(), args);
    }

    private static Run launchWith(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Path launcher = IMAGE.resolve("bin/Amtsdesk");
        assertThat(launcher).as("launcher of the app-image").isExecutable();
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
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

    /**
     * The image loads its native crypto library where it is installed, beside the jars, not from a copy in the temp
     * folder (Windows application control may block that, and Windows cannot delete a loaded copy): with a temp
     * folder that does not exist, extracting would fail, and the crypto check still passes.
     */
    @Test
    void theNativeCryptoLibraryIsLoadedWhereItIsInstalled() throws Exception {
        String library = System.mapLibraryName("amtsdesk_crypto");
        assertThat(IMAGE.resolve("lib/app").resolve(library)).as("library beside the jars").isNotEmptyFile();
        assertThat(Files.readString(IMAGE.resolve("lib/app/Amtsdesk.cfg")))
                .contains("java-options=-Damtsdesk.crypto.library=$APPDIR/" + library);
        Path noTemp = Files.createTempDirectory("amtsdesk-no-temp-").resolve("missing");
        Run run = launchWith(Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + noTemp), "doctor", "--homeserver",
                "http://127.0.0.1:9", "--lang", "en");
        assertThat(run.output()).containsPattern("OK {3}crypto {7}Crypto library loaded: matrix-sdk-crypto \\d+\\.\\d+");
        assertThat(noTemp).doesNotExist();
    }

    /**
     * The window starts from the image (not only doctor): the launcher under the machine's display or xvfb-run shows
     * its first screen (the start-up probe prints a marker and quits).
     */
    @Test
    void theWindowStartsFromTheImage() throws Exception {
        Run run = window(Map.of("JAVA_TOOL_OPTIONS", "-Damtsdesk.startupProbe=true"));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("AMTSDESK_LOGIN_SHOWN");
    }

    /**
     * The image ships an AOT cache trained on itself, and its runtime accepts it: with {@code -XX:AOTMode=on} the JVM
     * refuses to start when the cache does not match the image's runtime and class path.
     */
    @Test
    void theImageShipsAnAotCacheItsRuntimeAccepts() throws Exception {
        Path cfg = IMAGE.resolve("lib/app/Amtsdesk.cfg");
        assertThat(IMAGE.resolve("lib/app/amtsdesk.aot")).as("AOT cache in the image").isNotEmptyFile();
        assertThat(Files.readString(cfg)).contains("java-options=-XX:AOTCache=$APPDIR/amtsdesk.aot");
        Run run = window(Map.of("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on -Damtsdesk.startupProbe=true"));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("AMTSDESK_LOGIN_SHOWN");
    }

    /**
     * Without a GPU device (this build machine, a virtual desktop) neither JavaFX nor GTK loads OpenGL — Mesa's
     * software OpenGL and its LLVM, ~50 MB resident, that JavaFX would reject anyway (RenderingPipeline). With a GPU
     * device JavaFX's own choice stays, which this test then checks: the window is shown.
     */
    @Test
    void withoutAGpuDeviceTheWindowIsDrawnWithoutLoadingOpenGl() throws Exception {
        Run run = window(Map.of("JAVA_TOOL_OPTIONS", "-Dprism.verbose=true -Damtsdesk.startupProbe=true"));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("AMTSDESK_LOGIN_SHOWN");
        if (!gpuDevicePresent()) {
            assertThat(run.output()).contains("openGlLoaded=false", "Prism pipeline init order: sw");
        }
    }

    private static boolean gpuDevicePresent() throws java.io.IOException {
        Path dri = Path.of("/dev/dri");
        if (Files.exists(Path.of("/dev/nvidia0"))) {
            return true;
        }
        if (!Files.isDirectory(dri)) {
            return false;
        }
        try (var nodes = Files.list(dri)) {
            return nodes.anyMatch(node -> node.getFileName().toString().matches("(renderD|card).*"));
        }
    }

    /**
     * The launcher starts the JVM with the lean heap (issue 11): G1 that starts small and gives back free heap, and no
     * upper bound that a large import could run into; an explicit collection stays a full one. The running JVM is
     * asked, not only the file read.
     */
    @Test
    void theImageStartsTheJvmWithALeanHeapWithoutAnUpperBound() throws Exception {
        String cfg = Files.readString(IMAGE.resolve("lib/app/Amtsdesk.cfg"));
        assertThat(cfg).contains("java-options=-Xms32m", "java-options=-XX:GCTimeRatio=4",
                "java-options=-XX:MaxHeapFreeRatio=20", "java-options=-XX:G1PeriodicGCInterval=5000",
                "java-options=-XX:TrimNativeHeapInterval=1000")
                .doesNotContain("-Xmx");
        Run run = window(Map.of("JAVA_TOOL_OPTIONS",
                "-XX:+PrintFlagsFinal -Damtsdesk.startupProbe=true"));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).containsPattern(" GCTimeRatio +=\\s+4\\s")
                .containsPattern(" MaxHeapFreeRatio +=\\s+20\\s")
                .containsPattern(" G1PeriodicGCInterval +=\\s+5000\\s")
                .containsPattern(" TrimNativeHeapInterval +=\\s+1000\\s")
                .containsPattern(" UseG1GC +=\\s+true\\s")
                // The app's compaction after a large catch-up sync (HeapCompaction) is a System.gc(): it must stay a
                // full, compacting collection, not be ignored or turned into a concurrent cycle.
                .containsPattern(" DisableExplicitGC +=\\s+false\\s")
                .containsPattern(" ExplicitGCInvokesConcurrent +=\\s+false\\s");
    }

    /**
     * The cache was trained the caseworker's way (ADR 0019): the build's training start of this image got from the
     * unlock screen, with the passphrase typed through the X server, to a queue that showed the generated cases.
     */
    @Test
    void theAotCacheWasTrainedThroughTheUnlockScreenToTheQueue() throws Exception {
        Path target = IMAGE.toAbsolutePath().getParent().getParent();
        assertThat(Files.readString(target.resolve("aot-trained.txt"))).startsWith("to the queue of 2,000")
                .contains("through a session in it");
        String training = Files.readString(target.resolve("aot-training.log"));
        assertThat(training).contains("AMTSDESK_UNLOCK_SHOWN", "AMTSDESK_ENTER_PRESSED");
        java.util.regex.Matcher queue = java.util.regex.Pattern.compile("AMTSDESK_QUEUE_SHOWN .* rows=(\\d+)")
                .matcher(training);
        assertThat(queue.find()).as(training).isTrue();
        assertThat(Integer.parseInt(queue.group(1))).as("rows in the training start's queue")
                .isGreaterThanOrEqualTo(2000);
    }

    /**
     * The sync path is in the cache too (issue 11): while the training start worked in the queue, the app synced the
     * citizens' rooms waiting on the training homeserver and decrypted their last messages before the probe quit.
     */
    @Test
    void theAotCacheWasTrainedOnTheSyncPath() throws Exception {
        Path target = IMAGE.toAbsolutePath().getParent().getParent();
        assertThat(Files.readString(target.resolve("aot-trained.txt")))
                .contains("syncing and decrypting meanwhile 120 citizen rooms");
        String training = Files.readString(target.resolve("aot-training.log"));
        java.util.regex.Matcher synced = java.util.regex.Pattern
                .compile("AMTSDESK_ROOMS_SYNCED .* rooms=(\\d+) decrypted=(\\d+)").matcher(training);
        assertThat(synced.find()).as(training).isTrue();
        assertThat(Integer.parseInt(synced.group(2))).as("rooms whose last message the training start decrypted")
                .isGreaterThanOrEqualTo(120);
    }

    private static Run window(Map<String, String> environment) throws IOException, InterruptedException {
        Path launcher = IMAGE.resolve("bin/Amtsdesk");
        Path data = Files.createTempDirectory("amtsdesk-image-window");
        List<String> command = new java.util.ArrayList<>();
        if (System.getenv("DISPLAY") == null) {
            command.addAll(List.of("xvfb-run", "-a")); // the window needs a display; .ci/run installs xvfb
        }
        command.addAll(List.of(launcher.toString(), "--data-dir=" + data));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("window start finished in time; output so far: " + output).isTrue();
        return new Run(process.exitValue(), output);
    }
}
