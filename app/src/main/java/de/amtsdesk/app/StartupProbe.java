package de.amtsdesk.app;

import de.amtsdesk.app.rooms.RoomRow;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Lets the start-up benchmark (bench/) and packaging smoke tests measure "process start to login screen" in the
 * real app: with {@code -Damtsdesk.startupProbe=true} the app prints one line when the login window is shown and
 * quits. With {@code -Damtsdesk.startupProbe.picture=FILE} it first writes what the window shows as a PNG (the
 * installed package's test looks at it). With {@code -Damtsdesk.startupProbe=queue} it measures the way to work
 * instead: one line when the unlock screen is shown, one when Enter is first pressed (the passphrase typed by the
 * benchmark through the X server, as a person would), one when the case queue first shows rows; then it quits (with
 * {@code -Damtsdesk.startupProbe.stayMillis=N} N ms later, so that a benchmark can read the memory of a settled app;
 * with {@code -Damtsdesk.startupProbe.exercise=true} after a scripted session in the queue, for the AOT training;
 * with {@code -Damtsdesk.startupProbe.awaitRooms=N} not before the agency account lists N rooms: the training's sync).
 * Without the properties it does nothing.
 */
final class StartupProbe {

    static final String PROPERTY = "amtsdesk.startupProbe";
    static final String PICTURE_PROPERTY = "amtsdesk.startupProbe.picture";
    static final String MARKER = "AMTSDESK_LOGIN_SHOWN";
    static final String QUEUE_MODE = "queue";
    static final String UNLOCK_MARKER = "AMTSDESK_UNLOCK_SHOWN";
    static final String ENTER_MARKER = "AMTSDESK_ENTER_PRESSED";
    static final String QUEUE_MARKER = "AMTSDESK_QUEUE_SHOWN";
    static final String STAYED_MARKER = "AMTSDESK_QUEUE_STAYED";
    /** For the AOT training start: a scripted session in the queue (QueueExercise) before the app quits. */
    static final String EXERCISE_PROPERTY = "amtsdesk.startupProbe.exercise";
    static final String EXERCISED_MARKER = "AMTSDESK_QUEUE_EXERCISED";
    /** Page-downs of the training session: as many as the benchmark's cold round needed to warm up. */
    static final int EXERCISE_PAGES = 150;
    /**
     * For the AOT training on the sync path: the probe quits only once the agency account lists this many rooms (the
     * citizens' rooms waiting on the training homeserver, synced and decrypted), or after {@link #AWAIT_ROOMS_LIMIT}.
     */
    static final String AWAIT_ROOMS_PROPERTY = "amtsdesk.startupProbe.awaitRooms";
    static final String ROOMS_SYNCED_MARKER = "AMTSDESK_ROOMS_SYNCED";
    static final String ROOMS_MISSING_MARKER = "AMTSDESK_ROOMS_MISSING";
    static final java.time.Duration AWAIT_ROOMS_LIMIT = java.time.Duration.ofMinutes(3);
    /** The agency account's room rows (set when the workspace opens; read and changed on the FX thread only). */
    private static volatile List<RoomRow> agencyRooms = List.of();
    /** Which rows show a message, i.e. their last message was decrypted. */
    private static volatile Predicate<RoomRow> readable = row -> false;
    /** Milliseconds the app keeps running at the queue before it quits: memory is measured after the start-up. */
    static final String STAY_PROPERTY = "amtsdesk.startupProbe.stayMillis";

    private StartupProbe() {
    }

    /**
     * The workspace hands over the agency account's room rows, and which of them show a decrypted last message: what
     * {@link #AWAIT_ROOMS_PROPERTY} waits for.
     */
    static void agencyRoomsListed(List<RoomRow> rows, Predicate<RoomRow> showsMessage) {
        readable = showsMessage;
        agencyRooms = rows;
    }

    static void loginScreenShown(Scene scene) {
        String mode = System.getProperty(PROPERTY);
        if (QUEUE_MODE.equals(mode) && scene != null) {
            watchTheWayToTheQueue(scene);
            return;
        }
        if (!Boolean.parseBoolean(mode)) {
            return;
        }
        mark(MARKER, " openGlLoaded=" + openGlLoaded());
        String picture = System.getProperty(PICTURE_PROPERTY);
        if (picture != null && !picture.isBlank() && scene != null) {
            try {
                writePng(scene.snapshot(null), Path.of(picture));
                System.out.println("AMTSDESK_PICTURE " + picture);
            } catch (IOException | RuntimeException e) {
                System.out.println("AMTSDESK_PICTURE_FAILED " + e.getClass().getSimpleName());
            }
        }
        System.out.flush();
        Platform.exit();
    }

    /** Whether an OpenGL library is mapped into this process (Linux; "unknown" elsewhere): see RenderingPipeline. */
    static String openGlLoaded() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return "unknown";
        }
        try (var lines = Files.lines(maps)) {
            return Boolean.toString(lines.anyMatch(line -> line.contains("/libGL.so") || line.contains("/libLLVM")));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "unknown";
        }
    }

    private static void mark(String marker, String extra) {
        long now = System.currentTimeMillis();
        long sinceJvmStart = now - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(marker + " epochMillis=" + now + " sinceJvmStartMillis=" + sinceJvmStart + extra);
        System.out.flush();
    }

    /**
     * The queue counts as shown at the end of the first pulse whose layout put a case into a list cell: what the
     * caseworker sees, not when the data was ready.
     */
    private static void watchTheWayToTheQueue(Scene scene) {
        mark(UNLOCK_MARKER, "");
        AtomicBoolean entered = new AtomicBoolean();
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && entered.compareAndSet(false, true)) {
                mark(ENTER_MARKER, "");
            }
        });
        AtomicBoolean shown = new AtomicBoolean();
        scene.addPostLayoutPulseListener(() -> {
            if (shown.get() || !(scene.lookup("#queueList") instanceof ListView<?> list) || list.getItems().isEmpty()) {
                return;
            }
            boolean rowInCell = list.lookupAll(".list-cell").stream()
                    .anyMatch(node -> node instanceof ListCell<?> cell && !cell.isEmpty() && cell.isVisible());
            if (rowInCell && shown.compareAndSet(false, true)) {
                mark(QUEUE_MARKER, " rows=" + list.getItems().size());
                Runnable quit = () -> whenRoomsListed(Integer.getInteger(AWAIT_ROOMS_PROPERTY, 0),
                        System.nanoTime() + AWAIT_ROOMS_LIMIT.toNanos(),
                        () -> quitAfter(Long.getLong(STAY_PROPERTY, 0)));
                if (Boolean.getBoolean(EXERCISE_PROPERTY)) {
                    QueueExercise.start(scene, EXERCISE_PAGES, () -> {
                        mark(EXERCISED_MARKER, "");
                        quit.run();
                    });
                } else {
                    quit.run();
                }
            }
        });
    }

    /**
     * Runs {@code then} once {@code wanted} agency rooms show their decrypted last message (at once for 0), or at the
     * deadline regardless.
     */
    private static void whenRoomsListed(int wanted, long deadline, Runnable then) {
        if (wanted <= 0) {
            then.run();
            return;
        }
        List<RoomRow> rows = agencyRooms;
        long decrypted = rows.stream().filter(readable).count();
        if (decrypted >= wanted || System.nanoTime() - deadline > 0) {
            mark(decrypted >= wanted ? ROOMS_SYNCED_MARKER : ROOMS_MISSING_MARKER, " rooms=" + rows.size()
                    + " decrypted=" + decrypted);
            then.run();
            return;
        }
        PauseTransition wait = new PauseTransition(Duration.millis(250));
        wait.setOnFinished(event -> whenRoomsListed(wanted, deadline, then));
        wait.play();
    }

    private static void quitAfter(long millis) {
        if (millis <= 0) {
            Platform.exit();
            return;
        }
        PauseTransition stay = new PauseTransition(Duration.millis(millis));
        stay.setOnFinished(event -> {
            mark(STAYED_MARKER, "");
            Platform.exit();
        });
        stay.play();
    }

    /** Without the javafx-swing module (not in the image): pixel by pixel into an ARGB picture. */
    private static void writePng(WritableImage image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(out, "png", file.toFile());
    }
}
