package de.amtsdesk.bench;

import de.amtsdesk.app.queue.QueueEntry;
import de.amtsdesk.app.queue.QueueProjection;
import de.amtsdesk.app.queue.QueueView;
import de.amtsdesk.app.queue.ReadMarkers;
import de.amtsdesk.app.workspace.KeyedList;
import de.amtsdesk.core.cases.CaseBook;
import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.catalogue.ServiceCatalogue;
import de.amtsdesk.core.cases.query.CaseFilter;
import de.amtsdesk.core.engine.Workstation;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.staff.CitizenRooms;
import de.amtsdesk.core.staff.StaffLogFold;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The caseworker workspace with 10,000 cached cases (issue: "Measure (bench/, results in bench/results/)"):
 * <ol>
 *   <li>seeds a real workstation data directory once ({@link WorkspaceSeed});</li>
 *   <li>cold start: spawns a fresh JVM N times (default 5) that unlocks it, restores the case book from the stored
 *       snapshot and shows the real queue pane; wall time from spawn and from JVM start (RuntimeMXBean) to the
 *       first frame whose list shows rows; Argon2id reported on its own;</li>
 *   <li>interaction: one more fresh JVM scrolls the list, switches saved views, types searches, and reports FX
 *       pulse durations from the JavaFX runtime's JFR pulse events;</li>
 *   <li>in this JVM: QueueProjection.project() and KeyedList.update on the 10,000 cases.</li>
 * </ol>
 * Results go to bench/results/workspace-queue.txt. Headless Monocle by default; {@code --display} uses $DISPLAY.
 */
public final class WorkspaceQueueBench {

    private static final long COLD_GOAL_AFTER_JVM_MS = 1000;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static final long COLD_GOAL_TOTAL_MS = 2500;

