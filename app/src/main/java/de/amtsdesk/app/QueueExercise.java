package de.amtsdesk.app;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * A scripted working session in the case queue, for the app-image's AOT training start only (ADR 0019): once the queue
 * shows, it pages through the list (each row opens its case), jumps to the end and back, goes through the saved views
 * and searches three words, then hands back. The AOT cache then also holds the JIT's profiles of these paths (JDK 25,
 * JEP 515), so a caseworker's first scroll runs compiled code early instead of warming the JIT frame by frame.
 * Started by the start-up probe with {@code -Damtsdesk.startupProbe.exercise=true}; never in normal use.
 */
public final class QueueExercise {

    /** Words of the generated training profile, not the benchmark's, so the benchmark is not trained on its own. */
    private static final List<String> SEARCHES = List.of("Antrag", "Fischer", "Einkommensnachweis");
    private static final long STEP_TIMEOUT_SECONDS = 20;

    private final Scene scene;
    private final int pages;

    private QueueExercise(Scene scene, int pages) {
        this.scene = scene;
        this.pages = pages;
    }

    /** Runs the session on a thread of its own (the FX thread only does each step) and then {@code then} on FX. */
    public static void start(Scene scene, int pages, Runnable then) {
        Thread.ofPlatform().daemon().name("amtsdesk-queue-exercise").start(() -> {
            try {
                new QueueExercise(scene, pages).run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | ExecutionException | TimeoutException e) {
                // A training run that could not finish still leaves a usable cache of what it did.
                System.out.println("AMTSDESK_EXERCISE_INCOMPLETE " + e);
            } finally {
                Platform.runLater(then);
            }
        });
    }

    private void run() throws InterruptedException, ExecutionException, TimeoutException {
        ListView<?> list = onFx(() -> (ListView<?>) scene.lookup("#queueList"));
        onFx(() -> {
            list.requestFocus();
            list.getSelectionModel().clearAndSelect(1);
            return null;
        });
        for (int i = 0; i < pages; i++) {
            key(list, KeyCode.PAGE_DOWN);
            Thread.sleep(30);
        }
        key(list, KeyCode.END);
        Thread.sleep(300);
        key(list, KeyCode.HOME);
        Thread.sleep(300);
        List<ToggleButton> views = onFx(() -> scene.getRoot().lookupAll(".view-button").stream()
                .filter(ToggleButton.class::isInstance).map(ToggleButton.class::cast).toList());
        Toggle shownFirst = onFx(() -> views.isEmpty() ? null : views.getFirst().getToggleGroup().getSelectedToggle());
        for (ToggleButton view : views) {
            onFx(() -> {
                view.fire();
                return null;
            });
            Thread.sleep(400);
        }
        if (shownFirst instanceof ToggleButton first) {
            onFx(() -> {
                first.fire();
                return null;
            });
            Thread.sleep(400);
        }
        TextField search = onFx(() -> (TextField) scene.lookup("#queueSearch"));
        for (String word : SEARCHES) {
            onFx(() -> {
                search.requestFocus();
                return null;
            });
            for (char c : word.toCharArray()) {
                onFx(() -> {
                    search.replaceSelection(String.valueOf(c));
                    return null;
                });
                Thread.sleep(100);
            }
            Thread.sleep(600);
            for (int i = 0; i < 3; i++) {
                key(list, KeyCode.PAGE_DOWN);
                Thread.sleep(60);
            }
            onFx(() -> {
                search.setText("");
                return null;
            });
            Thread.sleep(500);
        }
    }

    private static void key(Node target, KeyCode code) throws InterruptedException, ExecutionException,
            TimeoutException {
        onFx(() -> {
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
            return null;
        });
    }

    private static <T> T onFx(Supplier<T> step) throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(step.get());
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
