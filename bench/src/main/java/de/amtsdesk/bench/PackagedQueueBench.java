package de.amtsdesk.bench;

import de.amtsdesk.core.engine.Workstation;
import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.store.SettingsRepository;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged app's way to work (issue 12, issue 8): the jpackage app-image's own launcher, started on a
 * workstation profile that holds the 10,000 seeded cases of {@link WorkspaceSeed} and stored sessions of the
 * functional account and a caseworker on a real local Synapse. The passphrase is typed into the unlock screen
 * through the X server (xdotool on an Xvfb display), as a person would; the start-up probe of the app prints when
 * the unlock screen is shown, when Enter was pressed and when the case queue first shows rows. Alternating with
 * and without the image's AOT cache, every start on a fresh copy of the profile; with
 * {@code --compare-first-screen-training} also a copy of the image whose cache was trained to the first screen only.
 *
 * <p>Reported: spawn → unlock screen, Enter → queue (Argon2id, both encrypted stores, staff fold restore, the
 * workspace built and laid out), and their sum (the way to the queue without the seconds a person types); the
 * peak RSS of the app process when the queue is shown (VmHWM, the JVM's default heap).
 */
public final class PackagedQueueBench {


    private final Path image;
    private final Path work;
    private final int rounds;
    private final boolean compareFirstScreenTraining;
    /** More kinds of start: name → JVM options added to the image's own (e.g. a bounded heap). */
    private final Map<String, String> extraModes;
    /** Seconds the app stays at the queue before its memory is read again (0: read at once, then it quits). */
    private final int settleSeconds;
    /** Whether one more start per kind, with native memory tracking, reports where the memory goes. */
    private final boolean breakdown;
    /** Set by --no-plain before the run starts (main only). */
    private static boolean withoutPlain;
    /** More images to start the same way: name → image directory (its launcher and cfg as they are). */
    private final Map<String, Path> otherImages;
    private final List<String> cpuByThread = new ArrayList<>();

    private PackagedQueueBench(Path image, Path work, int rounds, boolean compareFirstScreenTraining,
            Map<String, String> extraModes, int settleSeconds, boolean breakdown, Map<String, Path> otherImages) {
        this.otherImages = otherImages;
        this.extraModes = extraModes;
        this.settleSeconds = settleSeconds;
        this.breakdown = breakdown;
        this.image = image;
        this.work = work;
        this.rounds = rounds;
        this.compareFirstScreenTraining = compareFirstScreenTraining;
    }

    public static void main(String[] args) throws Exception {
        Path image = Path.of("jpackage/target/app-image/Amtsdesk");
        Path results = Path.of("bench/results/packaged-startup-queue.txt");
        int rounds = 7;
        boolean compareFirstScreenTraining = false;
        Map<String, String> extraModes = new LinkedHashMap<>();
        int settleSeconds = 0;
        boolean breakdown = false;
        Map<String, Path> otherImages = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--image=")) {
                image = Path.of(arg.substring(8));
            } else if (arg.startsWith("--out=")) {
                results = Path.of(arg.substring(6));
            } else if (arg.equals("--compare-first-screen-training")) {
                compareFirstScreenTraining = true;
            } else if (arg.startsWith("--mode=")) { // --mode=NAME:JVM OPTIONS
                String[] mode = arg.substring(7).split(":", 2);
                extraModes.put(mode[0], mode[1]);
            } else if (arg.startsWith("--also-image=")) { // --also-image=NAME:PATH, e.g. the image of an older build
                String[] other = arg.substring(13).split(":", 2);
                otherImages.put(other[0], Path.of(other[1]).toAbsolutePath());
            } else if (arg.startsWith("--settle=")) {
                settleSeconds = Integer.parseInt(arg.substring(9));
            } else if (arg.equals("--breakdown")) {
                breakdown = true;
            } else if (arg.equals("--no-plain")) { // only the image(s) as shipped: fewer starts for a longer series
                withoutPlain = true;
            } else if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(arg.substring(9));
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        Path work = PackagedApp.workDirectory("packaged-queue");
        PackagedQueueBench bench = new PackagedQueueBench(image.toAbsolutePath(), work, rounds,
                compareFirstScreenTraining, extraModes, settleSeconds, breakdown, otherImages);
        PackagedApp.runAndExit(work, results, bench::run);
    }

    private String run() throws Exception {
        if (!Files.isRegularFile(image.resolve("lib/app/amtsdesk.aot"))) {
            throw new IllegalStateException("the image has no AOT cache: " + image);
        }
        Path seed = WorkspaceSeed.defaultDir();
        String seedLine = WorkspaceSeed.ensure(seed);
        Process xvfb = PackagedApp.xvfb(work.resolve("xvfb.log"));
        try (SynapseServer synapse = SynapseServer.start(work.resolve("synapse"))) {
            PackagedApp.waitForDisplay();
            Path profile = work.resolve("profile");
            signedIn(seed, profile, synapse);
            // Not counted: fills the page cache and, on the profile itself, finishes its first sync (device keys
            // uploaded), so every copy after it starts as a workstation that has synced before.
            start(profile, "warm-up", image, "", true);
            Map<String, Path> images = new LinkedHashMap<>();
            images.put("aot", image);
            if (!withoutPlain) {
                images.put("plain", image);
            }
            String training = "";
            if (compareFirstScreenTraining) {
                long trainingStart = System.nanoTime();
                images.put("aot-first-screen", trainedToTheFirstScreen());
                training = String.format(Locale.ROOT, "aot-first-screen: a copy of the image whose AOT cache was"
                        + " trained as the build did before 2026-12-04, by one start to the first screen (%d s, cache %d"
                        + " MB), instead of the build's start through the unlock screen to a queue of 2,000 generated"
                        + " cases (cache %d MB)%n", (System.nanoTime() - trainingStart) / 1_000_000_000L,
                        Files.size(images.get("aot-first-screen").resolve("lib/app/amtsdesk.aot")) >> 20,
                        Files.size(image.resolve("lib/app/amtsdesk.aot")) >> 20);
            }
            extraModes.keySet().forEach(mode -> images.put(mode, image));
            images.putAll(otherImages);
            PackagedApp.requireUsableAotCache(image);
            for (Path other : otherImages.values()) {
                PackagedApp.requireUsableAotCache(other);
            }
            for (var other : otherImages.entrySet()) {
                training += "image " + other.getKey() + ": " + other.getValue() + " (its own launcher options)\n";
            }
            for (var mode : extraModes.entrySet()) {
                training += "mode " + mode.getKey() + ": the image with " + mode.getValue() + "\n";
            }
            Map<String, List<Start>> starts = new LinkedHashMap<>();
            images.keySet().forEach(mode -> starts.put(mode, new ArrayList<>()));
            List<String> order = new ArrayList<>(images.keySet());
            String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
            for (int round = 0; round < rounds; round++) {
                for (String mode : order) {
                    String options = mode.equals("plain") ? "-XX:AOTMode=off" : extraModes.getOrDefault(mode, "");
                    Start s = start(profile, mode, images.get(mode), options, false);
                    System.out.printf(Locale.ROOT, "%s round %d: %s%n", mode, round + 1, s);
                    starts.get(mode).add(s);
                }
                java.util.Collections.reverse(order); // alternate which mode starts first
            }
            String settled = settleSeconds > 0 ? "settled: memory read again " + settleSeconds
                    + " s after the queue was shown (the app stays, its engines syncing)\n" : "";
            String report = report(seedLine, loadBefore, starts, training + settled
                    + "starts again after a mistyped passphrase: " + mistyped + "\n")
                    + (cpuByThread.isEmpty() ? "" : "\n## CPU per thread from the queue to the settled reading "
                            + "(/proc, threads with 100 ms or more; in the order of the starts)\n"
                            + String.join("\n", cpuByThread) + "\n");
            if (breakdown) {
                StringBuilder where = new StringBuilder(report);
                for (String mode : images.keySet()) {
                    String options = mode.equals("plain") ? "-XX:AOTMode=off" : extraModes.getOrDefault(mode, "");
                    pendingBreakdown = new StringBuilder();
                    start(profile, mode, images.get(mode), (options + " -XX:NativeMemoryTracking=summary").trim(),
                            false);
                    where.append("\n## where the memory of '").append(mode).append("' is ")
                            .append(Math.max(settleSeconds, MIN_BREAKDOWN_SETTLE_SECONDS))
                            .append(" s after the queue was shown (NMT adds its own few MB)\n").append(pendingBreakdown);
                    pendingBreakdown = null;
                }
                return where.toString();
            }
            return report;
        } finally {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Both accounts signed in once on a copy of the seed: the app then goes from the unlock screen to the queue. */
    private static void signedIn(Path seed, Path profile, SynapseServer synapse) throws Exception {
        PackagedApp.copyTree(seed, profile);
        RegisteredUser agency = synapse.registerUser("amt", "pw-amt-bench", "Bürgeramt", false);
        RegisteredUser worker = synapse.registerUser("worker3", "pw-worker3-bench", "Clara Sachbearbeitung", false);
        HomeserverUrl homeserver = HomeserverUrl.parse(synapse.baseUrl());
        try (Workstation ws = Workstation.unlock(profile, WorkspaceSeed.PASSPHRASE.toCharArray())) {
            ws.login(homeserver, agency.localpart(), agency.password());
            Workstation staff = ws.staffProfile();
            staff.login(homeserver, worker.localpart(), worker.password());
            staff.database().settings().put(SettingsRepository.STAFF_ROOM, WorkspaceSeed.STAFF_ROOM);
        }
    }

    /** @param settleCpuMillis CPU time the process used between the queue and the settled reading (-1: none) */
    record Start(long spawnToUnlock, long jvmToUnlock, long typing, long enterToQueue, int rows, long peakRssKb,
            long settledRssKb, long settleCpuMillis, GcPauses pauses) {
        Start withPauses(GcPauses read) {
            return new Start(spawnToUnlock, jvmToUnlock, typing, enterToQueue, rows, peakRssKb, settledRssKb,
                    settleCpuMillis, read);
        }

        long spawnToQueueWithoutTyping() {
            return spawnToUnlock + enterToQueue;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "spawn→unlock %d ms (JVM start→unlock %d), typing %d ms, Enter→queue %d ms,"
                    + " spawn→queue without typing %d ms, rows %d, peak RSS %d MB, settled RSS %d MB (CPU meanwhile %d"
                    + " ms), GC %s", spawnToUnlock, jvmToUnlock, typing, enterToQueue, spawnToQueueWithoutTyping(), rows,
                    peakRssKb / 1024, settledRssKb / 1024, settleCpuMillis, pauses);
        }
    }

    /** A copy of the image with its AOT cache made again by one start to the first screen (a fresh data directory). */
    private Path trainedToTheFirstScreen() throws Exception {
        Path copy = work.resolve("image-trained-to-first-screen");
        Files.createDirectories(copy);
        Process cp = new ProcessBuilder("cp", "-a", image.toString(), copy.toString()).inheritIO().start();
        if (cp.waitFor() != 0) {
            throw new IllegalStateException("image not copied");
        }
        Path trained = copy.resolve(image.getFileName());
        Path cfg = trained.resolve("lib/app/" + image.getFileName() + ".cfg");
        Path cache = trained.resolve("lib/app/amtsdesk.aot");
        String original = Files.readString(cfg);
        String useCache = "java-options=-XX:AOTCache=$APPDIR/amtsdesk.aot\n";
        if (!original.contains(useCache)) {
            throw new IllegalStateException("no AOT cache option in " + cfg);
        }
        Files.writeString(cfg, original.replace(useCache, ""));
        Files.delete(cache);
        ProcessBuilder pb = new ProcessBuilder(trained.resolve("bin/Amtsdesk").toString(),
                "--data-dir=" + work.resolve("first-screen-training-data")).redirectErrorStream(true)
                .redirectOutput(work.resolve("app-first-screen-training.log").toFile());
        pb.environment().put("DISPLAY", PackagedApp.DISPLAY_NAME);
        pb.environment().put("JAVA_TOOL_OPTIONS", "-XX:AOTCacheOutput=" + cache + " -Damtsdesk.startupProbe=true");
        Process training = pb.start();
        if (!training.waitFor(180, TimeUnit.SECONDS) || !Files.isRegularFile(cache)) {
            training.destroyForcibly();
            throw new IllegalStateException("the training start wrote no AOT cache: "
                    + work.resolve("app-first-screen-training.log"));
        }
        Files.writeString(cfg, original);
        return trained;
    }

    /** One start, again (at most twice more) when the typed passphrase was refused: xdotool is not a person. */
    private Start start(Path profile, String name, Path launcherImage, String jvmOptions, boolean inPlace)
            throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(profile, name, launcherImage, jvmOptions, inPlace);
            } catch (PassphraseRefused e) {
                mistyped++;
                if (attempt == 3) {
                    throw e;
                }
                System.out.println(name + ": the typed passphrase was refused, starting again");
            }
        }
    }

    private static final class PassphraseRefused extends IllegalStateException {
        PassphraseRefused(String message) {
            super(message);
        }
    }

    private int mistyped;
    private static final int MIN_BREAKDOWN_SETTLE_SECONDS = 10;
    /** Set while a breakdown start runs: that start writes into it instead of only measuring. */
    private StringBuilder pendingBreakdown;

    private Start startOnce(Path profile, String name, Path launcherImage, String jvmOptions, boolean inPlace)
            throws Exception {
        Path data = inPlace ? profile : work.resolve("run-" + name + "-" + System.nanoTime());
        if (!inPlace) {
            PackagedApp.copyTree(profile, data);
        }
        ProcessBuilder pb = new ProcessBuilder(launcherImage.resolve("bin/Amtsdesk").toString(),
                "--data-dir=" + data, "--lang=de").redirectErrorStream(true);
        pb.environment().put("DISPLAY", PackagedApp.DISPLAY_NAME);
        // The warm-up start runs on the profile itself: it quits on its own, nothing cuts its stores short.
        int settle = inPlace ? 0
                : pendingBreakdown != null ? Math.max(settleSeconds, MIN_BREAKDOWN_SETTLE_SECONDS) : settleSeconds;
        String stay = settle > 0 ? " -Damtsdesk.startupProbe.stayMillis=" + (settle + 60) * 1000L : "";
        Path gcLog = work.resolve("gc-" + name + "-" + System.nanoTime() + ".log");
        pb.environment().put("JAVA_TOOL_OPTIONS", (jvmOptions + " -Damtsdesk.startupProbe=queue" + stay
                + " -Xlog:gc:file=" + gcLog).trim());
        long spawn = System.currentTimeMillis();
        Process app = pb.start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Path log = work.resolve("app-" + name + ".log");
        Thread reader = PackagedApp.readLines(app, lines, log);
        Start measured;
        try {
            String unlock = PackagedApp.await(lines, "AMTSDESK_UNLOCK_SHOWN", log);
            PackagedApp.typePassphrase(WorkspaceSeed.PASSPHRASE);
            String enter = PackagedApp.await(lines, "AMTSDESK_ENTER_PRESSED", log);
            String queue;
            try {
                queue = PackagedApp.await(lines, "AMTSDESK_QUEUE_SHOWN", log, 30);
            } catch (IllegalStateException e) {
                if (PackagedApp.refusedIn(data)) {
                    throw new PassphraseRefused(name + ": passphrase refused");
                }
                throw e;
            }
            long peak = MemoryBreakdown.statusKb(app.pid(), "VmHWM");
            long settled = -1;
            long settleCpu = -1;
            if (settle > 0) {
                long cpuAtQueue = PackagedApp.cpuMillis(app.pid());
                Map<String, Long> threadsAtQueue = PackagedApp.cpuMillisByThread(app.pid());
                Thread.sleep(settle * 1000L);
                Map<String, Long> threadsSettled = PackagedApp.cpuMillisByThread(app.pid());
                threadsSettled.replaceAll((thread, ms) -> ms - threadsAtQueue.getOrDefault(thread, 0L));
                String byThread = name + ": CPU ms per thread between the queue and the settled reading: "
                        + threadsSettled.entrySet().stream().filter(e -> e.getValue() >= 100)
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
                System.out.println(byThread);
                cpuByThread.add(byThread);
                settled = MemoryBreakdown.statusKb(app.pid(), "VmRSS");
                settleCpu = PackagedApp.cpuMillis(app.pid()) - cpuAtQueue;
                if (pendingBreakdown != null) {
                    pendingBreakdown.append(MemoryBreakdown.of(app.pid()));
                }
                app.destroy(); // the app's own shutdown: stores closed as when the window is closed
            }
            long unlockAt = PackagedApp.value(unlock, "epochMillis");
            long enterAt = PackagedApp.value(enter, "epochMillis");
            measured = new Start(unlockAt - spawn, PackagedApp.value(unlock, "sinceJvmStartMillis"), enterAt - unlockAt,
                    PackagedApp.value(queue, "epochMillis") - enterAt, (int) PackagedApp.value(queue, "rows"), peak,
                    settled, settleCpu, null);
        } finally {
            // A training start writes its AOT cache while the JVM exits: give it the time.
            PackagedApp.ended(app, jvmOptions.contains("AOTCacheOutput") ? 180 : 20, reader);
            if (!inPlace) {
                WorkspaceSeed.deleteTree(data);
            }
        }
        return measured.withPauses(GcPauses.read(gcLog));
    }

    private static String report(String seedLine, String loadBefore, Map<String, List<Start>> starts,
            String training) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Packaged start to the case queue (jpackage app-image, jlinked JDK 25 runtime), with and without"
                + " its AOT cache (PackagedQueueBench)\n");
        out.append(BenchMachine.header(loadBefore));
        out.append("load-average-at-end: ").append(BenchMachine.loadAverage()).append('\n');
        out.append("seed: ").append(seedLine).append(" — ").append(WorkspaceSeed.describe(WorkspaceSeed.defaultDir()))
                .append('\n');
        out.append("what-runs: the image's launcher (default JVM options of the image) on Xvfb, a fresh copy of the"
                + " seeded profile each start, both accounts signed in on a local Synapse (the engines sync with it"
                + " while the queue comes up); the passphrase typed by xdotool; -Damtsdesk.startupProbe=queue; 'plain'"
                + " adds -XX:AOTMode=off; one uncounted warm-up start, then rounds in alternating order\n");
        out.append(training);
        for (var entry : starts.entrySet()) {
            List<Start> s = entry.getValue();
            String mode = entry.getKey();
            out.append(String.format(Locale.ROOT, "%s: spawn->unlock-ms median=%d all=%s%n", mode,
                    BenchMachine.median(s.stream().map(Start::spawnToUnlock).toList()), s.stream().map(Start::spawnToUnlock).toList()));
            out.append(String.format(Locale.ROOT, "%s: jvm-start->unlock-ms median=%d%n", mode,
                    BenchMachine.median(s.stream().map(Start::jvmToUnlock).toList())));
            out.append(String.format(Locale.ROOT, "%s: enter->queue-ms median=%d all=%s%n", mode,
                    BenchMachine.median(s.stream().map(Start::enterToQueue).toList()), s.stream().map(Start::enterToQueue).toList()));
            out.append(String.format(Locale.ROOT, "%s: spawn->queue-without-typing-ms median=%d all=%s%n", mode,
                    BenchMachine.median(s.stream().map(Start::spawnToQueueWithoutTyping).toList()),
                    s.stream().map(Start::spawnToQueueWithoutTyping).toList()));
            out.append(String.format(Locale.ROOT, "%s: rows=%s peak-rss-mb median=%d all=%s%n", mode,
                    s.stream().map(Start::rows).distinct().toList(),
                    BenchMachine.median(s.stream().map(x -> x.peakRssKb() / 1024).toList()),
                    s.stream().map(x -> x.peakRssKb() / 1024).toList()));
            out.append(String.format(Locale.ROOT, "%s: gc-pauses count median=%d longest-ms all=%s%n", mode,
                    BenchMachine.median(s.stream().map(x -> (long) x.pauses().count()).toList()),
                    s.stream().map(x -> String.format(Locale.ROOT, "%.1f", x.pauses().longestMs())).toList()));
            if (s.stream().allMatch(x -> x.settledRssKb() > 0)) {
                out.append(String.format(Locale.ROOT, "%s: settled-rss-mb median=%d all=%s%n", mode,
                        BenchMachine.median(s.stream().map(x -> x.settledRssKb() / 1024).toList()),
                        s.stream().map(x -> x.settledRssKb() / 1024).toList()));
                out.append(String.format(Locale.ROOT, "%s: cpu-ms-from-queue-to-settled median=%d all=%s%n", mode,
                        BenchMachine.median(s.stream().map(Start::settleCpuMillis).toList()),
                        s.stream().map(Start::settleCpuMillis).toList()));
            }
        }
        return out.toString();
    }

}
