package de.amtsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A list row of one plain line: shows its item, ends a too long line in "…", speaks it whole, asks for no layout. */
@ExtendWith(ApplicationExtension.class)
class PlainTextListCellFxTest {

    private static final String LONG = "WG-2026-0042 · Erstantwort überschritten seit 3 Tagen · Frau Dr. Müller-Lüdenscheidt";

    private ListView<String> list;

    @Start
    void start(Stage stage) {
        list = new ListView<>();
        list.setCellFactory(l -> new PlainTextListCell<>(s -> "Fall " + s));
        list.getItems().setAll("WG-1", LONG);
        stage.setScene(new Scene(list, 220, 200));
        stage.show();
    }

    @Test
    void rowsShowTheirLineAndEndATooLongOneInAnEllipsis(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> first = cellOf(robot, "WG-1");
        assertThat(shown(first)).isEqualTo("Fall WG-1");
        assertThat(first.getAccessibleText()).isEqualTo("Fall WG-1");

        ListCell<?> second = cellOf(robot, LONG);
        assertThat(shown(second)).as("cut to the list's width").endsWith("…").startsWith("Fall WG-2026");
        assertThat(second.getAccessibleText()).as("screen readers get the whole line").isEqualTo("Fall " + LONG);
        Text line = (Text) ((javafx.scene.Parent) second.getGraphic()).getChildrenUnmodifiable().getFirst();
        assertThat(line.getLayoutBounds().getWidth()).isLessThanOrEqualTo(second.getGraphic().getLayoutBounds()
                .getWidth());
    }

    @Test
    void aReusedRowShowsTheNextItemWithoutAskingForALayout(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> first = cellOf(robot, "WG-1");
        boolean[] asked = new boolean[1];
        robot.interact(() -> {
            list.getItems().set(0, "WG-7");
            list.layout(); // the flow gives the row its new item
            asked[0] = first.isNeedsLayout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> now = cellOf(robot, "WG-7");
        assertThat(shown(now)).isEqualTo("Fall WG-7");
        assertThat(asked[0]).as("the row's new text asked for no layout").isFalse();
        robot.interact(() -> list.getItems().setAll(List.of()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".list-cell").queryAllAs(ListCell.class).stream().map(PlainTextListCellFxTest::shown)
                .filter(s -> !s.isEmpty()).toList()).as("empty rows show nothing").isEmpty();
    }

    @Test
    void rowsOfTwoLinesShowBothOneBelowTheOtherAndSpeakTheirOwnText(FxRobot robot) {
        ListView<String> twoLines = new ListView<>();
        robot.interact(() -> {
            twoLines.setCellFactory(l -> new PlainTextListCell<>(2, s -> List.of("Fall " + s, "seit heute"),
                    s -> "Fall " + s + ", seit heute, nicht zugewiesen"));
            twoLines.getItems().setAll("WG-1", "WG-2");
            list.getScene().setRoot(twoLines);
        });
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> cell = robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> "WG-2".equals(c.getItem())).findFirst().orElseThrow();
        List<Text> texts = ((javafx.scene.Parent) cell.getGraphic()).getChildrenUnmodifiable().stream()
                .map(Text.class::cast).toList();
        assertThat(texts).extracting(Text::getText).containsExactly("Fall WG-2", "seit heute");
        assertThat(texts.get(1).getLayoutY()).as("the second line below the first")
                .isEqualTo(texts.getFirst().getLayoutBounds().getHeight());
        assertThat(cell.getGraphic().getLayoutBounds().getHeight()).as("the row holds both lines")
                .isGreaterThanOrEqualTo(2 * texts.getFirst().getLayoutBounds().getHeight());
        assertThat(cell.getAccessibleText()).isEqualTo("Fall WG-2, seit heute, nicht zugewiesen");
    }

    private static ListCell<?> cellOf(FxRobot robot, String item) {
        return robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> item.equals(c.getItem())).findFirst().orElseThrow();
    }

    private static String shown(ListCell<?> cell) {
        Node graphic = cell.getGraphic();
        return graphic == null ? "" : ((Text) ((javafx.scene.Parent) graphic).getChildrenUnmodifiable().getFirst())
                .getText();
    }
}
