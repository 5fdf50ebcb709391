package de.amtsdesk.bench;

import de.amtsdesk.app.QueueExercise;
import de.amtsdesk.app.ViewLoader;
import de.amtsdesk.app.queue.QueueEntry;
import de.amtsdesk.app.queue.QueueProjection;
import de.amtsdesk.app.queue.QueueView;
import de.amtsdesk.app.queue.QueueViewModel;
import de.amtsdesk.app.queue.ReadMarkers;
import de.amtsdesk.app.unlock.PassphraseCheck;
import de.amtsdesk.app.unlock.UnlockView;
import de.amtsdesk.app.unlock.UnlockViewModel;
import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.catalogue.ServiceCatalogue;
import de.amtsdesk.core.cases.query.CaseFilter;
import de.amtsdesk.core.engine.Workstation;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.staff.CitizenRooms;
import de.amtsdesk.core.staff.StaffLogFold;
import de.amtsdesk.core.store.Argon2idParameters;
import de.amtsdesk.core.store.Vault;
import de.amtsdesk.crypto.PassphraseKdf;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * The fresh JVM of {@link WorkspaceQueueBench}: unlocks the seeded workstation, restores the case book from the
 * stored snapshot and shows the real queue pane (QueueView.fxml, QueueView, QueueViewModel, QueueProjection) with
 * the app's stylesheet, the way WorkspaceScreen builds it. Prints {@code WSQ key=value} lines for the parent.
 *
 * <p>Modes: {@code cold} stops once the first frame shows rows (then measures Argon2id alone); {@code interact}
 * then scrolls, switches saved views and types in the search field, recording every pulse through the JavaFX
 * runtime's own JFR events ({@code javafx.PulsePhase}, enabled because a recording stream exists before the
 * toolkit starts), plus the FX-thread time of every scripted input and every queue update.
 */
public final class WorkspaceQueueChild {

    private static final long JVM_START_MS = ManagementFactory.getRuntimeMXBean().getStartTime();
    private static final Map<String, Long> MARKS = new ConcurrentHashMap<>();
    private static final String STYLESHEET = "/de/amtsdesk/app/amtsdesk.css";

    private WorkspaceQueueChild() {
    }

    private static void mark(String name) {
        MARKS.putIfAbsent(name, System.currentTimeMillis() - JVM_START_MS);
    }

    private record Opened(Workstation workstation, StaffLogFold fold, ReadMarkers read, long unlockMs,
            long profileMs, long restoreMs) {
    }

    /** With this system property set, a cold start runs the app's QueueExercise after the queue shows (AOT training). */
    static final String EXERCISE_PROPERTY = "bench.queueExercise";
    static final String QUEUE_WIDTH_PROPERTY = "amtsdesk.bench.queueWidth";

