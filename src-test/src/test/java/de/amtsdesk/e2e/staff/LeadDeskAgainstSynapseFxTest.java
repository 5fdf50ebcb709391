package de.amtsdesk.e2e.staff;

import static de.amtsdesk.e2e.staff.WindowDriver.shortcut;
import static de.amtsdesk.e2e.staff.WindowDriver.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.StableRobot;
import de.amtsdesk.app.lead.UnassignedRow;
import de.amtsdesk.app.Line;
import de.amtsdesk.app.lead.WorkloadRow;
import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.engine.AgencyEngine;
import de.amtsdesk.core.staff.StaffClient;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 9's lead desk through the real window against a real Synapse: a team lead (Tina, signed in through
 * {@code MainWindow} with the functional account and her personal account), a second lead and two caseworkers (Anna,
 * Ben) as real staff clients, the functional account's own workstation and the matrix-js-sdk citizen (one encrypted
 * conversation with a first message) — see {@link StaffUnit}.
 *
 * <p><b>How the 50 cases come about.</b> One case is the citizen's real conversation. The 50 for bulk assignment are
 * opened by Anna's staff client with 50 {@code created} staff events for 50 conversation IDs no citizen ever opened:
 * the lead desk, the fold and the assignment only ever see the staff log, so the event is exactly what a workstation's
 * {@code CaseOpener} sends for a real citizen room. Fifty real citizen rooms from the js-sdk citizen (create, invite,
 * the agency's join, a message each) would add a minute or more to a class that must stay short, and would test the
 * citizen side again, which {@code CaseworkerWorkspaceFxTest} and the agency tests already do.
 *
 * <p>One scenario, in the order a lead would work, sharing one unit and one window (signing in costs most of the
 * time): drag the citizen's case onto Anna; bulk-assign the 50 by keyboard to Ben; Anna is away, so she is handed
 * over to Ben in the window; Ben's workstation — a new device of the functional account that restores the key backup —
 * reads the citizen's message from before it existed.
 */
@ExtendWith({SynapseExtension.class, ApplicationExtension.class})
class LeadDeskAgainstSynapseFxTest {

    private static final String CITIZEN_TEXT = "Guten Tag, ich möchte Wohngeld beantragen. Mit freundlichen Grüßen, Erika";

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theLeadDragsBulkAssignsByKeyboardAndHandsOverToADeputyWhoReadsTheOldMessages(FxRobot robot,
            SynapseServer synapse) throws Exception {
        RegisteredUser tina = SynapseExtension.registerUser("tina");
        try (StaffUnit unit = StaffUnit.withWindowMember(synapse, "lead-window", tina, true)) {
            // The functional account backs up its room keys now: the deputy's workstation restores them later.
            String recoveryKey = unit.amt.setUpKeyBackup();

            WindowDriver.signInToWorkspace(robot, stage, synapse.baseUrl(), unit.amtUser, tina, unit.staffRoom);
            WindowDriver.acknowledgeBackupGuide(robot);
            // Nothing goes into the staff room before the window's device is in it (it could not read it otherwise).
            unit.await("the window's lead joined", c -> c.book().staffRoom().isMember(tina.userId()));
            String citizenCase = send(unit.lead, OutgoingStaffEvents.created(unit.citizenRoom, unit.citizenId(),
                    "Erika Mustermann"));
            unit.await("the citizen's case everywhere", c -> c.book().findByRoom(unit.citizenRoom).isPresent());
            citizenCase = unit.caseOn(unit.ben).id(); // the window's own CaseOpener may have been first

            // The lead desk: Ctrl+Shift+L.
            waitUntil(() -> robot.lookup("#leadButton").tryQuery().map(Node::isVisible).orElse(false),
                    "the lead desk's button (the window knows Tina is a lead)");
            shortcut(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
            waitUntil(() -> robot.lookup("#unassignedList").tryQuery().map(Node::isVisible).orElse(false),
                    "the lead desk after Ctrl+Shift+L");
            @SuppressWarnings("unchecked")
            ListView<UnassignedRow> unassigned = (ListView<UnassignedRow>) robot.lookup("#unassignedList").query();
            @SuppressWarnings("unchecked")
            TableView<Line<WorkloadRow>> workload = (TableView<Line<WorkloadRow>>) robot.lookup("#workloadTable").query();
            Label result = robot.lookup("#leadResult").queryAs(Label.class);

            // 1. Drag the citizen's case onto Anna's row in the workload table.
            String dragged = citizenCase;
            waitUntil(() -> unassigned.getItems().stream().anyMatch(r -> r.caseId().equals(dragged)),
                    "the citizen's case among the unassigned");
            waitUntil(() -> workload.getItems().stream().anyMatch(w -> w.row().userId().equals(unit.anna.userId())),
                    "Anna's row in the workload table");
            Node cell = StableRobot.settled(robot, r -> r.lookup("#unassignedList .list-cell")
                    .match(n -> n instanceof ListCell<?> c && c.getItem() instanceof UnassignedRow row
                            && row.caseId().equals(dragged)).query());
            robot.clickOn(cell);
            Node annaRow = StableRobot.settled(robot, r -> r.lookup("#workloadTable .table-row-cell")
                    .match(n -> n instanceof TableRow<?> row && row.getItem() instanceof Line<?> line
                            && line.row() instanceof WorkloadRow w
                            && w.userId().equals(unit.anna.userId())).query());
            robot.drag(cell).dropTo(annaRow);
            unit.await("the dragged case assigned to Anna", List.of(unit.ben),
                    c -> unit.anna.userId().equals(c.book().find(dragged).orElseThrow().assignee()));
            waitUntil(() -> result.getText().equals("One case assigned to anna."),
                    () -> "the drop's result line (says: '" + result.getText() + "')");

            // 2. Fifty unassigned cases, assigned by keyboard: Ctrl+A, Ctrl+Shift+A, type "ben", Enter.
            List<String> fifty = openFiftyCases(unit);
            waitUntil(() -> unassigned.getItems().stream().map(UnassignedRow::caseId).toList().containsAll(fifty),
                    () -> "the 50 cases on the lead desk (shown: " + unassigned.getItems().size() + ")");
            assertThat(unassigned.getItems()).as("only the 50 are unassigned").hasSize(50);
            robot.interact(unassigned::requestFocus);
            shortcut(robot, KeyCode.CONTROL, KeyCode.A);
            assertThat(unassigned.getSelectionModel().getSelectedItems()).hasSize(50);
            shortcut(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A);
            waitUntil(() -> robot.lookup("#assigneeQuery").tryQuery().isPresent(), "the assignee picker");
            StableRobot.type(robot, "#assigneeQuery", "ben");
            @SuppressWarnings("unchecked")
            ListView<?> choices = (ListView<?>) robot.lookup("#assigneeChoices").query();
            waitUntil(() -> choices.getItems().size() == 1, () -> "only Ben left in the picker (" + choices.getItems()
                    + ")");
            robot.type(KeyCode.ENTER);
            waitUntil(() -> result.getText().equals("50 cases assigned to ben."),
                    () -> "the result line (says: '" + result.getText() + "')");
            // The verdict can be read (once a second) before the desk's background projection has brought the list
            // up to date: the rows leave the list right after.
            waitUntil(() -> unassigned.getItems().stream().map(UnassignedRow::caseId).noneMatch(fifty::contains),
                    () -> "the 50 left the unassigned list (still shown: " + unassigned.getItems().size() + ")");
            // Independent folds: Anna's, Ben's and the other lead's workstations have all 50 with Ben.
            unit.await("all 50 with Ben", c -> fifty.stream()
                    .allMatch(id -> unit.ben.userId().equals(c.book().find(id).orElseThrow().assignee())));
            assertThat(unit.ben.book().cases().stream().filter(c -> c.isAssignedTo(unit.ben.userId())).count())
                    .isEqualTo(50);

            // 3. Anna is away: the lead hands her open cases over to Ben in the window.
            Node annaAgain = StableRobot.settled(robot, r -> r.lookup("#workloadTable .table-row-cell")
                    .match(n -> n instanceof TableRow<?> row && row.getItem() instanceof Line<?> line
                            && line.row() instanceof WorkloadRow w
                            && w.userId().equals(unit.anna.userId())).query());
            robot.clickOn(annaAgain);
            assertThat(workload.getSelectionModel().getSelectedItem().row().userId()).isEqualTo(unit.anna.userId());
            shortcut(robot, KeyCode.ALT, KeyCode.H); // "_Hand over …"
            waitUntil(() -> robot.lookup("#memberDeputy").tryQuery().isPresent(), "the handover dialog");
            @SuppressWarnings("unchecked")
            ComboBox<Object> deputy = (ComboBox<Object>) robot.lookup("#memberDeputy").query();
            robot.clickOn(deputy); // headless Monocle gives a new dialog the keyboard only after a click into it
            Node benChoice = StableRobot.settled(robot, r -> r.lookup(".combo-box-popup .list-cell")
                    .match(n -> n instanceof ListCell<?> c && c.getItem() != null
                            && c.getItem().toString().contains(unit.ben.userId())).query());
            robot.clickOn(benChoice);
            waitUntil(() -> deputy.getValue() != null && deputy.getValue().toString().contains(unit.ben.userId()),
                    () -> "Ben chosen as deputy (" + deputy.getValue() + ")");
            robot.type(KeyCode.ENTER); // "Hand over" is the dialog's default button
            waitUntil(() -> robot.lookup(".dialog-pane .content").tryQuery().map(n -> n instanceof Label l
                    && l.getText().startsWith("One open case of anna goes to ben")).orElse(false),
                    "the question naming the one case that moves");
            Button confirm = StableRobot.settled(robot, r -> r.lookup(".dialog-pane .button")
                    .match(n -> n instanceof Button b && b.getText().equals("Hand over")).queryButton());
            robot.clickOn(confirm);
            waitUntil(() -> result.getText().equals("anna is absent; the open cases are now with ben."),
                    () -> "the handover's result line (says: '" + result.getText() + "')");
            unit.await("the handover everywhere", List.of(unit.anna, unit.ben), c -> c.book().roster()
                    .member(unit.anna.userId()).absent() && unit.ben.userId().equals(c.book().find(dragged)
                    .orElseThrow().assignee()));
            waitUntil(() -> workload.getItems().stream().anyMatch(w -> w.row().userId().equals(unit.anna.userId())
                    && w.row().absent() && w.row().open() == 0), "Anna's row: absent, nothing open");

            // 4. Ben's workstation, a device of the functional account that did not exist when Erika wrote, restores
            // the key backup and reads her message; his staff client has the case as his.
            AgencyEngine bensDesk = unit.newAgencyDevice("ben-desk");
            assertThat(bensDesk.restoreKeyBackup(recoveryKey)).as("keys restored").isPositive();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!StaffUnit.readableBodies(bensDesk, unit.citizenRoom).contains(CITIZEN_TEXT)) {
                assertThat(Instant.now()).as("Erika's first message readable on Ben's new workstation (has %s)",
                        StaffUnit.readableBodies(bensDesk, unit.citizenRoom)).isBefore(deadline);
                bensDesk.syncOnce(Duration.ofMillis(500));
            }
            Case handedOver = unit.ben.book().findByRoom(unit.citizenRoom).orElseThrow();
            assertThat(handedOver.assignee()).isEqualTo(unit.ben.userId());
        }
    }

    /** Anna's staff client opens 50 cases (see the class comment); returns their IDs once everyone has them. */
    private static List<String> openFiftyCases(StaffUnit unit) throws Exception {
        List<String> txns = new ArrayList<>();
        String server = unit.staffRoom.substring(unit.staffRoom.indexOf(':') + 1);
        for (int i = 0; i < 50; i++) {
            txns.add(unit.anna.send(OutgoingStaffEvents.created("!bulk-" + i + "-" + System.nanoTime() + ":" + server,
                    "@buerger-" + i + ":" + server, "Bürger " + i)));
        }
        unit.anna.flush();
        List<String> ids = new ArrayList<>();
        for (String txn : txns) {
            ids.add(unit.anna.eventIdOf(txn).orElseThrow(() -> new AssertionError("a created event was not sent")));
        }
        unit.await("the 50 cases everywhere", c -> ids.stream().allMatch(id -> c.book().find(id).isPresent()));
        return ids;
    }

    private static String send(StaffClient from, OutgoingStaffEvents.Outgoing change) throws Exception {
        return StaffUnit.send(from, change);
    }
}
