package de.amtsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What changes inside a boundary is laid out inside it; the panes around it are not asked again. */
@ExtendWith(ApplicationExtension.class)
class LayoutBoundaryFxTest {

    private ListView<String> list;
    private LayoutBoundary boundary;
    private VBox around;

    @Start
    void start(Stage stage) {
        list = new ListView<>();
        boundary = new LayoutBoundary();
        around = new VBox(new Label("Nicht zugewiesen"), boundary);
        list.getItems().setAll("WG-1", "WG-2", "WG-3");
        boundary.getChildren().add(list);
        javafx.scene.layout.VBox.setVgrow(boundary, javafx.scene.layout.Priority.ALWAYS);
        stage.setScene(new Scene(around, 300, 400));
        stage.show();
    }

    @Test
    void theHeldListFillsTheBoundaryAndItsChangesStayInside(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.isManaged()).isFalse();
        assertThat(boundary.getHeight()).as("the boundary takes the room the VBox gives").isGreaterThan(300);
        assertThat(list.getWidth()).isEqualTo(boundary.getWidth());
        assertThat(list.getHeight()).isEqualTo(boundary.getHeight());

        boolean[] aroundAsked = new boolean[1];
        robot.interact(() -> {
            list.getItems().removeFirst();
            list.requestLayout();
            aroundAsked[0] = around.isNeedsLayout() || boundary.isNeedsLayout();
        });

        assertThat(aroundAsked[0]).as("the VBox and the boundary were not asked to lay out again").isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".list-cell").queryAll().stream()
                .map(n -> (Object) ((javafx.scene.control.ListCell<?>) n).getItem()).filter(java.util.Objects::nonNull)
                .toList())
                .as("the list itself was laid out").containsExactlyInAnyOrder("WG-2", "WG-3");

        robot.interact(() -> around.resize(300, 500));
        robot.interact(around::layout);
        assertThat(list.getHeight()).as("a new size reaches the held list").isEqualTo(boundary.getHeight());
    }

    @Test
    void aBoundaryInARowAlignedByBaselineSitsOnItsLabelsBaseline(FxRobot robot) {
        Label title = new Label("SLA-Bericht");
        title.setStyle("-fx-font-size: 20px");
        Label heading = new Label("Dezember 2026");
        LayoutBoundary held = new LayoutBoundary();
        held.getChildren().add(heading);
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(8, title, held);
        row.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        javafx.scene.layout.HBox.setHgrow(held, javafx.scene.layout.Priority.ALWAYS);
        robot.interact(() -> around.getChildren().add(0, row));
        WaitForAsyncUtils.waitForFxEvents();

        double titleBaseline = title.getLayoutY() + title.getBaselineOffset();
        double headingBaseline = held.getLayoutY() + heading.getLayoutY() + heading.getBaselineOffset();
        assertThat(headingBaseline).as("the held label's baseline is the title's").isCloseTo(titleBaseline,
                org.assertj.core.data.Offset.offset(1.0));
        assertThat(held.getWidth()).as("the boundary takes the row's remaining width")
                .isGreaterThan(300 - title.getWidth() - 8 - 1);

        robot.interact(() -> heading.setText("KW 49 (30.11.–06.12.2026), längerer Titel"));
        assertThat(row.isNeedsLayout()).as("a new heading is laid out inside the boundary").isFalse();
    }
}
