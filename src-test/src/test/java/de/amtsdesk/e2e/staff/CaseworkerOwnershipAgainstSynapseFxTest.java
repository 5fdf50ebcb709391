package de.amtsdesk.e2e.staff;

import static de.amtsdesk.e2e.staff.WindowDriver.shortcut;
import static de.amtsdesk.e2e.staff.WindowDriver.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.StableRobot;
import de.amtsdesk.app.casepanel.CasePanelViewModel;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.Rejection;
import de.amtsdesk.core.staff.presence.StaffPresence;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 9 at a caseworker's workstation through the real window against a real Synapse: Carla signs in through
 * {@code MainWindow} (functional account plus her personal account, as a caseworker); the lead and her colleague Ben
 * are real staff clients, the citizen is matrix-js-sdk ({@link StaffUnit}).
 *
 * <p>One window, one scenario: (1) Ben starts writing to the citizen of Carla's case — the window shows the hint above
 * the reply field within 2 s, and Carla's own reply asks first (Cancel is the default, nothing is sent); (2) the lead
 * gives the case to Ben — the window disables the status buttons and says whose case it is; (3) the lead gives it to
 * Ben again at the moment Carla changes the status, before her window has heard of it (the window's FX thread is held
 * while the lead's change goes out, so the panel still offers the status): the fold refuses her change
 * {@code NOT_THE_ASSIGNEE} on every workstation, the case's audit trail in the window shows the refusal, and the panel
 * says so.
 */
@ExtendWith({SynapseExtension.class, ApplicationExtension.class})
class CaseworkerOwnershipAgainstSynapseFxTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theCollisionHintAppearsAndAColleaguesCaseIsRefusedInTheWindowAndAudited(FxRobot robot,
            SynapseServer synapse) throws Exception {
        RegisteredUser carla = SynapseExtension.registerUser("carla");
        try (StaffUnit unit = StaffUnit.withWindowMember(synapse, "caseworker-window", carla, false)) {
            WindowDriver.signInToWorkspace(robot, stage, synapse.baseUrl(), unit.amtUser, carla, unit.staffRoom);
            unit.await("Carla joined", c -> c.book().staffRoom().isMember(carla.userId()));
            assertThat(robot.lookup("#leadButton").tryQuery().map(Node::isVisible).orElse(false))
                    .as("no lead desk for a caseworker").isFalse();
            StaffUnit.send(unit.lead, OutgoingStaffEvents.created(unit.citizenRoom, unit.citizenId(),
                    "Erika Mustermann"));
            unit.await("the citizen's case everywhere", c -> c.book().findByRoom(unit.citizenRoom).isPresent());
            String caseId = unit.caseOn(unit.lead).id();
            StaffUnit.send(unit.lead, OutgoingStaffEvents.typed(caseId, "housing.wohngeld.apply"));
            StaffUnit.send(unit.lead, OutgoingStaffEvents.assign(caseId, carla.userId()));
            unit.await("the case typed and Carla's", c -> c.book().find(caseId).orElseThrow().isTyped()
                    && c.book().find(caseId).orElseThrow().isAssignedTo(carla.userId()));

            WindowDriver.openCase(robot, unit.citizenRoom);
            Label assignee = robot.lookup("#caseAssignee").queryAs(Label.class);
            FlowPane statusButtons = robot.lookup("#statusButtons").queryAs(FlowPane.class);
            waitUntil(() -> assignee.getText().contains("(you)") && !statusButtons.isDisabled()
                    && !statusButtons.getChildren().isEmpty(), () -> "the case as Carla's (assignee: '"
                    + assignee.getText() + "')");

            // 1. Ben writes to the same citizen: the hint above Carla's reply field within 2 s.
            Label hint = robot.lookup("#presenceHint").queryAs(Label.class);
            assertThat(hint.isVisible()).isFalse();
            unit.ben.announce(caseId, StaffPresence.Activity.WRITING);
            unit.ben.flush();
            long sent = System.nanoTime();
            waitUntil(() -> hint.isVisible() && hint.getText().contains("ben"), () -> "the collision hint (says: '"
                    + hint.getText() + "')", 20);
            long millis = (System.nanoTime() - sent) / 1_000_000;
            System.out.println("collision hint shown in the window " + millis + " ms after Ben's signal");
            assertThat(hint.getText()).isEqualTo("ben is writing a reply to this citizen right now.");
            assertThat(millis).as("hint after %d ms", millis).isLessThan(2_000);

            String reply = "Ich melde mich heute.";
            StableRobot.type(robot, "#draftField", reply);
            shortcut(robot, KeyCode.CONTROL, KeyCode.ENTER);
            waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent(), "the question before sending");
            Label question = robot.lookup(".dialog-pane .content").queryAs(Label.class);
            assertThat(question.getText()).isEqualTo("ben is also writing a reply to this citizen right now."
                    + " Send anyway?");
            Button cancel = robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b
                    && b.getText().equals("Cancel")).queryButton();
            assertThat(cancel.isDefaultButton()).as("Cancel is the default").isTrue();
            robot.clickOn(question); // the dialog takes the keyboard (headless Monocle does not hand it over)
            robot.type(KeyCode.ENTER);
            waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty(), "the question closed by Enter");
            TextArea draft = robot.lookup("#draftField").queryAs(TextArea.class);
            assertThat(draft.getText()).as("the reply stays in the draft").isEqualTo(reply);
            Thread.sleep(3000);
            assertThat(unit.citizen.events()).as("nothing sent to the citizen")
                    .noneMatch(e -> reply.equals(e.body()));

            // 2. The lead gives the case to Ben: the status is not Carla's to change any more, and the panel says why.
            StaffUnit.send(unit.lead, OutgoingStaffEvents.assign(caseId, unit.ben.userId()));
            Label reason = robot.lookup("#statusReason").queryAs(Label.class);
            waitUntil(() -> statusButtons.isDisabled() && reason.isVisible(), "the status buttons disabled");
            assertThat(reason.getText()).isEqualTo("Only ben (the assignee) or a team lead changes the status."
                    + " You can write an internal note or take the case over.");

            // 3. Back to Carla; then the lead moves it to Ben while Carla changes the status (her window has not
            // heard of it yet): the change goes out, the fold refuses it everywhere, and it is audited.
            StaffUnit.send(unit.lead, OutgoingStaffEvents.assign(caseId, carla.userId()));
            waitUntil(() -> !statusButtons.isDisabled() && assignee.getText().contains("(you)"),
                    "the case Carla's again");
            Button change = (Button) statusButtons.getChildren().getFirst();
            robot.interact(() -> {
                try {
                    StaffUnit.send(unit.lead, OutgoingStaffEvents.assign(caseId, unit.ben.userId()));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                assertThat(statusButtons.isDisabled()).as("the window has not heard of it yet").isFalse();
                change.fire();
            });
            java.util.function.Predicate<de.amtsdesk.core.staff.StaffClient> refused = c -> c.audit().all().stream()
                    .anyMatch(e -> carla.userId().equals(e.actor()) && e.outcome() == AuditEntry.Outcome.REJECTED
                            && e.rejection() == Rejection.NOT_THE_ASSIGNEE);
            unit.await("Carla's status change refused by the lead's and Anna's clients",
                    List.of(unit.lead, unit.anna), refused);
            // Ben too, strictly: his staff log used to wait at one of Carla's events in some runs
            // (UNKNOWN_MESSAGE_INDEX, a room key re-shared at a later index in the same sync replaced the first one;
            // fixed in crypto-native's sync.rs, OlmConversationTest shows it without a server).
            unit.await("Carla's status change refused by Ben's client too", List.of(unit.ben), refused);
            assertThat(unit.ben.fold().blocked()).as("Ben's staff log waits at no event").isEmpty();
            assertThat(unit.lead.book().find(caseId).orElseThrow().assignee()).isEqualTo(unit.ben.userId());
            @SuppressWarnings("unchecked")
            ListView<CasePanelViewModel.AuditRow> audit = (ListView<CasePanelViewModel.AuditRow>) robot
                    .lookup("#caseAudit").query();
            waitUntil(() -> audit.getItems().stream().anyMatch(a -> a.rejected() && a.actor().equals("carla")),
                    () -> "the refusal in the window's audit trail (rows: " + audit.getItems() + ")");
            waitUntil(() -> statusButtons.isDisabled() && reason.isVisible(), "the status buttons disabled again");
            Label message = robot.lookup("#caseMessage").queryAs(Label.class);
            waitUntil(() -> message.getText().startsWith("Refused: "), () -> "the panel saying the change was refused"
                    + " (says: '" + message.getText() + "')");
        }
    }
}
