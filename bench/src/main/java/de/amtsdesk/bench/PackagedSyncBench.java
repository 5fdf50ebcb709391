package de.amtsdesk.bench;

import de.amtsdesk.core.engine.HeapCompaction;
import de.amtsdesk.e2e.harness.CitizenRoomsOnServer;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SeededWorkstation;
import de.amtsdesk.e2e.harness.SyncTrainingHomeserver;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * The packaged app's sync path (issue 11: "an AOT cache trained on start-up and the sync path, shipped in the
 * app-image; measure it"): the image's own launcher, on a workstation that was off while citizens wrote. Each start
 * gets its own profile (a copy of a seed of generated cases) whose functional account signed in on a local Synapse and
 * uploaded its device keys before any citizen room existed; then matrix-js-sdk citizens open the rooms and write. The
 * passphrase is typed through the X server; the start-up probe prints when the queue shows and when every citizen
 * room shows its newest message decrypted (the room keys came as to-device messages in the same sync).
 *
 * <p>Kinds of start, alternating per round: the image as built ("aot"), the same image with {@code -XX:AOTMode=off}
 * ("plain"), and any {@code --also-image=NAME:PATH} (e.g. an image whose cache was trained without the sync path).
 * Options: {@code --rounds=5 --rooms=200 --messages=20 --citizens=4 --cases=500 --no-plain --mode=NAME:JVM-OPTIONS
 * --settle=SECONDS --full-gc-after-settle --out=FILE}. A mode's words of the form {@code NAME=VALUE} (no leading
 * dash) are set in the launcher's environment instead (e.g. {@code --mode=arenas:MALLOC_ARENA_MAX=2}). With
 * {@code --settle} the resident set is read once more that many seconds after the last room was decrypted, untouched
 * meanwhile; for a mode with {@code -XX:NativeMemoryTracking=summary} the report then adds where that memory is (its
 * last round).
 */
public final class PackagedSyncBench {

    private static final String PASSPHRASE = "korrekt Pferd Batterie Heftklammer 4711";
    private static final long SYNC_TIMEOUT_SECONDS = 240;

    private final Map<String, Path> images;
    private final Map<String, String> options;
    private final Path work;
    private final int rounds;
    private final int rooms;
    private final int messages;
    private final int citizenCount;
    private final int cases;
    private final Settle settle;
    /** Where the memory is, per kind that tracks native memory: its last round, read when settled. */
    private final Map<String, String> breakdowns = new LinkedHashMap<>();

    private PackagedSyncBench(Map<String, Path> images, Map<String, String> options, Path work, int rounds, int rooms,
            int messages, int citizenCount, int cases, Settle settle) {
        this.images = images;
        this.options = options;
        this.work = work;
        this.rounds = rounds;
        this.rooms = rooms;
        this.messages = messages;
        this.citizenCount = citizenCount;
        this.cases = cases;
        this.settle = settle;
    }

    /**
     * How long a start stays untouched after its last room was decrypted before RSS is read again (0: not read), and
     * whether a full collection is then asked for and RSS read once more (what a heap shrunk to live data holds).
     */
    record Settle(int seconds, boolean fullGc) {
    }