    private WorkspaceQueueBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        boolean realDisplay = false;
        boolean skipInteraction = false;
        int interactionRounds = 3;
        boolean compareStockSkin = false; // the interaction as shipped against JavaFX's own skin for the queue list
        boolean compareC2Priority = false; // cold start and interaction as shipped against C2 at normal priority
        Path compareClasspath = null; // the interaction of this build against an earlier build's classpath (A/B)
        Path results = Path.of("bench/results/workspace-queue.txt");
        Path dir = WorkspaceSeed.defaultDir();
        for (String arg : args) {
            if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring(7));
            } else if (arg.equals("--display")) {
                realDisplay = true;
            } else if (arg.startsWith("--interaction-rounds=")) {
                interactionRounds = Integer.parseInt(arg.substring("--interaction-rounds=".length()));
            } else if (arg.equals("--compare-c2-priority")) {
                compareC2Priority = true;
            } else if (arg.equals("--compare-stock-list-skin")) {
                compareStockSkin = true;
            } else if (arg.startsWith("--queue-width=")) { // handed to every child JVM (see runChild)
                System.setProperty(WorkspaceQueueChild.QUEUE_WIDTH_PROPERTY, arg.substring("--queue-width=".length()));
            } else if (arg.startsWith("--compare-classpath=")) {
                compareClasspath = Path.of(arg.substring("--compare-classpath=".length()));
            } else if (arg.equals("--no-interaction")) {
                skipInteraction = true;
            } else if (arg.startsWith("--out=")) {
                results = Path.of(arg.substring(6));
            } else if (arg.startsWith("--dir=")) {
                dir = Path.of(arg.substring(6));
            }
        }
        String loadAtStart = BenchMachine.loadAverage();
        String seed = WorkspaceSeed.ensure(dir);
        System.out.println("seed: " + seed);
        if (compareClasspath != null) {
            compareBuilds(System.getProperty("java.class.path"), Files.readString(compareClasspath).strip(),
                    compareClasspath, dir, realDisplay, runs, skipInteraction ? 0 : interactionRounds, results,
                    loadAtStart);
            return;
        }
        if (compareC2Priority) {
            compareC2Priority(System.getProperty("java.class.path"), dir, realDisplay, runs, interactionRounds,
                    results, loadAtStart);
            return;
        }
        if (List.of(args).contains("--projection-only")) {
            System.out.print(projectionFigures(dir));
            return;
        }

        // Cold starts, each in a fresh JVM.
        String classpath = System.getProperty("java.class.path");
        List<Map<String, String>> cold = new ArrayList<>();
        List<Long> spawnToQueue = new ArrayList<>();
        List<Long> jvmToQueue = new ArrayList<>();
        List<Long> jvmToQueueNoArgon = new ArrayList<>();
        StringBuilder coldLines = new StringBuilder();
        // A JDK 25 AOT cache (JEP 483/514/515: classes loaded and linked, method profiles) trained by one cold
        // start, as the app-image ships it: to the queue and through the app's scripted session in it
        // (QueueExercise). Plain and AOT starts then alternate, so both see the same load. A second cache trained
        // only to the queue (the image's training before 2026-12-04) is compared in the interaction.
        Path aotCache = Path.of("bench/target/workspace-queue.aot").toAbsolutePath();
        Path queueOnlyCache = Path.of("bench/target/workspace-queue-to-queue.aot").toAbsolutePath();
        String training = train(classpath, dir, realDisplay, aotCache, true) + "\n"
                + train(classpath, dir, realDisplay, queueOnlyCache, false);
        System.out.println(training);
        List<Long> aotJvmToQueueNoArgon = new ArrayList<>();
        List<Long> aotSpawnToQueue = new ArrayList<>();
        StringBuilder aotLines = new StringBuilder();
        for (int i = 0; i < (compareStockSkin ? 0 : runs); i++) {
            String load = BenchMachine.loadAverage();
            Map<String, String> run = runChild(classpath, dir, realDisplay, false);
            cold.add(run);
            long spawn = Long.parseLong(run.get("spawnToQueueMs"));
            long jvm = Long.parseLong(run.get("mark.firstFrameWithRows"));
            long argon = Long.parseLong(run.get("argon2idMs"));
            spawnToQueue.add(spawn);
            jvmToQueue.add(jvm);
            jvmToQueueNoArgon.add(jvm - argon);
            String line = coldLine("cold-run-" + (i + 1), run, spawn, jvm, argon, load);
            coldLines.append(line);
            System.out.print(line);

            String aotLoad = BenchMachine.loadAverage();
            Map<String, String> aot = runChild(classpath, dir, realDisplay, false, "-XX:AOTCache=" + aotCache,
                    "-XX:AOTMode=on"); // fails rather than silently starting without the cache
            long aotSpawn = Long.parseLong(aot.get("spawnToQueueMs"));
            long aotJvm = Long.parseLong(aot.get("mark.firstFrameWithRows"));
            long aotArgon = Long.parseLong(aot.get("argon2idMs"));
            aotSpawnToQueue.add(aotSpawn);
            aotJvmToQueueNoArgon.add(aotJvm - aotArgon);
            String aotLine = coldLine("aot-run-" + (i + 1), aot, aotSpawn, aotJvm, aotArgon, aotLoad);
            aotLines.append(aotLine);
            System.out.print(aotLine);
        }

        // The interaction in fresh JVMs: without a cache, with the queue-only cache, with the shipped kind of cache;
        // the kinds alternate round by round (the order rotating), and the first run of each is reported in full.
        Map<String, List<Map<String, String>>> interactions = new LinkedHashMap<>();
        Map<String, String> firstLoads = new LinkedHashMap<>();
        Map<String, String[]> kinds = new LinkedHashMap<>();
        if (compareStockSkin) {
            kinds.put("as shipped (SteadyListSkin)", new String[] {"-XX:AOTCache=" + aotCache});
            kinds.put("as shipped, but JavaFX's own list skin", new String[] {"-XX:AOTCache=" + aotCache,
                "-Damtsdesk.queue.stockSkin=true"});
        } else {
            kinds.put("no AOT cache", new String[0]);
            kinds.put("AOT cache trained to the queue", new String[] {"-XX:AOTCache=" + queueOnlyCache});
            kinds.put("AOT cache trained through the queue session (as shipped)",
                    new String[] {"-XX:AOTCache=" + aotCache});
        }
        List<String> kindNames = new ArrayList<>(kinds.keySet());
        interactions.putAll(interactAlternating(withClasspath(classpath, kinds), dir, realDisplay,
                skipInteraction ? 0 : interactionRounds, firstLoads));
        Map<String, String> interaction = first(interactions, kindNames.get(0));
        String interactionLoad = firstLoads.getOrDefault(kindNames.get(0), "-");
        String shipped = kindNames.get(compareStockSkin ? 0 : 2);
        Map<String, String> aotInteraction = first(interactions, shipped);
        String aotInteractionLoad = firstLoads.getOrDefault(shipped, "-");
        String interactionTable = InteractionTable.of(interactions);
        if (compareStockSkin) {
            String report = String.format(Locale.ROOT, """
                    # Amtsdesk workspace: FX pulses as shipped vs. JavaFX's own list skin for the queue (%s --compare-stock-list-skin)
                    %s
                    load-average-at-end: %s
                    glass: %s (prism sw)
                    seed: %s — %s
                    what-runs: fresh JVMs with the AOT cache trained through the queue session (as the image ships it),
                      the two kinds alternating; the second adds -Damtsdesk.queue.stockSkin=true, with which QueueView
                      keeps JavaFX's ListViewSkin instead of SteadyListSkin (the queue before stop 25)

                    ## FX pulses while scrolling, switching saved views and searching (%d rounds)
                    %s
                    """, WorkspaceQueueBench.class.getSimpleName(), BenchMachine.header(loadAtStart).strip(),
                    BenchMachine.loadAverage(), realDisplay ? "gtk ($DISPLAY)" : "monocle headless", dir,
                    WorkspaceSeed.describe(dir), interactionRounds, interactionTable.strip());
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, report);
            System.out.print(report);
            return;
        }

        // Projection and list update in this JVM.
        String projection = projectionFigures(dir);

        long spawnMedian = BenchMachine.median(spawnToQueue);
        long jvmMedian = BenchMachine.median(jvmToQueue);
        long jvmNoArgonMedian = BenchMachine.median(jvmToQueueNoArgon);
        PulseSummary pulses = PulseSummary.of(interaction);
        PulseSummary aotPulses = PulseSummary.of(aotInteraction);
        String report = String.format(Locale.ROOT, """
                # Amtsdesk workspace: cold start to an interactive queue of 10,000 cached cases, and FX pulses (%s)
                date: %s
                java: %s %s
                cpus: %d
                memory: %s
                load-average-at-start: %s
                glass: %s (prism sw)
                seed: %s — %s (%s)
                what-runs: Workstation.unlock (vault, Argon2id, encrypted H2; the staff profile's H2 alongside)
                  → staffProfile() → StaffLogFold.open (restores the stored FoldSnapshot) → read markers →
                  QueueView.fxml + QueueView + QueueViewModel + QueueProjection; meanwhile the FX toolkit starts and
                  shows the real unlock screen (UnlockView.fxml, amtsdesk.css, 460×760) as MainWindow does, and the
                  queue then replaces that scene's root (since 2026-12-04; before, the queue came in a new window
                  and its stylesheet was parsed on the way); queue shown = first pulse whose list cells show rows
                  (Scene post-layout pulse listener). The native crypto library is loaded from a file in place, as
                  the installed app does (since 2026-12-06; before, every start copied it out of the jar).

                ## Cold start (%d fresh JVMs)
                %s
                spawn-to-queue-median-ms: %d
                jvm-start-to-queue-median-ms: %d
                jvm-start-to-queue-without-argon2id-median-ms: %d
                argon2id-ms (64 MiB, t=3, p=1, measured alone in each child after the queue was shown): %s
                goal jvm-up→queue < %d ms (without the deliberate Argon2id): %s
                goal spawn→queue < %d ms in total (Argon2id included): %s

                ## The same cold start with a JDK 25 AOT cache (alternating with the runs above)
                %s
                %s
                aot-spawn-to-queue-median-ms: %d
                aot-jvm-start-to-queue-without-argon2id-median-ms: %d
                goal jvm-up→queue < %d ms with the AOT cache: %s
                goal spawn→queue < %d ms with the AOT cache: %s

                ## FX pulses while scrolling, switching saved views and searching, by kind of start (%d rounds)
                Medians over the rounds; round 1 of each window is the first time in the JVM (cold), round 2 the
                same again. over16 = FX-thread pulses over 16 ms; fx-ms = FX time of all pulses in the window.
                %s

                ## FX pulses in full: the first run without a cache (2 rounds of scrolling, views, searching each)
                method: JavaFX's own JFR pulse events (javafx.PulsePhase, recorded in-process by a RecordingStream
                  started before the toolkit); pulse.fx = first to last FX-thread phase of a pulse, pulse.whole adds
                  the render thread; actions = FX time of each scripted input (PAGE_DOWN/scrollTo/END/HOME key
                  events, view-button fire, a typed character); uiTasks = FX time of each queue update applied
                  (KeyedList.update + labels + selection); frameGaps = gaps between AnimationTimer frames.
                load-average-before: %s
                %s
                goal FX-thread pulses > 16 ms while scrolling, filtering and searching = 0: %s (%d)

                ## The same in full with the AOT cache as shipped (trained to the queue and through a session in it)
                load-average-before: %s
                %s
                goal FX-thread pulses > 16 ms while scrolling, filtering and searching = 0 with the AOT cache: %s (%d)

                ## Projection and list update on 10,000 cases (this JVM)
                %s
                """, WorkspaceQueueBench.class.getSimpleName(), Instant.now(), System.getProperty("java.vendor"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), memory(),
                loadAtStart, realDisplay ? "gtk ($DISPLAY)" : "monocle headless", dir, WorkspaceSeed.describe(dir),
                seed.startsWith("reused") ? "reused" : "made now", runs, coldLines.toString().strip(), spawnMedian,
                jvmMedian, jvmNoArgonMedian, cold.stream().map(r -> r.get("argon2idMs")).toList(),
                COLD_GOAL_AFTER_JVM_MS, jvmNoArgonMedian < COLD_GOAL_AFTER_JVM_MS ? "PASS" : "FAIL",
                COLD_GOAL_TOTAL_MS, spawnMedian < COLD_GOAL_TOTAL_MS ? "PASS" : "FAIL", training,
                aotLines.toString().strip(), BenchMachine.median(aotSpawnToQueue), BenchMachine.median(aotJvmToQueueNoArgon),
                COLD_GOAL_AFTER_JVM_MS, BenchMachine.median(aotJvmToQueueNoArgon) < COLD_GOAL_AFTER_JVM_MS ? "PASS" : "FAIL",
                COLD_GOAL_TOTAL_MS, BenchMachine.median(aotSpawnToQueue) < COLD_GOAL_TOTAL_MS ? "PASS" : "FAIL", interactionRounds,
                interactionTable, interactionLoad,
                pulses.lines(), pulses.verdict(), pulses.over(), aotInteractionLoad, aotPulses.lines(),
                aotPulses.verdict(), aotPulses.over(), projection.strip());
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, report);
        System.out.print(report);
    }

    /**
     * This build against another build's classpath (a snapshot of its jars, see bench/snapshot-classpath.sh) in fresh
     * JVMs: cold starts with each build's AOT cache as shipped, alternating run by run; then the interaction, each
     * build with and without an AOT cache trained on its own classes, the four kinds alternating round by round with
     * the order rotating ({@code rounds} 0: no interaction).
     */
    private static void compareBuilds(String thisBuild, String otherBuild, Path otherFile, Path dir,
            boolean realDisplay, int runs, int rounds, Path results, String loadAtStart) throws Exception {
        Path thisCache = Path.of("bench/target/compare-this.aot").toAbsolutePath();
        Path otherCache = Path.of("bench/target/compare-other.aot").toAbsolutePath();
        String training = train(thisBuild, dir, realDisplay, thisCache, true) + "\n"
                + train(otherBuild, dir, realDisplay, otherCache, true);
        System.out.println(training);
        Map<String, String[]> shipped = new LinkedHashMap<>();
        shipped.put("this build, AOT cache (as shipped)", new String[] {thisBuild, "-XX:AOTCache=" + thisCache,
            "-XX:AOTMode=on"});
        shipped.put("other build, AOT cache (as shipped)", new String[] {otherBuild, "-XX:AOTCache=" + otherCache,
            "-XX:AOTMode=on"});
        ColdStarts cold = coldAlternating(shipped, dir, realDisplay, runs);
        Map<String, String[]> kinds = new LinkedHashMap<>();
        kinds.put("this build, no AOT cache", new String[] {thisBuild});
        kinds.put("other build, no AOT cache", new String[] {otherBuild});
        kinds.putAll(shipped);
        Map<String, List<Map<String, String>>> interactions = interactAlternating(kinds, dir, realDisplay, rounds,
                new LinkedHashMap<>());
        String report = String.format(Locale.ROOT, """
                # Amtsdesk workspace: this build vs. another build (%s --compare-classpath=%s)
                %s
                load-average-at-end: %s
                glass: %s (prism sw)
                seed: %s — %s
                %s
                what-runs: fresh JVMs. Cold starts: each build with an AOT cache trained on its own classes through
                  the queue session (as the image ships), alternating run by run. Interaction: four kinds alternating
                  round by round (order rotating), each build with no AOT cache and with that one; queue width %s px

                ## Cold start (%d runs each)
                %s
                %s
                ## FX pulses while scrolling, switching saved views and searching (%d rounds)
                %s
                """, WorkspaceQueueBench.class.getSimpleName(), otherFile, BenchMachine.header(loadAtStart).strip(),
                BenchMachine.loadAverage(), realDisplay ? "gtk ($DISPLAY)" : "monocle headless", dir,
                WorkspaceSeed.describe(dir), training,
                System.getProperty(WorkspaceQueueChild.QUEUE_WIDTH_PROPERTY, "460"), runs, cold.lines(),
                cold.medians(), rounds, rounds == 0 ? "not run (--no-interaction)"
                        : InteractionTable.of(interactions).strip());
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, report);
        System.out.print(report);
    }

    /**
     * The shipped start (C2 compiler threads at nice 10, see OptimisingCompiler) against the same build with the
     * compiler at normal priority, both with the AOT cache as shipped: cold starts alternating run by run, then the
     * interaction alternating round by round (order rotating).
     */
    private static void compareC2Priority(String classpath, Path dir, boolean realDisplay, int runs, int rounds,
            Path results, String loadAtStart) throws Exception {
        Path cache = Path.of("bench/target/workspace-queue.aot").toAbsolutePath();
        String training = train(classpath, dir, realDisplay, cache, true);
        System.out.println(training);
        Map<String, String[]> kinds = new LinkedHashMap<>();
        kinds.put("as shipped (C2 at nice 10)", new String[] {"-XX:AOTCache=" + cache, "-XX:AOTMode=on"});
        kinds.put("C2 at normal priority", new String[] {"-XX:AOTCache=" + cache, "-XX:AOTMode=on",
            "-Damtsdesk.jit.lowPriority=false"});
        ColdStarts cold = coldAlternating(withClasspath(classpath, kinds), dir, realDisplay, runs);
        Map<String, List<Map<String, String>>> interactions = interactAlternating(withClasspath(classpath, kinds),
                dir, realDisplay, rounds, new LinkedHashMap<>());
        String report = String.format(Locale.ROOT, """
                # Amtsdesk workspace: C2 compiler threads at nice 10 (as shipped) vs. at normal priority (%s --compare-c2-priority)
                %s
                load-average-at-end: %s
                glass: %s (prism sw)
                seed: %s — %s
                %s
                what-runs: fresh JVMs with the AOT cache trained through the queue session (as the image ships it);
                  the second kind adds -Damtsdesk.jit.lowPriority=false. Cold starts alternate run by run, the
                  interaction round by round (order rotating).

                ## Cold start (%d runs each)
                %s
                %s
                ## FX pulses while scrolling, switching saved views and searching (%d rounds)
                %s
                """, WorkspaceQueueBench.class.getSimpleName(), BenchMachine.header(loadAtStart).strip(),
                BenchMachine.loadAverage(), realDisplay ? "gtk ($DISPLAY)" : "monocle headless", dir,
                WorkspaceSeed.describe(dir), training, runs, cold.lines(), cold.medians(), rounds,
                InteractionTable.of(interactions).strip());
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, report);
        System.out.print(report);
    }

    /**
     * The interaction in fresh JVMs, each kind once per round, the kinds alternating with the order rotating round by
     * round. A kind's spec is its classpath, then its JVM options; {@code firstLoads} gets each kind's load average at
     * its first run.
     */
    private static Map<String, List<Map<String, String>>> interactAlternating(Map<String, String[]> specs, Path dir,
            boolean realDisplay, int rounds, Map<String, String> firstLoads) throws IOException, InterruptedException {
        List<String> kindNames = new ArrayList<>(specs.keySet());
        Map<String, List<Map<String, String>>> interactions = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < kindNames.size(); k++) {
                String kind = kindNames.get((k + round) % kindNames.size());
                String[] spec = specs.get(kind);
                String load = BenchMachine.loadAverage();
                firstLoads.putIfAbsent(kind, load);
                System.out.println("interaction round " + (round + 1) + ": " + kind + " (load " + load + ")");
                interactions.computeIfAbsent(kind, x -> new ArrayList<>()).add(runChild(spec[0], dir, realDisplay, true,
                        java.util.Arrays.copyOfRange(spec, 1, spec.length)));
            }
        }
        return interactions;
    }

    /** Each kind's JVM options with {@code classpath} before them, as {@link #interactAlternating} takes them. */
    private static Map<String, String[]> withClasspath(String classpath, Map<String, String[]> options) {
        Map<String, String[]> specs = new LinkedHashMap<>();
        options.forEach((kind, jvmOptions) -> {
            String[] spec = new String[jvmOptions.length + 1];
            spec[0] = classpath;
            System.arraycopy(jvmOptions, 0, spec, 1, jvmOptions.length);
            specs.put(kind, spec);
        });
        return specs;
    }

    /** Cold starts of several kinds: a line per start and each kind's medians. */
    private record ColdStarts(String lines, String medians) {
    }

    /**
     * Cold starts in fresh JVMs, each kind once per run, the order rotating run by run. A kind's spec is its classpath,
     * then its JVM options (as {@link #interactAlternating} takes them).
     */
    private static ColdStarts coldAlternating(Map<String, String[]> specs, Path dir, boolean realDisplay, int runs)
            throws IOException, InterruptedException {
        List<String> kindNames = new ArrayList<>(specs.keySet());
        Map<String, List<Long>> jvmNoArgon = new LinkedHashMap<>();
        Map<String, List<Long>> spawn = new LinkedHashMap<>();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < kindNames.size(); k++) {
                String kind = kindNames.get((k + i) % kindNames.size());
                String[] spec = specs.get(kind);
                String load = BenchMachine.loadAverage();
                Map<String, String> run = runChild(spec[0], dir, realDisplay, false,
                        java.util.Arrays.copyOfRange(spec, 1, spec.length));
                long toQueue = Long.parseLong(run.get("mark.firstFrameWithRows"));
                long argon = Long.parseLong(run.get("argon2idMs"));
                long fromSpawn = Long.parseLong(run.get("spawnToQueueMs"));
                jvmNoArgon.computeIfAbsent(kind, x -> new ArrayList<>()).add(toQueue - argon);
                spawn.computeIfAbsent(kind, x -> new ArrayList<>()).add(fromSpawn);
                String line = coldLine(kind + " run " + (i + 1), run, fromSpawn, toQueue, argon, load);
                lines.append(line);
                System.out.print(line);
            }
        }
        StringBuilder medians = new StringBuilder();
        for (String kind : kindNames) {
            medians.append(String.format(Locale.ROOT, "%s: JVM start → queue without Argon2id median %d ms %s; "
                    + "spawn → queue median %d ms%n", kind, BenchMachine.median(jvmNoArgon.get(kind)),
                    jvmNoArgon.get(kind), BenchMachine.median(spawn.get(kind))));
        }
        return new ColdStarts(lines.toString().strip(), medians.toString());
    }

    private static Map<String, String> first(Map<String, List<Map<String, String>>> runs, String kind) {
        List<Map<String, String>> of = runs.get(kind);
        return of == null || of.isEmpty() ? Map.of() : of.getFirst();
    }

    /** Trains an AOT cache with one cold start (and, as the app-image, the app's session in the queue). */
    private static String train(String classpath, Path dir, boolean realDisplay, Path cache, boolean session)
            throws IOException, InterruptedException {
        Files.deleteIfExists(cache);
        long start = System.nanoTime();
        List<String> options = new ArrayList<>(List.of("-XX:AOTCacheOutput=" + cache));
        if (session) {
            options.add("-D" + WorkspaceQueueChild.EXERCISE_PROPERTY + "=true");
        }
        runChild(classpath, dir, realDisplay, false, options.toArray(String[]::new));
        return String.format(Locale.ROOT, "aot-training (%s): one cold start with -XX:AOTCacheOutput%s, %d ms; "
                + "cache %d MB", cache.getFileName(), session ? " and the app's QueueExercise" : ", quit at the queue",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                Files.exists(cache) ? Files.size(cache) / (1024 * 1024) : -1);
    }

    /** Per kind of start and window: the median of FX pulses over 16 ms and of the window's FX time. */
    static final class InteractionTable {
        private static final List<String> WINDOWS = List.of("scroll1", "filter1", "search1", "scroll2", "filter2",
                "search2");

        static String of(Map<String, List<Map<String, String>>> runs) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%-62s", "kind of start (runs)"));
            for (String window : WINDOWS) {
                out.append(String.format(Locale.ROOT, " | %-16s", window + " over16/fx-ms"));
            }
            out.append('\n');
            for (Map.Entry<String, List<Map<String, String>>> kind : runs.entrySet()) {
                out.append(String.format(Locale.ROOT, "%-62s", kind.getKey() + " (" + kind.getValue().size() + ")"));
                for (String window : WINDOWS) {
                    List<Long> over = new ArrayList<>();
                    List<Long> total = new ArrayList<>();
                    for (Map<String, String> run : kind.getValue()) {
                        String figures = run.getOrDefault("pulse.fx." + window, "");
                        if (figures.contains("over16=")) {
                            over.add(Long.parseLong(figures.replaceAll(".*over16=(\\d+).*", "$1")));
                            total.add(figures.contains("total=")
                                    ? Long.parseLong(figures.replaceAll(".*total=(\\d+).*", "$1")) : -1);
                        }
                    }
                    out.append(String.format(Locale.ROOT, " | %-16s", over.isEmpty() ? "-"
                            : BenchMachine.median(over) + " / " + BenchMachine.median(total) + "  " + over));
                }
                out.append('\n');
            }
            return out.toString().strip();
        }
    }

    /** The interaction child's pulse figures as report lines, and how many FX-thread pulses exceeded 16 ms. */
    private record PulseSummary(String lines, int over, boolean measured) {

        static PulseSummary of(Map<String, String> interaction) {
            StringBuilder lines = new StringBuilder();
            int over = 0;
            boolean measured = false;
            for (Map.Entry<String, String> e : interaction.entrySet()) {
                if (e.getKey().startsWith("pulse.") || e.getKey().startsWith("actions.")
                        || e.getKey().startsWith("uiTasks.") || e.getKey().startsWith("frameGaps.")
                        || e.getKey().startsWith("slowPhases.") || e.getKey().startsWith("jfr.")) {
                    lines.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
                }
                if (e.getKey().startsWith("pulse.fx.")) {
                    measured = true;
                    over += Integer.parseInt(e.getValue().replaceAll(".*over16=(\\d+).*", "$1")
                            .replaceAll("n=0", "0"));
                }
            }
            return new PulseSummary(lines.toString().strip(), over, measured);
        }

        String verdict() {
            return !measured ? "NOT MEASURED" : over == 0 ? "PASS" : "FAIL";
        }
    }

    private static String coldLine(String name, Map<String, String> run, long spawn, long jvm, long argon,
            String load) {
        return String.format(Locale.ROOT,
                "%s: spawn→queue %d ms, JVM start→queue %d ms (%d without Argon2id) | main %s, FX up %s, "
                        + "unlock screen %s, store open %s [unlock %s incl. Argon2id %s, staff profile %s, fold restore %s], "
                        + "queue attached %s, rows applied %s (apply %s ms on FX), first frame %s | rows %s | "
                        + "loadavg %s%n", name, spawn, jvm, jvm - argon, run.get("mark.main"),
                run.get("mark.fxStarted"), run.get("mark.unlockShown"), run.get("mark.storeOpened"),
                run.get("unlockMs"), argon,
                run.get("staffProfileMs"), run.get("foldRestoreMs"), run.get("mark.stageShown"),
                run.get("mark.rowsApplied"), run.get("firstApplyFxMs"), run.get("mark.firstFrameWithRows"),
                run.get("rows"), load);
    }

    static Map<String, String> runChild(String classpath, Path dir, boolean realDisplay, boolean interact,
            String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "-Dprism.order=sw", "-Djava.awt.headless=true",
                InstalledCryptoLibrary.jvmOption())); // as the installed app: the library file in place
        command.addAll(List.of(jvmOptions));
        String queueWidth = System.getProperty(WorkspaceQueueChild.QUEUE_WIDTH_PROPERTY);
        if (queueWidth != null) {
            command.add("-D" + WorkspaceQueueChild.QUEUE_WIDTH_PROPERTY + "=" + queueWidth);
        }
        if (!realDisplay) {
            command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless"));
        }
        command.addAll(List.of("-cp", classpath, WorkspaceQueueChild.class.getName(), "--dir=" + dir));
        if (interact) {
            command.add("--interact");
        }
        Map<String, String> values = new LinkedHashMap<>();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> other = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("AMTSDESK_QUEUE_SHOWN")) {
                    values.put("spawnToQueueMs", String.valueOf(
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
                } else if (line.startsWith("WSQ ")) {
                    String part = line.substring(4);
                    int eq = part.indexOf('=');
                    values.put(part.substring(0, eq), part.substring(eq + 1));
                } else {
                    other.add(line);
                    if (interact) {
                        System.out.println("  child: " + line);
                    }
                }
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0
                || !values.containsKey("spawnToQueueMs")) {
            process.destroyForcibly();
            other.forEach(l -> System.err.println("  child: " + l));
            throw new IllegalStateException("the child JVM failed (exit " + process.exitValue() + ")");
        }
        return values;
    }

    /** QueueProjection.project() over the restored book, and KeyedList.update with its rows. */
    private static String projectionFigures(Path dir) throws Exception {
        try (Workstation ws = Workstation.unlock(dir, WorkspaceSeed.PASSPHRASE.toCharArray())) {
            Workstation staff = ws.staffProfile();
            StaffLogFold fold = StaffLogFold.open(staff.database(), WorkspaceSeed.STAFF_ROOM, WorkspaceSeed.CONFIG,
                    CitizenRooms.of(ws.database(), WorkspaceSeed.FUNCTIONAL));
            ReadMarkers read = ReadMarkers.inMemory();
            staff.database().readMarkers().all().forEach(read::markSeen);
            CaseBook book = fold.book();
            Translations text = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN,
                    QueueView.class.getClassLoader());
            Translations caseText = Translations.load("de.amtsdesk.core.cases.messages", Locale.GERMAN,
                    CaseBookListener.class.getClassLoader());
            QueueProjection projection = new QueueProjection(ServiceCatalogue.bundled(), text, caseText,
                    Locale.GERMAN, ZoneId.of("Europe/Berlin"));
            StringBuilder out = new StringBuilder();
            long t = System.nanoTime();
            long firstCpu = THREADS.getCurrentThreadCpuTime();
            List<QueueEntry> first = projection.project(book, CaseFilter.ACTIVE, WorkspaceSeed.ME, WorkspaceSeed.NOW,
                    read);
            out.append(String.format(Locale.ROOT, "project-first-call-ms[ACTIVE, %d rows]: %.1f wall, %.1f CPU%n",
                    first.size(), (System.nanoTime() - t) / 1e6, (THREADS.getCurrentThreadCpuTime() - firstCpu) / 1e6));
            Map<CaseFilter, List<QueueEntry>> rowsOf = new LinkedHashMap<>();
            for (CaseFilter filter : List.of(CaseFilter.ACTIVE, CaseFilter.CLOSED, CaseFilter.MINE, CaseFilter.DUE,
                    CaseFilter.NEW)) {
                List<Double> millis = new ArrayList<>();
                List<Double> cpu = new ArrayList<>();
                List<QueueEntry> rows = null;
                for (int i = 0; i < 25; i++) {
                    long s = System.nanoTime();
                    long c = THREADS.getCurrentThreadCpuTime();
                    rows = projection.project(book, filter, WorkspaceSeed.ME, WorkspaceSeed.NOW, read);
                    if (i >= 5) {
                        millis.add((System.nanoTime() - s) / 1e6);
                        cpu.add((THREADS.getCurrentThreadCpuTime() - c) / 1e6);
                    }
                }
                rowsOf.put(filter, rows);
                long cases = rows.stream().filter(r -> r instanceof QueueEntry.CaseRow).count();
                out.append(String.format(Locale.ROOT,
                        "project-median-ms[%s, %d cases, %d rows]: %.1f wall (max %.1f), %.1f CPU%n", filter, cases,
                        rows.size(), medianD(millis), millis.stream().mapToDouble(d -> d).max().orElse(0),
                        medianD(cpu)));
            }
            out.append(String.format(Locale.ROOT, "book: %d cases%n", book.size()));
            List<QueueEntry> active = rowsOf.get(CaseFilter.ACTIVE);
            List<QueueEntry> again = projection.project(book, CaseFilter.ACTIVE, WorkspaceSeed.ME, WorkspaceSeed.NOW,
                    read);
            List<QueueEntry> closed = rowsOf.get(CaseFilter.CLOSED);
            // Every scenario from a fresh copy, medians of 7 after 3 warm-ups.
            out.append(keyedUpdate("keyed-update-ms[empty → ACTIVE]", List.of(), active));
            out.append(keyedUpdate("keyed-update-ms[ACTIVE → same rows recomputed]", active, again));
            List<QueueEntry> oneChanged = new ArrayList<>(again);
            for (int i = 0; i < oneChanged.size(); i++) {
                if (oneChanged.get(i) instanceof QueueEntry.CaseRow row) {
                    oneChanged.set(i, row.withUnread(row.unread() + 1));
                    break;
                }
            }
            out.append(keyedUpdate("keyed-update-ms[ACTIVE → one row changed]", active, oneChanged));
            List<QueueEntry> movedToEnd = new ArrayList<>(again);
            movedToEnd.add(movedToEnd.remove(1));
            out.append(keyedUpdate("keyed-update-ms[ACTIVE → first case moved to the end]", active, movedToEnd));
            out.append(keyedUpdate("keyed-update-ms[ACTIVE → CLOSED]", active, closed));
            out.append(keyedUpdate("keyed-update-ms[CLOSED → ACTIVE]", closed, active));
            return out.toString();
        }
    }

    private static String keyedUpdate(String label, List<QueueEntry> from, List<QueueEntry> to) {
        List<Double> millis = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        int edits = 0;
        for (int i = 0; i < 10; i++) {
            ObservableList<QueueEntry> target = FXCollections.observableArrayList(from);
            long s = System.nanoTime();
            long c = THREADS.getCurrentThreadCpuTime();
            edits = KeyedList.update(target, to, QueueEntry::key);
            if (i >= 3) {
                millis.add((System.nanoTime() - s) / 1e6);
                cpu.add((THREADS.getCurrentThreadCpuTime() - c) / 1e6);
            }
            if (!target.equals(to)) {
                throw new IllegalStateException("KeyedList.update did not reach the new rows: " + label);
            }
        }
        return String.format(Locale.ROOT, "%s: %.1f wall, %.1f CPU (%d edits)%n", label, medianD(millis), medianD(cpu),
                edits);
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).getFirst().replaceAll("\\s+", " ");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }


    private static double medianD(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
