package de.amtsdesk.app.lead;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.a11y.LeadScreens;
import de.amtsdesk.app.workspace.FoldDesk;
import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.log.StaffEventTypes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The lead desk driven like a lead: 50 cases assigned by keyboard in one event, one case dragged onto Anna. */
@ExtendWith(ApplicationExtension.class)
class LeadDeskFxTest {

    private final FoldDesk fold = LeadScreens.unit();
    private final List<String> fresh = new ArrayList<>();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        for (int i = 0; i < 50; i++) {
            fresh.add(fold.newCase("@c" + i + ":bund.example", "Bürger " + i, null));
        }
        var desk = LeadScreens.leadDesk(Locale.GERMAN, fold, name -> Optional.<Path>empty());
        stage.setScene(new Scene(desk.root(), 1200, 800));
        stage.getScene().getStylesheets().add(getClass().getResource("/de/amtsdesk/app/amtsdesk.css").toExternalForm());
        stage.show();
    }

    private List<Case> unassigned() {
        return fold.book().cases().stream().filter(c -> !c.isAssigned()).toList();
    }

    @Test
    void fiftyCasesAreAssignedByKeyboardInOneEvent(FxRobot robot) {
        ListView<?> list = robot.lookup("#unassignedList").queryAs(ListView.class);
        int shown = unassigned().size();
        assertThat(list.getItems()).hasSize(shown).hasSizeGreaterThanOrEqualTo(52);
        robot.interact(list::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getSelectionModel().getSelectedItems()).hasSize(shown);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        // The picker opens with the cursor in its search field: type ahead to Ben.
        awaitFocus(robot, "#assigneeQuery");
        robot.type(KeyCode.B, KeyCode.E, KeyCode.N); // key presses: robot.write types into the main window
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fold.sent()).hasSize(1);
        assertThat(fold.sent().getFirst().type()).isEqualTo(StaffEventTypes.ASSIGNED);
        assertThat(fold.sent().getFirst().content().get("cases")).hasSize(shown);
        assertThat(fresh).allSatisfy(id -> assertThat(fold.book().find(id).orElseThrow().assignee())
                .isEqualTo(FoldDesk.BEN));
        assertThat(unassigned()).isEmpty();
        assertThat(list.getItems()).isEmpty();
        assertThat(robot.lookup("#leadResult").queryLabeled().getText())
                .isEqualTo(shown + " Vorgänge an Ben Bearbeiter zugewiesen.");
    }

    /**
     * The workload table's rows are stable lines (stop 31): a sync batch changes the numbers in the row the lead sees,
     * the spoken text follows, and a sort the lead chose stays (here by "open", descending: Ben moves to the top).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theWorkloadTableShowsNewNumbersInPlaceAndKeepsTheLeadsSort(FxRobot robot) {
        var table = (javafx.scene.control.TableView<de.amtsdesk.app.Line<WorkloadRow>>) robot.lookup("#workloadTable")
                .query();
        var openColumn = (javafx.scene.control.TableColumn<de.amtsdesk.app.Line<WorkloadRow>, Number>) table
                .getColumns().get(1);
        robot.interact(() -> {
            openColumn.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(openColumn));
        });
        var ben = table.getItems().stream().filter(l -> l.row().userId().equals(FoldDesk.BEN)).findFirst()
                .orElseThrow();
        int benBefore = ben.row().open();
        int highest = table.getItems().stream().mapToInt(l -> l.row().open()).max().orElseThrow();

        robot.interact(() -> fold.apply(FoldDesk.LEAD, de.amtsdesk.core.cases.OutgoingStaffEvents.bulkAssign(
                fresh.subList(0, highest + 1), FoldDesk.BEN)));
        int benNow = benBefore + highest + 1;
        try {
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                    () -> table.getItems().getFirst() == ben && ben.row().open() == benNow);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Ben's line on top with " + benNow + " open; shown: " + table.getItems(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.getItems()).as("the same line objects").contains(ben);
        Node benRow = robot.lookup("#workloadTable .table-row-cell").match(n -> n instanceof TableRow<?> row
                && row.getItem() == ben).query();
        assertThat(benRow.getAccessibleText()).startsWith("Ben Bearbeiter: " + benNow + " offen");
        assertThat(robot.from(benRow).lookup(".table-cell").queryAll().stream()
                .map(Node::getAccessibleText).toList())
                .contains(String.valueOf(benNow));
        List<Integer> opens = table.getItems().stream().map(l -> l.row().open()).toList();
        assertThat(opens).as("still sorted by open, descending").isSortedAccordingTo(
                java.util.Comparator.reverseOrder());
    }

    /** Found in the demo: Enter on the row the keyboard focus marks, with nothing selected, said "nothing selected". */
    @Test
    void enterOnTheFocusedRowAssignsThatCase(FxRobot robot) {
        ListView<?> list = robot.lookup("#unassignedList").queryAs(ListView.class);
        robot.interact(() -> {
            list.requestFocus();
            list.getSelectionModel().clearSelection();
            list.getFocusModel().focus(2);
        });
        String third = ((UnassignedRow) list.getItems().get(2)).caseId();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        awaitFocus(robot, "#assigneeQuery");
        robot.type(KeyCode.B, KeyCode.E, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fold.sent()).hasSize(1);
        assertThat(fold.sent().getFirst().content().get("cases")).extracting(n -> n.asText()).containsExactly(third);
        assertThat(fold.book().find(third).orElseThrow().assignee()).isEqualTo(FoldDesk.BEN);
    }

    private static void awaitFocus(FxRobot robot, String query) {
        try {
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery()
                    .map(Node::isFocused).orElse(false));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(query + " never got the focus", e);
        }
    }

    @Test
    void aCaseDraggedOntoACaseworkersRowIsAssignedToThem(FxRobot robot) {
        ListView<?> list = robot.lookup("#unassignedList").queryAs(ListView.class);
        String first = unassigned().stream().sorted(java.util.Comparator.comparing(Case::createdAt)).findFirst()
                .orElseThrow().id();
        robot.interact(() -> list.getSelectionModel().clearAndSelect(0));
        Node cell = robot.lookup("#unassignedList .list-cell").nth(0).query();
        Node anna = robot.lookup("#workloadTable .table-row-cell").match(n -> n instanceof TableRow<?> row
                && row.getItem() instanceof de.amtsdesk.app.Line<?> line
                && line.row() instanceof WorkloadRow w && w.userId().equals(FoldDesk.ANNA)).query();

        robot.drag(cell).dropTo(anna);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fold.book().find(first).orElseThrow().assignee()).isEqualTo(FoldDesk.ANNA);
        assertThat(fold.sent()).hasSize(1);
        assertThat(fold.sent().getFirst().content().get("cases")).extracting(n -> n.asText()).containsExactly(first);
        assertThat(robot.lookup("#leadResult").queryLabeled().getText())
                .isEqualTo("Ein Vorgang an Anna Arbeit zugewiesen.");
    }
}