    /** One start: Enter → queue, Enter → every room's newest message decrypted, CPU and peak RSS by then. */
    record Start(long enterToQueue, long enterToSynced, long cpuMillis, long peakRssKb, int decrypted,
            long settledRssKb, long afterFullGcRssKb, String compaction) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Enter→queue %d ms, Enter→all %d rooms decrypted %d ms, CPU by then %d ms,"
                    + " peak RSS %d MB", enterToQueue, decrypted, enterToSynced, cpuMillis, peakRssKb / 1024)
                    + (settledRssKb < 0 ? "" : ", settled RSS " + settledRssKb / 1024 + " MB")
                    + (afterFullGcRssKb < 0 ? "" : ", 3 s after a full GC " + afterFullGcRssKb / 1024 + " MB")
                    + ", app's compaction after the catch-up: " + compaction;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, Path> images = new LinkedHashMap<>();
        Path image = Path.of("jpackage/target/app-image/Amtsdesk").toAbsolutePath();
        Path results = Path.of("bench/results/packaged-sync.txt");
        int rounds = 5;
        int rooms = 200;
        int messages = 20;
        int citizens = 4;
        int cases = 500;
        int settle = 0;
        boolean fullGc = false;
        boolean plain = true;
        Map<String, Path> others = new LinkedHashMap<>();
        Map<String, String> modes = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--image=")) {
                image = Path.of(arg.substring(8)).toAbsolutePath();
            } else if (arg.startsWith("--also-image=")) {
                String[] other = arg.substring(13).split(":", 2);
                others.put(other[0], Path.of(other[1]).toAbsolutePath());
            } else if (arg.startsWith("--out=")) {
                results = Path.of(arg.substring(6));
            } else if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(arg.substring(9));
            } else if (arg.startsWith("--rooms=")) {
                rooms = Integer.parseInt(arg.substring(8));
            } else if (arg.startsWith("--messages=")) {
                messages = Integer.parseInt(arg.substring(11));
            } else if (arg.startsWith("--citizens=")) {
                citizens = Integer.parseInt(arg.substring(11));
            } else if (arg.startsWith("--cases=")) {
                cases = Integer.parseInt(arg.substring(8));
            } else if (arg.startsWith("--settle=")) {
                settle = Integer.parseInt(arg.substring(9));
            } else if (arg.equals("--full-gc-after-settle")) {
                fullGc = true;
            } else if (arg.equals("--no-plain")) {
                plain = false;
            } else if (arg.startsWith("--mode=")) { // --mode=NAME:JVM OPTIONS, the first image with them
                String[] mode = arg.substring(7).split(":", 2);
                modes.put(mode[0], mode[1]);
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        Map<String, String> options = new LinkedHashMap<>();
        images.put("aot", image);
        options.put("aot", "");
        if (plain) {
            images.put("plain", image);
            options.put("plain", "-XX:AOTMode=off");
        }
        for (var mode : modes.entrySet()) {
            images.put(mode.getKey(), image);
            options.put(mode.getKey(), mode.getValue());
        }
        others.forEach((name, path) -> {
            images.put(name, path);
            options.put(name, "");
        });
        Path work = PackagedApp.workDirectory("packaged-sync");
        PackagedSyncBench bench = new PackagedSyncBench(images, options, work, rounds, rooms, messages, citizens, cases,
                new Settle(settle, fullGc));
        PackagedApp.runAndExit(work, results, bench::run);
    }

    private String run() throws Exception {
        // Once per image: several kinds of start may share one.
        for (Path image : new java.util.LinkedHashSet<>(images.values())) {
            if (!Files.isRegularFile(image.resolve("lib/app/amtsdesk.aot"))) {
                throw new IllegalStateException("the image has no AOT cache: " + image);
            }
            PackagedApp.requireUsableAotCache(image);
        }
        Process xvfb = PackagedApp.xvfb(work.resolve("xvfb.log"));
        try (SynapseServer synapse = SynapseServer.start(work.resolve("synapse"))) {
            PackagedApp.waitForDisplay();
            Map<String, List<Path>> profiles = signedInProfiles(synapse);
            // The citizens stop once they have written: the starts get the machine to themselves.
            CitizenRoomsOnServer.writtenMeanwhile(synapse, agency, citizenCount, rooms, messages, (citizen, m) ->
                    "Nachricht " + m + " von " + citizen.name() + ": Guten Tag, zu meinem Antrag habe ich noch eine Frage"
                    + " zu den Unterlagen, die ich einreichen soll.", PackagedSyncBench::progress);
            return measure(profiles);
        } finally {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private RegisteredUser agency;

    /** One profile per start, each a device that uploaded its keys before any citizen room existed. */
    private Map<String, List<Path>> signedInProfiles(SynapseServer synapse) throws Exception {
        agency = synapse.registerUser("amt", "bench-" + Long.toHexString(System.nanoTime()), "Bürgeramt", false);
        RegisteredUser worker = synapse.registerUser("worker3", "bench-" + Long.toHexString(System.nanoTime()),
                "Clara Sachbearbeitung", false);
        Path seed = work.resolve("seed");
        SeededWorkstation.write(seed, PASSPHRASE.toCharArray(), cases);
        Map<String, List<Path>> profiles = new LinkedHashMap<>();
        for (String kind : images.keySet()) {
            List<Path> own = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                Path profile = work.resolve("profile-" + kind + "-" + round);
                PackagedApp.copyTree(seed, profile);
                SyncTrainingHomeserver.signIn(profile, PASSPHRASE.toCharArray(), synapse, agency, worker);
                own.add(profile);
            }
            profiles.put(kind, own);
            progress("profiles of '" + kind + "' signed in");
        }
        int expected = images.size() * rounds;
        int withKeys = CitizenRoomsOnServer.devicesWithKeys(synapse, agency);
        if (withKeys != expected) {
            throw new IllegalStateException("expected " + expected + " agency devices with keys, found " + withKeys);
        }
        return profiles;
    }

    private String measure(Map<String, List<Path>> profiles) throws Exception {
        String loadBefore = BenchMachine.loadAverage();
        Map<String, List<Start>> starts = new LinkedHashMap<>();
        images.keySet().forEach(kind -> starts.put(kind, new ArrayList<>()));
        List<String> order = new ArrayList<>(images.keySet());
        // A pause for Synapse's follow-up work on the citizens' last messages. At 1,000 rooms the first start of a run
        // stayed slower even so (~41 s against 25-34 s; the server seems to warm its caches on the first device's
        // sync): read a run's first start with that in mind.
        Thread.sleep(30_000);
        for (int round = 0; round < rounds; round++) {
            for (String kind : order) {
                Thread.sleep(2000); // the previous start's exit and Synapse's follow-up work settle
                Start s = start(kind, profiles.get(kind).get(round));
                progress(kind + " round " + (round + 1) + ": " + s);
                starts.get(kind).add(s);
            }
            Collections.reverse(order);
        }
        return report(loadBefore, starts);
    }

    private Start start(String kind, Path profile) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(images.get(kind).resolve("bin/Amtsdesk").toString(),
                "--data-dir=" + profile, "--lang=de").redirectErrorStream(true);
        pb.environment().put("DISPLAY", PackagedApp.DISPLAY_NAME);
        StringBuilder jvmOptions = new StringBuilder();
        for (String word : options.get(kind).split(" ")) {
            if (word.matches("[A-Z_]+=.*")) {
                pb.environment().put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
            } else if (!word.isBlank()) {
                jvmOptions.append(word).append(' ');
            }
        }
        // The app stays a moment after the rooms are decrypted, so that its CPU time and memory can be read.
        Path appLogs = work.resolve("logs-" + kind + "-" + profile.getFileName());
        pb.environment().put("JAVA_TOOL_OPTIONS", jvmOptions + "-Damtsdesk.logDir=" + appLogs
                + " -Damtsdesk.startupProbe=queue"
                + " -Damtsdesk.startupProbe.awaitRooms=" + rooms + " -Damtsdesk.startupProbe.stayMillis="
                + (3000 + settle.seconds() * 1000L + (settle.fullGc() ? 6000 : 0)));
        Process app = pb.start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Path log = work.resolve("app-" + kind + "-" + profile.getFileName() + ".log");
        Thread reader = PackagedApp.readLines(app, lines, log);
        try {
            PackagedApp.await(lines, "AMTSDESK_UNLOCK_SHOWN", log);
            PackagedApp.typePassphrase(PASSPHRASE);
            String enter = PackagedApp.await(lines, "AMTSDESK_ENTER_PRESSED", log);
            String queue = PackagedApp.await(lines, "AMTSDESK_QUEUE_SHOWN", log, 60);
            String synced = PackagedApp.await(lines, "AMTSDESK_ROOMS_", log, SYNC_TIMEOUT_SECONDS);
            long cpu = PackagedApp.cpuMillis(app.pid());
            long peak = MemoryBreakdown.statusKb(app.pid(), "VmHWM");
            if (!synced.startsWith("AMTSDESK_ROOMS_SYNCED")) {
                throw new IllegalStateException(kind + ": not every room was decrypted: " + synced + " (" + log + ")");
            }
            long settled = -1;
            long afterFullGc = -1;
            if (settle.seconds() > 0) {
                Thread.sleep(settle.seconds() * 1000L);
                settled = MemoryBreakdown.statusKb(app.pid(), "VmRSS");
                if (settle.fullGc()) {
                    MemoryBreakdown.jcmd(app.pid(), "GC.run");
                    Thread.sleep(3000);
                    afterFullGc = MemoryBreakdown.statusKb(app.pid(), "VmRSS");
                }
                if (options.get(kind).contains("-XX:NativeMemoryTracking=")) {
                    breakdowns.put(kind, MemoryBreakdown.of(app.pid()));
                }
            }
            long enterAt = PackagedApp.value(enter, "epochMillis");
            return new Start(PackagedApp.value(queue, "epochMillis") - enterAt,
                    PackagedApp.value(synced, "epochMillis") - enterAt, cpu, peak,
                    (int) PackagedApp.value(synced, "decrypted"), settled, afterFullGc, compaction(appLogs));
        } finally {
            PackagedApp.ended(app, 30, reader);
            WorkspaceSeed.deleteTree(profile);
        }
    }

    private String report(String loadBefore, Map<String, List<Start>> starts) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("# Packaged app on the sync path: a workstation that was off while citizens wrote, with and without"
                + " the image's AOT cache (PackagedSyncBench)\n");
        out.append(BenchMachine.header(loadBefore));
        out.append("load-average-at-end: ").append(BenchMachine.loadAverage()).append('\n');
        out.append(String.format(Locale.ROOT, "workload: %d encrypted citizen rooms x %d messages from %d matrix-js-sdk"
                + " citizens on a local Synapse, written after the workstation's device had uploaded its keys; profile:"
                + " %d generated cases (SeededWorkstation)%n", rooms, messages, citizenCount, cases));
        out.append("what-runs: each image's launcher on Xvfb, its own options plus -Damtsdesk.startupProbe=queue; the"
                + " passphrase typed by xdotool; 'plain' is the first image with -XX:AOTMode=off; order alternates per"
                + " round; every start on its own profile (own device)\n");
        out.append("measured: Enter → queue shown; Enter → every citizen room shows its newest message decrypted"
                + " (one incremental sync bringing the rooms and their room keys, then decryption; the probe looks"
                + " every 250 ms); CPU time of the process by then; peak RSS (VmHWM)"
                + (settle.seconds() > 0 ? "; RSS (VmRSS) " + settle.seconds() + " s after the last room was decrypted"
                        : "")
                + (settle.fullGc() ? "; then `jcmd PID GC.run` (a full, compacting collection) and RSS 3 s later" : "")
                + "; from the app's own log (its own folder per start): the heap compaction it ran after the catch-up"
                + " sync, if any (committed heap before → after, the pause)\n");
        images.forEach((kind, image) -> out.append("image ").append(kind).append(": ").append(image)
                .append(options.get(kind).isEmpty() ? "" : " with " + options.get(kind)).append('\n'));
        out.append('\n');
        starts.forEach((kind, list) -> {
            for (int i = 0; i < list.size(); i++) {
                out.append(kind).append(" round ").append(i + 1).append(": ").append(list.get(i)).append('\n');
            }
        });
        out.append("\n## medians\n");
        out.append("| kind | Enter → queue (ms) | Enter → all rooms decrypted (ms) | CPU by then (ms) | peak RSS (MB) |"
                + " settled RSS (MB) | after a full GC (MB) |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        starts.forEach((kind, list) -> out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s | %s |%n",
                kind, median(list, Start::enterToQueue), median(list, Start::enterToSynced),
                median(list, Start::cpuMillis), median(list, Start::peakRssKb) / 1024,
                megabytes(list, Start::settledRssKb), megabytes(list, Start::afterFullGcRssKb))));
        long aot = median(starts.get("aot"), Start::enterToSynced);
        starts.forEach((kind, list) -> {
            if (!kind.equals("aot")) {
                out.append(String.format(Locale.ROOT, "ratio %s/aot, Enter → all rooms decrypted: %.2f%n", kind,
                        median(list, Start::enterToSynced) / (double) aot));
            }
        });
        breakdowns.forEach((kind, where) -> out.append("\n## where the memory of '").append(kind).append("' is ")
                .append(settle.seconds()).append(" s after the last room was decrypted (its last round; NMT adds its own"
                        + " few MB)\n").append(where));
        return out.toString();
    }

    /**
     * What the app's log says of its heap compaction after the catch-up sync (HeapCompaction): committed heap before
     * and after and the pause, or "none" (the heap stayed below the threshold, or an image without it).
     */
    private static String compaction(Path appLogs) throws IOException {
        Path log = appLogs.resolve("amtsdesk.log");
        if (!Files.exists(log)) {
            return "none (no log)";
        }
        try (var lines = Files.lines(log)) {
            String marker = HeapCompaction.COMPACTED;
            return lines.filter(line -> line.contains(marker))
                    .map(line -> line.substring(line.indexOf(marker) + marker.length()))
                    .reduce((first, second) -> first + "; " + second).orElse("none");
        }
    }

    /** The median in MB of a reading the starts may not have taken (-1 each): then a dash. */
    private static String megabytes(List<Start> starts, ToLongFunction<Start> kb) {
        long median = median(starts, kb);
        return median < 0 ? "—" : String.valueOf(median / 1024);
    }

    private static long median(List<Start> starts, ToLongFunction<Start> value) {
        return BenchMachine.median(starts.stream().map(value::applyAsLong).toList());
    }

    private static void progress(String line) {
        System.out.println("[" + Instant.now() + "] " + line);
        System.out.flush();
    }
}
