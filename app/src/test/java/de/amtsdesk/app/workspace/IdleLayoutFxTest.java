package de.amtsdesk.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.IdleLayouts;
import de.amtsdesk.app.a11y.WorkspaceScreens;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A workspace nobody touches does no work per frame. Any running animation (a text field's blinking caret, the
 * workspace's one-second presence clock) makes JavaFX pulse at 60 Hz; a control that asks for layout in every pulse
 * then costs CPU for as long as it does.
 *
 * <p>The queue is checked at its top and scrolled to its middle. Scrolled away from the top, JavaFX 21's VirtualFlow
 * used to lay out in every pulse until it had measured every row (two per layout), and to start over whenever the row
 * count changed: ~80 s of layout per frame for 10,000 rows, 12–15 s of CPU per idle minute on the packaged app's FX
 * thread (stop 24). {@link de.amtsdesk.app.SteadyListSkin} stops that; with the stock skin the scrolled test sees
 * ~130 layouts of the flow and its ancestors in its two seconds.
 */
@ExtendWith(ApplicationExtension.class)
class IdleLayoutFxTest {

    private Scene scene;

    @Start
    void start(Stage stage) {
        FoldDesk desk = new FoldDesk(FoldDesk.ANNA, Instant.parse("2026-12-07T08:00:00Z"));
        for (int i = 0; i < Integer.getInteger("idle.cases", 2000); i++) {
            String[] names = {"Erika Müller", "Ayşe Yılmaz", "Tomasz Kowalski", "Zeynep Öztürk", "Dmitri Nguyen"};
            desk.newCase("@c" + i + ":bund.example", names[i % names.length] + " " + i,
                    i % 3 == 0 ? null : "housing.wohngeld.apply");
        }
        Parent root = WorkspaceScreens.workspace(Locale.GERMAN, desk);
        scene = new Scene(root, 1200, 760);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void anIdleQueueAtItsTopLaysNothingOutWhileAnAnimationRuns(FxRobot robot) throws Exception {
        assertIdle(robot, false);
    }

    @Test
    void anIdleQueueScrolledToItsMiddleLaysNothingOutWhileAnAnimationRuns(FxRobot robot) throws Exception {
        assertIdle(robot, true);
    }

    private void assertIdle(FxRobot robot, boolean scrolled) throws Exception {
        javafx.scene.control.ListView<?> queue = (javafx.scene.control.ListView<?>) scene.lookup("#queueList");
        Map<String, AtomicInteger> layouts = IdleLayouts.count(robot, scene,
                () -> {
                    if (scrolled) {
                        queue.scrollTo(queue.getItems().size() / 2);
                    }
                }, Long.getLong("idle.wait", 300));
        assertThat(queue.getItems()).as("the queue is long enough to scroll").hasSizeGreaterThan(1000);
        if (scrolled) {
            // The flow still shows the middle of the list, not its top.
            assertThat(robot.lookup(".queue-case").queryAll().stream()
                    .filter(n -> n.isVisible() && n instanceof javafx.scene.control.ListCell<?> cell
                            && cell.getIndex() > queue.getItems().size() / 3)
                    .count()).as("rows shown from the middle of the queue").isGreaterThan(3);
        }
        assertThat(IdleLayouts.most(layouts))
                .as("layout requests of one node in 2 s of an idle workspace: %s", layouts).isLessThanOrEqualTo(2);
    }
}
