package de.amtsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.a11y.WorkspaceScreens;
import de.amtsdesk.app.workspace.FoldDesk;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The AOT training's session in the queue really works the queue: opens cases, goes through views, searches, ends. */
@ExtendWith(ApplicationExtension.class)
class QueueExerciseFxTest {

    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final List<String> searched = new CopyOnWriteArrayList<>();
    private final List<String> viewsShown = new CopyOnWriteArrayList<>();
    private Scene scene;

    @Start
    void start(Stage stage) {
        FoldDesk desk = new FoldDesk(FoldDesk.ANNA, Instant.parse("2026-12-07T08:00:00Z"));
        for (int i = 0; i < 40; i++) {
            desk.newCase("@c" + i + ":bund.example", "Bürger " + i, i % 2 == 0 ? null : "housing.wohngeld.apply");
        }
        var pane = WorkspaceScreens.queue(Locale.GERMAN, desk, opened::add);
        scene = new Scene(pane.root(), 420, 500);
        stage.setScene(scene);
        stage.show();
        ((TextField) scene.lookup("#queueSearch")).textProperty().addListener((obs, old, now) -> searched.add(now));
        for (var node : scene.getRoot().lookupAll(".view-button")) {
            ToggleButton view = (ToggleButton) node;
            view.selectedProperty().addListener((obs, old, now) -> {
                if (now) {
                    viewsShown.add(view.getId());
                }
            });
        }
    }

    @Test
    void theSessionOpensCasesGoesThroughEveryViewSearchesAndHandsBack(FxRobot robot) throws Exception {
        ToggleButton first = robot.lookup(".view-button").queryAllAs(ToggleButton.class).stream()
                .filter(ToggleButton::isSelected).findFirst().orElseThrow();
        int views = robot.lookup(".view-button").queryAll().size();
        CountDownLatch done = new CountDownLatch(1);

        QueueExercise.start(scene, 5, done::countDown);

        assertThat(done.await(90, TimeUnit.SECONDS)).as("the session handed back").isTrue();
        assertThat(opened).as("paging opened cases").hasSizeGreaterThanOrEqualTo(3);
        assertThat(viewsShown).as("every saved view, then back to the first").hasSize(views + 1)
                .endsWith(first.getId());
        assertThat(first.isSelected()).isTrue();
        assertThat(searched).contains("Antrag", "Fischer", "Einkommensnachweis");
        assertThat(((TextField) scene.lookup("#queueSearch")).getText()).isEmpty();
    }
}
