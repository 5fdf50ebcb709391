package de.amtsdesk.bench;

import de.amtsdesk.core.engine.Workstation;
import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.store.SettingsRepository;
import de.amtsdesk.e2e.harness.HarnessPaths;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
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
 * and without the image's AOT cache, every start on a fresh copy of the profile.
 *
 * <p>Reported: spawn → unlock screen, Enter → queue (Argon2id, both encrypted stores, staff fold restore, the
 * workspace built and laid out), and their sum (the way to the queue without the seconds a person types); the
 * peak RSS of the app process when the queue is shown (VmHWM, the JVM's default heap).
 */
public final class PackagedQueueBench {

    private static final int DISPLAY = 87;
    private static final long STEP_TIMEOUT_SECONDS = 90;

    private final Path image;
    private final Path work;
    private final int rounds;

    private PackagedQueueBench(Path image, Path work, int rounds) {
        this.image = image;
        this.work = work;
        this.rounds = rounds;
    }

    public static void main(String[] args) throws Exception {
        Path image = Path.of("jpackage/target/app-image/Amtsdesk");
        Path results = Path.of("bench/results/packaged-startup-queue.txt");
        int rounds = 7;
        for (String arg : args) {
            if (arg.startsWith("--image=")) {
                image = Path.of(arg.substring(8));
            } else if (arg.startsWith("--out=")) {
                results = Path.of(arg.substring(6));
            } else if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(arg.substring(9));
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        Path work = Files.createDirectories(Path.of("bench/target/packaged-queue-" + System.currentTimeMillis()))
                .toAbsolutePath();
        System.setProperty(HarnessPaths.SRC_TEST_DIR_PROPERTY, Path.of("src-test").toAbsolutePath().toString());
        System.setProperty(HarnessPaths.REPORTS_DIR_PROPERTY, work.resolve("logs").toString());
        try {
            String report = new PackagedQueueBench(image.toAbsolutePath(), work, rounds).run();
            Files.writeString(results, report);
            System.out.print(report);
            WorkspaceSeed.deleteTree(work);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.out.println("FAILED; work directory kept for the logs: " + work);
            System.exit(1);
        }
        System.exit(0);
    }

    private String run() throws Exception {
        if (!Files.isRegularFile(image.resolve("lib/app/amtsdesk.aot"))) {
            throw new IllegalStateException("the image has no AOT cache: " + image);
        }
        Path seed = WorkspaceSeed.defaultDir();
        String seedLine = WorkspaceSeed.ensure(seed);
        Process xvfb = new ProcessBuilder("Xvfb", ":" + DISPLAY, "-screen", "0", "1440x900x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(work.resolve("xvfb.log").toFile()).start();
        try (SynapseServer synapse = SynapseServer.start(work.resolve("synapse"))) {
            waitForDisplay();
            Path profile = work.resolve("profile");
            signedIn(seed, profile, synapse);
            Map<String, List<Start>> starts = new LinkedHashMap<>();
            starts.put("aot", new ArrayList<>());
            starts.put("plain", new ArrayList<>());
            String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
            start(profile, "warm-up", false); // page cache and Synapse's caches, not counted
            for (int round = 0; round < rounds; round++) {
                for (String mode : round % 2 == 0 ? List.of("aot", "plain") : List.of("plain", "aot")) {
                    Start s = start(profile, mode, mode.equals("plain"));
                    System.out.printf(Locale.ROOT, "%s round %d: %s%n", mode, round + 1, s);
                    starts.get(mode).add(s);
                }
            }
            return report(seedLine, loadBefore, starts);
        } finally {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Both accounts signed in once on a copy of the seed: the app then goes from the unlock screen to the queue. */
    private static void signedIn(Path seed, Path profile, SynapseServer synapse) throws Exception {
        copyTree(seed, profile);
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

    record Start(long spawnToUnlock, long jvmToUnlock, long typing, long enterToQueue, int rows, long peakRssKb) {
        long spawnToQueueWithoutTyping() {
            return spawnToUnlock + enterToQueue;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "spawn→unlock %d ms (JVM start→unlock %d), typing %d ms, Enter→queue %d ms,"
                    + " spawn→queue without typing %d ms, rows %d, peak RSS %d MB", spawnToUnlock, jvmToUnlock, typing,
                    enterToQueue, spawnToQueueWithoutTyping(), rows, peakRssKb / 1024);
        }
    }

    private Start start(Path profile, String name, boolean withoutAot) throws Exception {
        Path data = work.resolve("run-" + name + "-" + System.nanoTime());
        copyTree(profile, data);
        ProcessBuilder pb = new ProcessBuilder(image.resolve("bin/Amtsdesk").toString(), "--data-dir=" + data,
                "--lang=de").redirectErrorStream(true);
        pb.environment().put("DISPLAY", ":" + DISPLAY);
        pb.environment().put("JAVA_TOOL_OPTIONS",
                (withoutAot ? "-XX:AOTMode=off " : "") + "-Damtsdesk.startupProbe=queue");
        long spawn = System.currentTimeMillis();
        Process app = pb.start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Path log = work.resolve("app-" + name + ".log");
        Thread reader = Thread.ofPlatform().daemon().start(() -> copyLines(app, lines, log));
        try {
            String unlock = await(lines, "AMTSDESK_UNLOCK_SHOWN", log);
            xdotool("search", "--sync", "--onlyvisible", "--name", "Amtsdesk", "windowfocus", "--sync");
            xdotool("type", "--delay", "5", WorkspaceSeed.PASSPHRASE);
            xdotool("key", "Return");
            String enter = await(lines, "AMTSDESK_ENTER_PRESSED", log);
            String queue = await(lines, "AMTSDESK_QUEUE_SHOWN", log);
            long peak = peakRssKb(app.pid());
            long unlockAt = value(unlock, "epochMillis");
            long enterAt = value(enter, "epochMillis");
            return new Start(unlockAt - spawn, value(unlock, "sinceJvmStartMillis"), enterAt - unlockAt,
                    value(queue, "epochMillis") - enterAt, (int) value(queue, "rows"), peak);
        } finally {
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroy();
                if (!app.waitFor(10, TimeUnit.SECONDS)) {
                    app.destroyForcibly().waitFor();
                }
            }
            reader.join(5_000);
            WorkspaceSeed.deleteTree(data);
        }
    }

    private static void copyLines(Process app, LinkedBlockingQueue<String> lines, Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(app.getInputStream(),
                StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("READ_FAILED " + e);
        }
    }

    private static String await(LinkedBlockingQueue<String> lines, String marker, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(marker)) {
                return line;
            }
        }
        throw new IllegalStateException("the app did not print " + marker + " within " + STEP_TIMEOUT_SECONDS
                + " s; its output: " + log);
    }

    private static long value(String line, String key) {
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) {
                return Long.parseLong(part.substring(key.length() + 1));
            }
        }
        throw new IllegalStateException("no " + key + " in " + line);
    }

    private static long peakRssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static void xdotool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DISPLAY", ":" + DISPLAY);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("xdotool " + String.join(" ", args) + " failed: " + output);
        }
    }

    private static void waitForDisplay() throws InterruptedException {
        Path socket = Path.of("/tmp/.X11-unix/X" + DISPLAY);
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(100);
        }
        if (!Files.exists(socket)) {
            throw new IllegalStateException("Xvfb :" + DISPLAY + " did not start");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static String report(String seedLine, String loadBefore, Map<String, List<Start>> starts)
            throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Packaged start to the case queue (jpackage app-image, jlinked JDK 25 runtime), with and without"
                + " its AOT cache (PackagedQueueBench)\n");
        out.append("date: ").append(Instant.now()).append('\n');
        out.append("cpus: ").append(Runtime.getRuntime().availableProcessors()).append('\n');
        out.append("load-average-at-start: ").append(loadBefore).append('\n');
        out.append("load-average-at-end: ").append(Files.readString(Path.of("/proc/loadavg")).trim()).append('\n');
        out.append("seed: ").append(seedLine).append(" — ").append(WorkspaceSeed.describe(WorkspaceSeed.defaultDir()))
                .append('\n');
        out.append("what-runs: the image's launcher (default JVM options of the image) on Xvfb, a fresh copy of the"
                + " seeded profile each start, both accounts signed in on a local Synapse (the engines sync with it"
                + " while the queue comes up); the passphrase typed by xdotool; -Damtsdesk.startupProbe=queue; 'plain'"
                + " adds -XX:AOTMode=off; one uncounted warm-up start, then alternating\n");
        for (var entry : starts.entrySet()) {
            List<Start> s = entry.getValue();
            String mode = entry.getKey();
            out.append(String.format(Locale.ROOT, "%s: spawn->unlock-ms median=%d all=%s%n", mode,
                    median(s.stream().map(Start::spawnToUnlock).toList()), s.stream().map(Start::spawnToUnlock).toList()));
            out.append(String.format(Locale.ROOT, "%s: jvm-start->unlock-ms median=%d%n", mode,
                    median(s.stream().map(Start::jvmToUnlock).toList())));
            out.append(String.format(Locale.ROOT, "%s: enter->queue-ms median=%d all=%s%n", mode,
                    median(s.stream().map(Start::enterToQueue).toList()), s.stream().map(Start::enterToQueue).toList()));
            out.append(String.format(Locale.ROOT, "%s: spawn->queue-without-typing-ms median=%d all=%s%n", mode,
                    median(s.stream().map(Start::spawnToQueueWithoutTyping).toList()),
                    s.stream().map(Start::spawnToQueueWithoutTyping).toList()));
            out.append(String.format(Locale.ROOT, "%s: rows=%s peak-rss-mb median=%d all=%s%n", mode,
                    s.stream().map(Start::rows).distinct().toList(),
                    median(s.stream().map(x -> x.peakRssKb() / 1024).toList()),
                    s.stream().map(x -> x.peakRssKb() / 1024).toList()));
        }
        return out.toString();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