    public static void main(String[] args) throws Exception {
        mark("main");
        // As Launcher.main: C2 at a lower priority than the start's own threads (OptimisingCompiler).
        de.amtsdesk.core.threads.OptimisingCompiler.lowerPriorityInBackground();
        boolean interact = List.of(args).contains("--interact");
        Path dir = WorkspaceSeed.defaultDir();
        for (String arg : args) {
            if (arg.startsWith("--dir=")) {
                dir = Path.of(arg.substring(6));
            }
        }
        Pulses pulses = interact ? Pulses.start() : null;
        ExecutorService background = Executors.newFixedThreadPool(4,
                Thread.ofPlatform().daemon().name("amtsdesk-background-", 0).factory());
        Path data = dir;
        // As MainWindow.show: the native library (where the unlock's Argon2id runs) loads while the passphrase is
        // typed; here nothing is typed, so the opening below may wait for it and that wait is counted.
        background.execute(Vault::prepareUnlock);
        CompletableFuture<Opened> opening = CompletableFuture.supplyAsync(() -> open(data), background);
        CountDownLatch fxUp = new CountDownLatch(1);
        Platform.startup(fxUp::countDown);
        fxUp.await();
        mark("fxStarted");
        Translations text = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN,
                QueueView.class.getClassLoader());
        // As MainWindow: the window with the app's stylesheet shows the unlock screen while the stores open (the
        // passphrase is not typed here: the store opening stands for the time after Enter), and the queue then
        // replaces the scene's root in the same window.
        AtomicReference<Scene> sceneRef = new AtomicReference<>();
        Platform.runLater(() -> {
            UnlockViewModel unlock = new UnlockViewModel(UnlockViewModel.Mode.UNLOCK,
                    passphrase -> PassphraseCheck.Outcome.UNLOCKED, background, Platform::runLater, text,
                    (delay, tick) -> { }, () -> { });
            Parent unlockRoot = new ViewLoader(text).load(UnlockView.class, () -> new UnlockView(unlock));
            // The queue's width: 460 by default; the app's window gives it ~280 (--queue-width in the bench).
            Scene scene = new Scene(unlockRoot, Integer.getInteger(QUEUE_WIDTH_PROPERTY, 460), 760);
            scene.getStylesheets().add(QueueView.class.getResource(STYLESHEET).toExternalForm());
            sceneRef.set(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            mark("unlockShown");
        });
        Opened opened = opening.join();
        mark("storeOpened");

        Translations caseText = Translations.load("de.amtsdesk.core.cases.messages", Locale.GERMAN,
                CaseBookListener.class.getClassLoader());
        FoldCaseDesk desk = new FoldCaseDesk(opened.fold(), WorkspaceSeed.ME, ServiceCatalogue.bundled());
        mark("textsAndDeskReady");
        Clock clock = Clock.fixed(WorkspaceSeed.NOW, ZoneOffset.UTC);
        TimedUi ui = new TimedUi();
        AtomicReference<QueueViewModel> model = new AtomicReference<>();
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            mark("buildStart");
            QueueProjection projection = new QueueProjection(desk.catalogue(), text, caseText, Locale.GERMAN,
                    ZoneId.of("Europe/Berlin"));
            QueueViewModel queue = new QueueViewModel(desk, projection, opened.read(), background, ui, clock,
                    caseText);
            model.set(queue);
            queue.refresh(); // as WorkspaceScreen.build: projecting while the views load
            mark("modelReady");
            QueueView view = new QueueView(queue, caseId -> { });
            Parent root = new ViewLoader(text).load(QueueView.class, () -> view);
            mark("viewLoaded");
            Scene scene = sceneRef.get();
            @SuppressWarnings("unchecked")
            ListView<QueueEntry> list = (ListView<QueueEntry>) root.lookup("#queueList");
            scene.addPostLayoutPulseListener(() -> {
                if (shown.getCount() > 0 && showsRows(list)) {
                    mark("firstFrameWithRows");
                    System.out.println("AMTSDESK_QUEUE_SHOWN sinceJvmStartMillis=" + MARKS.get("firstFrameWithRows"));
                    System.out.flush();
                    shown.countDown();
                }
            });
            scene.setRoot(root);
            mark("stageShown"); // the queue attached to the shown window
        });
        if (!shown.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the queue never showed rows");
        }
        List<String> order = List.of("main", "fxStarted", "unlockShown", "storeOpened", "textsAndDeskReady", "buildStart",
                "modelReady", "viewLoaded", "stageShown", "rowsApplied",
                "firstFrameWithRows");
        for (String name : order) {
            System.out.println("WSQ mark." + name + "=" + MARKS.get(name));
        }
        System.out.println("WSQ unlockMs=" + opened.unlockMs());
        System.out.println("WSQ staffProfileMs=" + opened.profileMs());
        System.out.println("WSQ foldRestoreMs=" + opened.restoreMs());
        System.out.println("WSQ rows=" + model.get().entries().size());
        System.out.println("WSQ firstApplyFxMs=" + String.format(Locale.ROOT, "%.1f", ui.firstMillis()));
        printMemory("shown");
        if (Boolean.getBoolean(EXERCISE_PROPERTY)) {
            // The AOT training start of the bench's cache, as the app-image's: the app's own session in the queue.
            CountDownLatch exercised = new CountDownLatch(1);
            QueueExercise.start(sceneRef.get(), 150, exercised::countDown);
            if (!exercised.await(180, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the queue exercise did not finish");
            }
        }
        if (interact) {
            new Interaction(model.get(), sceneRef.get(), ui, pulses, List.of(args).contains("--short")).run();
            printMemory("interacted");
        } else {
            System.out.println("WSQ argon2idMs=" + argon2idMillis());
        }
        System.out.flush();
        opened.fold().book(); // keep it reachable until here
        Platform.exit();
        System.exit(0);
    }

    /** The process's resident memory (now and peak) and the Java heap in use, for the memory benchmark. */
    private static void printMemory(String when) {
        Runtime runtime = Runtime.getRuntime();
        System.out.println("WSQ memory." + when + ".rssKb=" + procStatus("VmRSS"));
        System.out.println("WSQ memory." + when + ".peakRssKb=" + procStatus("VmHWM"));
        System.out.println("WSQ memory." + when + ".heapUsedKb=" + (runtime.totalMemory() - runtime.freeMemory()) / 1024);
        System.out.println("WSQ memory." + when + ".heapCommittedKb=" + runtime.totalMemory() / 1024);
    }

    static long procStatus(String field) {
        try {
            return MemoryBreakdown.statusKb(ProcessHandle.current().pid(), field);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A row cell of the list shows a case or a heading. */
    private static boolean showsRows(ListView<QueueEntry> list) {
        if (list == null || list.getItems().isEmpty()) {
            return false;
        }
        for (Node node : list.lookupAll(".list-cell")) {
            if (node instanceof ListCell<?> cell && cell.isVisible() && cell.getItem() != null
                    && cell.getGraphic() != null) {
                return true;
            }
        }
        return false;
    }

    private static Opened open(Path dir) {
        try {
            long t0 = System.nanoTime();
            Workstation ws = Workstation.unlock(dir, WorkspaceSeed.PASSPHRASE.toCharArray());
            long t1 = System.nanoTime();
            Workstation staff = ws.staffProfile();
            long t2 = System.nanoTime();
            StaffLogFold fold = StaffLogFold.open(staff.database(), WorkspaceSeed.STAFF_ROOM, WorkspaceSeed.CONFIG,
                    CitizenRooms.of(ws.database(), WorkspaceSeed.FUNCTIONAL));
            // As WorkspaceScreen.storedMarkers: the workstation's read markers, in memory.
            ReadMarkers read = ReadMarkers.inMemory();
            staff.database().readMarkers().all().forEach(read::markSeen);
            long t3 = System.nanoTime();
            return new Opened(ws, fold, read, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the seeded workstation", e);
        }
    }

    /** Argon2id alone at the vault's recommended cost, as the unlock computes it (natively, ADR 0025). */
    private static long argon2idMillis() {
        Argon2idParameters cost = Argon2idParameters.RECOMMENDED;
        byte[] salt = new byte[16];
        new Random(1).nextBytes(salt);
        long start = System.nanoTime();
        PassphraseKdf.argon2id(WorkspaceSeed.PASSPHRASE.getBytes(StandardCharsets.UTF_8), salt, cost.memoryKiB(),
                cost.iterations(), cost.parallelism(), 32);
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The QueueViewModel's UI executor: Platform.runLater, timing each task on the FX thread. */
    static final class TimedUi implements java.util.concurrent.Executor {
        final Queue<double[]> tasks = new ConcurrentLinkedQueue<>(); // {startEpochMicros, millis}
        volatile String activity = "start";
        final Map<String, Collection<Double>> byActivity = new ConcurrentHashMap<>();

        @Override
        public void execute(Runnable command) {
            Platform.runLater(() -> {
                long start = System.nanoTime();
                command.run();
                mark("rowsApplied");
                double millis = (System.nanoTime() - start) / 1e6;
                tasks.add(new double[] {System.currentTimeMillis(), millis});
                byActivity.computeIfAbsent(activity, a -> new ConcurrentLinkedQueue<>()).add(millis);
            });
        }

        double firstMillis() {
            double[] first = tasks.peek();
            return first == null ? -1 : first[1];
        }
    }

    /** Pulse phases from the JavaFX runtime's JFR events, and input handling times. */
    static final class Pulses {
        record Phase(int pulseId, String name, boolean fxThread, Instant start, Instant end, String thread) {
        }

        final Queue<Phase> phases = new ConcurrentLinkedQueue<>();
        final Queue<Instant[]> inputs = new ConcurrentLinkedQueue<>();
        /** Stop-the-world GC pauses: a pulse that overlaps one was stopped, not busy. */
        final Queue<Instant[]> gcPauses = new ConcurrentLinkedQueue<>();
        private final RecordingStream stream;

        private Pulses(RecordingStream stream) {
            this.stream = stream;
        }

        /** Must run before the toolkit starts: JavaFX creates its JFR pulse logger only if JFR is up by then. */
        static Pulses start() {
            RecordingStream stream = new RecordingStream();
            Pulses pulses = new Pulses(stream);
            stream.enable("javafx.PulsePhase").withoutStackTrace().withThreshold(java.time.Duration.ZERO);
            stream.enable("javafx.Input").withoutStackTrace().withThreshold(java.time.Duration.ZERO);
            stream.onEvent("javafx.PulsePhase", e -> pulses.phases.add(new Phase(e.getInt("pulseId"),
                    e.getString("phaseName"), isFx(e), e.getStartTime(), e.getEndTime(),
                    e.getThread() == null ? "?" : e.getThread().getJavaName() + "/" + e.getThread().getOSName())));
            stream.onEvent("javafx.Input", e -> pulses.inputs.add(new Instant[] {e.getStartTime(), e.getEndTime()}));
            stream.enable("jdk.GCPhasePause").withoutStackTrace().withThreshold(java.time.Duration.ZERO);
            stream.onEvent("jdk.GCPhasePause", e -> pulses.gcPauses.add(new Instant[] {e.getStartTime(),
                    e.getEndTime()}));
            stream.setMaxAge(java.time.Duration.ofMinutes(5));
            stream.startAsync();
            return pulses;
        }

        private static boolean isFx(RecordedEvent e) {
            // The FX thread is "JavaFX Application Thread" with GTK, "Event Thread" under Monocle; the render
            // thread is QuantumRenderer-0 in both.
            return e.getThread() != null && e.getThread().getJavaName() != null
                    && !e.getThread().getJavaName().startsWith("QuantumRenderer");
        }

        void stop() {
            stream.stop();
            stream.close();
        }

        /** FX-thread time of each pulse that began between the two instants (epoch microseconds). */
        List<Double> fxPulsesBetween(long fromMicros, long toMicros) {
            Map<Integer, Instant[]> byPulse = new java.util.TreeMap<>();
            for (Phase p : phases) {
                if (!p.fxThread()) {
                    continue;
                }
                byPulse.merge(p.pulseId(), new Instant[] {p.start(), p.end()}, (a, b) -> new Instant[] {
                    a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
            }
            List<Double> out = new ArrayList<>();
            for (Instant[] span : byPulse.values()) {
                long start = epochMicros(span[0]);
                if (start >= fromMicros && start < toMicros) {
                    out.add(java.time.Duration.between(span[0], span[1]).toNanos() / 1e6);
                }
            }
            return out;
        }
        /**
         * For the pulses that began between the two instants and whose FX-thread work (renderer wait left out) was
         * over 16 ms: the longest time of each phase among them, to say where such a pulse spent its time.
         */
        Map<String, Double> slowPhasesBetween(long fromMicros, long toMicros) {
            Map<Integer, List<Phase>> byPulse = new java.util.TreeMap<>();
            for (Phase p : phases) {
                byPulse.computeIfAbsent(p.pulseId(), k -> new ArrayList<>()).add(p);
            }
            Map<String, Double> worst = new java.util.TreeMap<>();
            for (List<Phase> pulse : byPulse.values()) {
                Instant first = pulse.stream().filter(Phase::fxThread).map(Phase::start).min(Instant::compareTo)
                        .orElse(null);
                if (first == null) {
                    continue;
                }
                long start = epochMicros(first);
                double work = pulse.stream().filter(p -> p.fxThread()
                        && !p.name().startsWith("Waiting for previous rendering"))
                        .mapToDouble(p -> java.time.Duration.between(p.start(), p.end()).toNanos() / 1e6).sum();
                if (start < fromMicros || start >= toMicros || work <= 16) {
                    continue;
                }
                for (Phase p : pulse) {
                    worst.merge((p.fxThread() ? "fx:" : "render:") + p.name(),
                            java.time.Duration.between(p.start(), p.end()).toNanos() / 1e6, Math::max);
                    worst.merge("gc-pause-inside", gcPauseWithin(p.start(), p.end()), Math::max);
                }
            }
            return worst;
        }

        /** The instant in microseconds since the epoch, the unit the windows of these reports are given in. */
        static long epochMicros(Instant instant) {
            return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
        }

        static Instant instantOfMicros(long micros) {
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
        }

        /** The stop-the-world GC pauses (ms) that began between the two instants (epoch microseconds). */
        List<Double> gcPausesBetween(long fromMicros, long toMicros) {
            List<Double> out = new ArrayList<>();
            for (Instant[] pause : gcPauses) {
                long start = epochMicros(pause[0]);
                if (start >= fromMicros && start < toMicros) {
                    out.add(java.time.Duration.between(pause[0], pause[1]).toNanos() / 1e6);
                }
            }
            return out;
        }

        /** Milliseconds of stop-the-world GC pauses that fall inside [from, to). */
        double gcPauseWithin(Instant from, Instant to) {
            double millis = 0;
            for (Instant[] pause : gcPauses) {
                Instant start = pause[0].isAfter(from) ? pause[0] : from;
                Instant end = pause[1].isBefore(to) ? pause[1] : to;
                if (end.isAfter(start)) {
                    millis += java.time.Duration.between(start, end).toNanos() / 1e6;
                }
            }
            return millis;
        }

        /**
         * FX-thread work of each pulse that began between the two instants, without the phase in which the FX thread
         * waits for the renderer to finish the previous frame: with the software pipeline (prism sw, no GPU here) a
         * frame of the whole window takes the render thread tens of milliseconds, which the pulse then waits out.
         */
        List<Double> fxWorkBetween(long fromMicros, long toMicros) {
            Map<Integer, double[]> byPulse = new java.util.TreeMap<>(); // {start micros, work ms}
            for (Phase p : phases) {
                if (!p.fxThread()) {
                    continue;
                }
                long start = epochMicros(p.start());
                double work = p.name().startsWith("Waiting for previous rendering") ? 0
                        : java.time.Duration.between(p.start(), p.end()).toNanos() / 1e6;
                byPulse.merge(p.pulseId(), new double[] {start, work},
                        (a, b) -> new double[] {Math.min(a[0], b[0]), a[1] + b[1]});
            }
            List<Double> out = new ArrayList<>();
            for (double[] pulse : byPulse.values()) {
                if (pulse[0] >= fromMicros && pulse[0] < toMicros) {
                    out.add(pulse[1]);
                }
            }
            return out;
        }
    }

    /** The scripted caseworker: scrolls the list, switches saved views, types searches. */
    static final class Interaction {
        private final QueueViewModel model;
        private final Scene scene;
        private final TimedUi ui;
        private final Pulses pulses;
        private final ListView<QueueEntry> list;
        private final List<Object[]> windows = new ArrayList<>(); // {activity, Instant start, Instant end}
        private final Map<String, Collection<Double>> actionMillis = new ConcurrentHashMap<>();
        private final Map<String, Collection<Double>> frameGaps = new ConcurrentHashMap<>();
        private volatile String activity = "idle";
        private final boolean quick;

        @SuppressWarnings("unchecked")
        Interaction(QueueViewModel model, Scene scene, TimedUi ui, Pulses pulses, boolean quick) {
            this.quick = quick;
            this.model = model;
            this.scene = scene;
            this.ui = ui;
            this.pulses = pulses;
            this.list = (ListView<QueueEntry>) scene.lookup("#queueList");
        }

        void run() throws Exception {
            long[] last = {0};
            AnimationTimer timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (last[0] != 0) {
                        frameGaps.computeIfAbsent(activity, a -> new ConcurrentLinkedQueue<>())
                                .add((now - last[0]) / 1e6);
                    }
                    last[0] = now;
                }
            };
            fx(timer::start);
            Thread.sleep(1500); // let the start settle (a late GC, the first paints)
            for (String round : quick ? List.of("1") : List.of("1", "2")) {
                // Scrolling: selection moves with PAGE_DOWN like a held key (30/s); each move opens the case.
                begin("scroll" + round);
                fx(() -> {
                    list.requestFocus();
                    list.getSelectionModel().clearAndSelect(1);
                });
                for (int i = 0; i < (quick ? 15 : 150); i++) {
                    key(list, KeyCode.PAGE_DOWN);
                    Thread.sleep(33);
                }
                Random random = new Random(7);
                for (int i = 0; i < (quick ? 5 : 40); i++) {
                    int to = random.nextInt(model.entries().size());
                    action(() -> list.scrollTo(to));
                    Thread.sleep(50);
                }
                key(list, KeyCode.END);
                Thread.sleep(300);
                key(list, KeyCode.HOME);
                Thread.sleep(500);
                end();

                // Saved views: each button once, waiting for its rows, twice through.
                begin("filter" + round);
                for (int pass = 0; pass < (quick ? 1 : 2); pass++) {
                    for (CaseFilter filter : QueueViewModel.VIEWS) {
                        long before = generation();
                        String id = "#view-" + filter.name().toLowerCase(Locale.ROOT);
                        action(() -> ((ToggleButton) scene.lookup(id)).fire());
                        waitForUpdate(before);
                        Thread.sleep(250);
                    }
                }
                ToggleButton active = (ToggleButton) scene.lookup("#view-active");
                long before = generation();
                action(active::fire);
                waitForUpdate(before);
                Thread.sleep(300);
                end();

                // Search: typed at about 8 characters a second, then cleared, then another word.
                begin("search" + round);
                TextField search = (TextField) scene.lookup("#queueSearch");
                fx(search::requestFocus);
                for (String query : List.of("Rückruf Unterlagen", "Müller", "Wohngeld")) {
                    for (char ch : query.toCharArray()) {
                        String s = String.valueOf(ch);
                        action(() -> search.replaceSelection(s));
                        Thread.sleep(120);
                    }
                    Thread.sleep(800);
                    long cleared = generation();
                    action(() -> search.setText(""));
                    waitForUpdate(cleared);
                    Thread.sleep(400);
                }
                end();
            }
            fx(timer::stop);
            Thread.sleep(1200);
            pulses.stop();
            report();
        }

        private long generation() throws Exception {
            return fxGet(model::generation);
        }

        private void waitForUpdate(long before) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (generation() == before && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }

        private void begin(String name) {
            activity = name;
            ui.activity = name;
            windows.add(new Object[] {name, Instant.now(), null});
        }

        private void end() {
            windows.getLast()[2] = Instant.now();
            activity = "idle";
            ui.activity = "idle";
        }

        private void key(Node target, KeyCode code) throws Exception {
            action(() -> Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false,
                    false, false)));
        }

        /** Runs a scripted input on the FX thread and records how long the FX thread spent on it. */
        private void action(Runnable input) throws Exception {
            String now = activity;
            fx(() -> {
                long start = System.nanoTime();
                input.run();
                actionMillis.computeIfAbsent(now, a -> new ConcurrentLinkedQueue<>())
                        .add((System.nanoTime() - start) / 1e6);
            });
        }

        private static void fx(Runnable r) throws Exception {
            fxGet(() -> {
                r.run();
                return null;
            });
        }

        private static <T> T fxGet(Supplier<T> s) throws Exception {
            CompletableFuture<T> f = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    f.complete(s.get());
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            });
            return f.get(30, TimeUnit.SECONDS);
        }

        private void report() {
            Map<Integer, List<Pulses.Phase>> byPulse = new java.util.TreeMap<>();
            for (Pulses.Phase p : pulses.phases) {
                byPulse.computeIfAbsent(p.pulseId(), k -> new ArrayList<>()).add(p);
            }
            System.out.println("WSQ jfr.phases=" + pulses.phases.size());
            System.out.println("WSQ jfr.pulses=" + byPulse.size());
            System.out.println("WSQ jfr.fxPhases=" + pulses.phases.stream().filter(Pulses.Phase::fxThread).count());
            if (!pulses.phases.isEmpty()) {
                System.out.println("WSQ jfr.kinds=" + pulses.phases.stream().map(p -> p.name() + "@" + p.thread())
                        .distinct().toList());
            }
            Map<String, List<Double>> fxPulse = new java.util.LinkedHashMap<>();
            Map<String, List<Double>> wholePulse = new java.util.LinkedHashMap<>();
            Map<String, Map<String, Double>> worstPhases = new java.util.LinkedHashMap<>();
            for (Object[] w : windows) {
                fxPulse.put((String) w[0], new ArrayList<>());
                wholePulse.put((String) w[0], new ArrayList<>());
            }
            for (List<Pulses.Phase> phases : byPulse.values()) {
                Instant fxStart = null;
                Instant fxEnd = null;
                Instant start = null;
                Instant end = null;
                for (Pulses.Phase p : phases) {
                    start = start == null || p.start().isBefore(start) ? p.start() : start;
                    end = end == null || p.end().isAfter(end) ? p.end() : end;
                    if (p.fxThread()) {
                        fxStart = fxStart == null || p.start().isBefore(fxStart) ? p.start() : fxStart;
                        fxEnd = fxEnd == null || p.end().isAfter(fxEnd) ? p.end() : fxEnd;
                    }
                }
                if (fxStart == null) {
                    continue;
                }
                String in = activityAt(fxStart);
                if (in == null) {
                    continue;
                }
                double fxMillis = java.time.Duration.between(fxStart, fxEnd).toNanos() / 1e6;
                fxPulse.get(in).add(fxMillis);
                wholePulse.get(in).add(java.time.Duration.between(start, end).toNanos() / 1e6);
                if (fxMillis > 16) {
                    Map<String, Double> worst = worstPhases.computeIfAbsent(in, k -> new java.util.TreeMap<>());
                    for (Pulses.Phase p : phases) {
                        double ms = java.time.Duration.between(p.start(), p.end()).toNanos() / 1e6;
                        worst.merge((p.fxThread() ? "fx:" : "render:") + p.name(), ms, Math::max);
                    }
                }
            }
            for (String a : fxPulse.keySet()) {
                System.out.println("WSQ pulse.fx." + a + "=" + stats(fxPulse.get(a)));
                System.out.println("WSQ pulse.whole." + a + "=" + stats(wholePulse.get(a)));
                System.out.println("WSQ actions." + a + "=" + stats(actionMillis.getOrDefault(a, List.of())));
                System.out.println("WSQ uiTasks." + a + "=" + stats(ui.byActivity.getOrDefault(a, List.of())));
                System.out.println("WSQ frameGaps." + a + "=" + stats(frameGaps.getOrDefault(a, List.of())));
                if (worstPhases.containsKey(a)) {
                    System.out.println("WSQ slowPhases." + a + "=" + worstPhases.get(a).entrySet().stream()
                            .filter(e -> e.getValue() >= 2).map(e -> e.getKey() + " " + String.format(Locale.ROOT,
                                    "%.1f", e.getValue())).toList());
                }
            }
        }

        private String activityAt(Instant at) {
            for (Object[] w : windows) {
                Instant s = (Instant) w[1];
                Instant e = (Instant) w[2];
                if (!at.isBefore(s) && e != null && at.isBefore(e)) {
                    return (String) w[0];
                }
            }
            return null;
        }

        /** "n=… over16=… max=… p99=… median=… total=…" (total: the FX time of the whole window, in ms) */
        static String stats(Collection<Double> values) {
            if (values.isEmpty()) {
                return "n=0";
            }
            List<Double> sorted = values.stream().sorted().toList();
            long over = sorted.stream().filter(v -> v > 16).count();
            double p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
            return String.format(Locale.ROOT, "n=%d over16=%d max=%.1f p99=%.1f median=%.1f total=%.0f",
                    sorted.size(), over, sorted.getLast(), p99, sorted.get(sorted.size() / 2),
                    sorted.stream().mapToDouble(Double::doubleValue).sum());
        }
    }
}
