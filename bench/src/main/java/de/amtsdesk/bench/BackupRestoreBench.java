package de.amtsdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsdesk.app.backup.KeyBackupViewModel;
import de.amtsdesk.core.engine.AgencyEngine;
import de.amtsdesk.core.engine.Workstation;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.e2e.harness.HarnessPaths;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * Key backup restore of many room keys (issue 11: 100,000 in under 60 s, the UI responsive throughout). One
 * Synapse; the agency's first workstation sets up the backup (AgencyCli, as the app does); the backup is then
 * filled with {@code --keys} real Megolm sessions encrypted for it by crypto-native's {@code backup_fabricate}
 * example (matrix-sdk-crypto's own backup encryption), uploaded through the spec's {@code PUT /room_keys/keys}. A
 * second workstation, in this JVM, restores with the recovery key while a JavaFX window (Monocle, software
 * rendering) shows the restore progress bar and a list the "caseworker" scrolls through every 50 ms; every FX
 * pulse is recorded (JavaFX's JFR events). Reports the restore's wall time, keys per second, the peak RSS of this
 * JVM and the FX pulses during the restore. Results go to bench/results/backup-restore.txt.
 */
public final class BackupRestoreBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BackupRestoreBench() {
    }

    public static void main(String[] args) throws Exception {
        // As Launcher.main: the JIT's optimising compiler at a lower priority than the window (ADR 0028);
        // -Damtsdesk.jit.lowPriority=false measures without.
        de.amtsdesk.core.threads.OptimisingCompiler.lowerPriorityInBackground();
        int keys = 100_000;
        int rooms = 1_000;
        Path results = Path.of("bench/results/backup-restore.txt");
        Path fabricator = null;
        for (String arg : args) {
            if (arg.startsWith("--keys=")) {
                keys = Integer.parseInt(arg.substring(7));
            } else if (arg.startsWith("--rooms=")) {
                rooms = Integer.parseInt(arg.substring(8));
            } else if (arg.startsWith("--out=")) {
                results = Path.of(arg.substring(6));
            } else if (arg.startsWith("--fabricator=")) {
                fabricator = Path.of(arg.substring(13));
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (fabricator == null || !Files.isExecutable(fabricator)) {
            throw new IllegalArgumentException("--fabricator=<path of crypto-native's backup_fabricate> is needed");
        }
        String load = BenchMachine.loadAverage();
        Path work = Files.createDirectories(Path.of("bench/target/backup-restore-" + System.currentTimeMillis()))
                .toAbsolutePath();
        System.setProperty(HarnessPaths.SRC_TEST_DIR_PROPERTY, Path.of("src-test").toAbsolutePath().toString());
        System.setProperty(HarnessPaths.REPORTS_DIR_PROPERTY, work.resolve("logs").toString());
        // JFR must be up before the toolkit starts, or JavaFX does not log its pulses.
        WorkspaceQueueChild.Pulses pulses = WorkspaceQueueChild.Pulses.start();
        String report;
        try (SynapseServer synapse = SynapseServer.start(work.resolve("synapse"))) {
            report = run(synapse, work, keys, rooms, fabricator, pulses, load);
        } finally {
            pulses.stop();
        }
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, report);
        System.out.print(report);
        System.exit(0);
    }

    private static String run(SynapseServer synapse, Path work, int keys, int rooms, Path fabricator,
            WorkspaceQueueChild.Pulses pulses, String load) throws Exception {
        String password = "bench-agency-" + Long.toHexString(System.nanoTime());
        RegisteredUser agency = synapse.registerUser("amt", password, "Bürgeramt", false);
        HomeserverUrl homeserver = HomeserverUrl.parse(synapse.baseUrl());

        // 1. The first workstation sets up the backup and gets the recovery key (as the app's dialog does).
        String recoveryKey;
        try (Workstation first = Workstation.create(work.resolve("first"), "bench first 4711".toCharArray())) {
            Session session = first.login(homeserver, agency.localpart(), password);
            AgencyEngine engine = first.engine(session, changed -> { }, true);
            engine.syncOnce(Duration.ZERO);
            recoveryKey = engine.setUpKeyBackup();
        }
        HttpClient http = HttpClient.newHttpClient();
        JsonNode version = get(http, synapse, agency, "/_matrix/client/v3/room_keys/version");
        String versionId = version.path("version").asText();
        String publicKey = version.path("auth_data").path("public_key").asText();

        // 2. Fill it: real sessions, encrypted for this backup, uploaded in pages of 5,000.
        long fillStart = System.nanoTime();
        Process process = new ProcessBuilder(fabricator.toString(), publicKey, String.valueOf(keys),
                String.valueOf(rooms), "5000").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int pages = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String page = lines.readLine(); page != null; page = lines.readLine()) {
                HttpResponse<String> answer = http.send(request(synapse, agency, "/_matrix/client/v3/room_keys/keys"
                        + "?version=" + versionId).timeout(Duration.ofMinutes(10))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(page)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("upload page " + pages + ": HTTP " + answer.statusCode() + " "
                            + answer.body());
                }
                pages++;
                System.out.printf("uploaded %d pages (%s)%n", pages, answer.body());
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("backup_fabricate failed");
        }
        long onServer = get(http, synapse, agency, "/_matrix/client/v3/room_keys/version").path("count").asLong();
        if (onServer < keys) {
            throw new IllegalStateException("the backup holds " + onServer + " keys, expected at least " + keys);
        }
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

        // 3. A second workstation restores, with a window open.
        CompletableFuture<Void> up = new CompletableFuture<>();
        Platform.startup(() -> up.complete(null));
        up.get(30, TimeUnit.SECONDS);
        Translations text = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN,
                KeyBackupViewModel.class.getClassLoader());
        KeyBackupViewModel progress = new KeyBackupViewModel(text);
        Timeline scrolling = fx(() -> window(progress));
        long rssBefore = WorkspaceQueueChild.procStatus("VmRSS");
        try (Workstation second = Workstation.create(work.resolve("second"), "bench second 4711".toCharArray())) {
            Session session = second.login(homeserver, agency.localpart(), password);
            AgencyEngine engine = second.engine(session, changed -> { }, true);
            engine.syncOnce(Duration.ZERO);
            System.gc();
            long rssAtStart = WorkspaceQueueChild.procStatus("VmRSS");
            List<long[]> heard = new ArrayList<>();
            AtomicLong firstProgressNanos = new AtomicLong();
            long startMicros = nowMicros();
            long start = System.nanoTime();
            int imported = engine.restoreKeyBackup(recoveryKey, (read, total) -> {
                firstProgressNanos.compareAndSet(0, System.nanoTime() - start);
                heard.add(new long[] {read, total});
                Platform.runLater(() -> progress.restoreProgressed(read, total));
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            long endMicros = nowMicros();
            long peakRss = WorkspaceQueueChild.procStatus("VmHWM");
            // The control: the same window, scrolling on for 20 s after the restore, with nothing in the background.
            // Pulses over 16 ms here come from the window and the machine (software rendering, two cores, a warmer
            // JIT than during the restore), not from the restore.
            Thread.sleep(1_000);
            long controlStartMicros = nowMicros();
            Thread.sleep(CONTROL_SECONDS * 1_000L);
            long controlEndMicros = nowMicros();
            Platform.runLater(scrolling::stop);
            List<Double> controlWork = pulses.fxWorkBetween(controlStartMicros, controlEndMicros);
            List<Double> fxPulses = pulses.fxPulsesBetween(startMicros, endMicros);
            List<Double> fxWork = pulses.fxWorkBetween(startMicros, endMicros);
            long over = fxWork.stream().filter(ms -> ms > 16).count();

            StringBuilder report = new StringBuilder();
            report.append("# Key backup restore (BackupRestoreBench)\n");
            report.append(BenchMachine.header(load));
            report.append("synapse: local, SQLite; the backup filled in ").append(String.format(Locale.ROOT,
                    "%.1f s (%d pages of up to 5,000 keys)%n", fillSeconds, pages));
            List<String> heapOptions = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                    .stream().filter(option -> option.startsWith("-X")).toList();
            report.append("heap-options: ").append(heapOptions.isEmpty() ? "the JVM's defaults"
                    : String.join(" ", heapOptions) + " (the app-image's)").append('\n');
            report.append("jit: ").append(Boolean.parseBoolean(System.getProperty("amtsdesk.jit.lowPriority", "true"))
                    ? "C2 compiler threads at nice 10, as the app (ADR 0028)" : "C2 at normal priority").append('\n');
            report.append(String.format(Locale.ROOT, "keys-in-backup: %d in %d rooms%n", onServer, rooms));
            report.append(String.format(Locale.ROOT, "keys-imported: %d%n", imported));
            report.append(String.format(Locale.ROOT, "restore-seconds: %.1f (%.0f keys/s; download, decrypt, import"
                    + " in batches of %d into the encrypted SQLite crypto store)%n", seconds, imported / seconds,
                    heard.isEmpty() ? 0 : heard.getFirst()[0]));
            report.append(String.format(Locale.ROOT, "first-progress-seconds: %.1f (the server's answer begins;"
                    + " %d progress reports)%n", firstProgressNanos.get() / 1e9, heard.size()));
            report.append(String.format(Locale.ROOT, "rss-kb: %d before the window, %d at the restore's start, peak"
                    + " %d (VmHWM, whole JVM with JavaFX and the heap it grew; max heap %d MB)%n", rssBefore,
                    rssAtStart, peakRss, Runtime.getRuntime().maxMemory() >> 20));
            report.append("fx-pulses-during-restore: ").append(WorkspaceQueueChild.Interaction.stats(fxPulses))
                    .append('\n');
            report.append("fx-work-during-restore (without waiting for the software renderer): ")
                    .append(WorkspaceQueueChild.Interaction.stats(fxWork)).append('\n');
            report.append(String.format(Locale.ROOT, "fx-work-without-restore (control: the same window scrolling %d s"
                    + " after the restore): ", CONTROL_SECONDS))
                    .append(WorkspaceQueueChild.Interaction.stats(controlWork)).append('\n');
            report.append("gc-pauses-during-restore (stop-the-world, ms): ")
                    .append(WorkspaceQueueChild.Interaction.stats(pulses.gcPausesBetween(startMicros, endMicros)))
                    .append('\n');
            report.append("slow-phases-during-restore (longest of each phase in pulses with over 16 ms of FX work; "
                    + "gc-pause-inside = stop-the-world GC time within a phase): ")
                    .append(pulses.slowPhasesBetween(startMicros, endMicros)).append('\n');
            report.append(String.format(Locale.ROOT, "goal restore < 60 s: %s; FX-thread work > 16 ms = 0: %s (%d)%n",
                    seconds < 60 ? "PASS" : "FAIL", over == 0 ? "PASS" : "FAIL", over));
            return report.toString();
        }
    }

    /** How long the window is watched after the restore, as the control. */
    private static final int CONTROL_SECONDS = 20;

    /** A small window like the caseworker's while the restore runs: the progress bar, and a list being scrolled. */
    private static Timeline window(KeyBackupViewModel progress) {
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(progress.restoreProgressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label status = new Label();
        status.textProperty().bind(progress.restoreProgressTextProperty());
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            rows.add("Fall " + i + " – Wohngeld – Erika Mustermann " + i);
        }
        ListView<String> list = new ListView<>(FXCollections.observableArrayList(rows));
        Stage stage = new Stage();
        stage.setScene(new Scene(new VBox(8, status, bar, list), 900, 700));
        stage.show();
        progress.restoreStarted();
        Timeline scrolling = new Timeline(new KeyFrame(javafx.util.Duration.millis(50), e -> {
            int next = (list.getSelectionModel().getSelectedIndex() + 1) % rows.size();
            list.getSelectionModel().select(next);
            list.scrollTo(Math.max(0, next - 5));
        }));
        scrolling.setCycleCount(Timeline.INDEFINITE);
        scrolling.play();
        return scrolling;
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private static JsonNode get(HttpClient http, SynapseServer synapse, RegisteredUser user, String path)
            throws Exception {
        HttpResponse<String> answer = http.send(request(synapse, user, path).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + ": HTTP " + answer.statusCode());
        }
        return JSON.readTree(answer.body());
    }

    private static HttpRequest.Builder request(SynapseServer synapse, RegisteredUser user, String path) {
        return HttpRequest.newBuilder(URI.create(synapse.baseUrl() + path))
                .header("Authorization", "Bearer " + user.accessToken());
    }

    private static long nowMicros() {
        return WorkspaceQueueChild.Pulses.epochMicros(Instant.now());
    }
}
