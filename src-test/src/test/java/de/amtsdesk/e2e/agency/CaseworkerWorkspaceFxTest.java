package de.amtsdesk.e2e.agency;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.AppOptions;
import de.amtsdesk.app.MainWindow;
import de.amtsdesk.app.Prefill;
import de.amtsdesk.app.StableRobot;
import de.amtsdesk.app.queue.QueueEntry;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.e2e.harness.UnitLead;
import de.amtsdesk.e2e.harness.CitizenClient;
import de.amtsdesk.e2e.harness.CitizenEvent;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The caseworker workspace end to end against a real Synapse, a real citizen (matrix-js-sdk) and a team lead with
 * a real staff client: sign-in of the agency account and the personal account, the queue, the case panel, templates,
 * the lock.
 */
@ExtendWith({SynapseExtension.class, ApplicationExtension.class})
class CaseworkerWorkspaceFxTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void openWindow(FxRobot robot) {
        openWindow(robot, Locale.ENGLISH);
    }

    private void openWindow(FxRobot robot, Locale locale) {
        Path dataDir;
        try {
            dataDir = java.nio.file.Files.createTempDirectory("amtsdesk-fx-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        robot.interact(() -> new MainWindow(stage, new AppOptions(Optional.empty(), Optional.empty(), dataDir,
                locale), Prefill.passphrase("test-passphrase-4711")).show());
        StableRobot.settled(robot, r -> r.clickOn("#unlockButton"));
        waitUntil(() -> robot.lookup("#homeserverField").tryQuery().isPresent(), "the login screen after unlocking");
    }

    private static void signIn(FxRobot robot, String homeserver, String user, String password) {
        StableRobot.type(robot, "#homeserverField", homeserver);
        StableRobot.type(robot, "#userField", user);
        StableRobot.type(robot, "#passwordField", password);
        String typed = robot.lookup("#passwordField").queryAs(javafx.scene.control.PasswordField.class).getText();
        assertThat(typed.length()).as("typed password length").isEqualTo(password.length());
        assertThat(typed).as("typed password").isEqualTo(password);
        robot.type(KeyCode.ENTER);
    }

    /** Signs the caseworker in with the personal account (the staff sign-in screen comes after the agency login). */
    private static void staffSignIn(FxRobot robot, RegisteredUser caseworker, String staffRoom) {
        waitUntil(() -> robot.lookup("#staffUserField").tryQuery().isPresent(), "the caseworker's sign-in");
        StableRobot.type(robot, "#staffUserField", caseworker.userId());
        StableRobot.type(robot, "#staffPasswordField", caseworker.password());
        StableRobot.type(robot, "#staffRoomField", staffRoom);
        robot.type(KeyCode.ENTER);
    }

    /**
     * Ctrl+1 (view "New"), waits for the citizen room's case (unread when {@code unread}), selects it and waits
     * for its conversation.
     */
    private static void openFromNewView(FxRobot robot, String roomId, boolean unread) throws Exception {
        waitUntil(() -> robot.lookup("#queueList").tryQuery().isPresent(), "the workspace");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        @SuppressWarnings("unchecked")
        ListView<QueueEntry> queue = (ListView<QueueEntry>) robot.lookup("#queueList").query();
        waitUntil(() -> queue.getItems().stream().anyMatch(e -> e instanceof QueueEntry.CaseRow row
                && row.roomId().equals(roomId) && (!unread || row.unread() == 1)),
                unread ? "the new case under New, unread" : "the new case under New");
        int index = indexOfCase(queue, roomId);
        robot.interact(() -> {
            queue.requestFocus();
            queue.getSelectionModel().select(index);
        });
        waitUntil(() -> robot.lookup("#timeline").tryQuery().isPresent(), "the conversation of the case");
    }

    private static int indexOfCase(ListView<QueueEntry> queue, String roomId) throws Exception {
        return WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            for (int i = 0; i < queue.getItems().size(); i++) {
                if (queue.getItems().get(i) instanceof QueueEntry.CaseRow row && row.roomId().equals(roomId)) {
                    return i;
                }
            }
            return -1;
        });
    }

    /**
     * Issue 8, tests 1 and 4: the citizen writes, the case appears under "New", the caseworker picks the type by
     * type-ahead, takes the case, answers with a template whose placeholders are filled, and the citizen receives
     * exactly the rendered text; a draft survives Ctrl+L and unlocking. Driven by keys wherever the app offers them.
     */
    @Test
    void newCaseIsTypedTakenAndAnsweredWithATemplateByKeyboard(FxRobot robot, SynapseServer synapse) throws Exception {
        RegisteredUser agency = SynapseExtension.registerUser("amt");
        RegisteredUser caseworker = SynapseExtension.registerUser("sam");
        RegisteredUser leadUser = SynapseExtension.registerUser("tina");
        RegisteredUser citizenAccount = synapse.registerUser(SynapseExtension.uniqueLocalpart("erika"), "pw-erika-1",
                "Erika Mustermann", false);
        Path root = java.nio.file.Files.createTempDirectory("amtsdesk-workspace-e2e");
        try (CitizenClient citizen = CitizenClient.start("erika-workspace");
                UnitLead lead = UnitLead.create(synapse, root.resolve("lead"), leadUser, "Wohngeldstelle",
                        List.of(caseworker.userId()))) {
            citizen.login(synapse, citizenAccount);
            openWindow(robot, Locale.GERMAN); // the unit's templates and the catalogue names are German here
            signIn(robot, synapse.baseUrl(), agency.localpart(), agency.password());
            staffSignIn(robot, caseworker, lead.staffRoom());
            lead.publishTemplatesOnceJoined(caseworker.userId(), Duration.ofSeconds(90));

            String roomId = citizen.createEncryptedRoom(List.of(agency.userId()), null, true);
            citizen.sendText(roomId, "Guten Tag, ich möchte Wohngeld beantragen.");

            openFromNewView(robot, roomId, true);

            // Case type by type-ahead: Ctrl+T, type, Enter.
            robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
            waitUntil(() -> robot.lookup("#typeQuery").tryQuery().isPresent(), "the case-type picker");
            // Headless Monocle does not hand the keyboard focus to a new dialog window by itself: click into it.
            StableRobot.type(robot, "#typeQuery", "wohngeld beantragen");
            javafx.scene.control.TextField typeQuery = robot.lookup("#typeQuery").queryAs(
                    javafx.scene.control.TextField.class);
            waitUntil(() -> typeQuery.getText().equals("wohngeld beantragen"), "the typed query");
            robot.type(KeyCode.ENTER);
            Label type = robot.lookup("#caseType").queryAs(Label.class);
            waitUntil(() -> type.getText().equals("Wohngeld beantragen"), () -> "the case type set through the staff"
                    + " room (picker window showing: " + (typeQuery.getScene() != null
                    && typeQuery.getScene().getWindow().isShowing()) + ", query '" + typeQuery.getText()
                    + "', type shown: '" + type.getText() + "', panel says: '"
                    + robot.lookup("#caseMessage").queryAs(Label.class).getText() + "')");

            // Take the case: Ctrl+Shift+U.
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.U).release(KeyCode.U, KeyCode.SHIFT, KeyCode.CONTROL);
            Label assignee = robot.lookup("#caseAssignee").queryAs(Label.class);
            waitUntil(() -> assignee.getText().contains("(Sie)"), "the case assigned to me");

            // Template by Ctrl+Space, placeholders filled from the case.
            robot.clickOn("#draftField");
            robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
            waitUntil(() -> robot.lookup("#templateChoices").tryQuery().isPresent(), "the template picker");
            StableRobot.type(robot, "#templateQuery", "Wohngeld");
            robot.type(KeyCode.ENTER);
            javafx.scene.control.TextArea draft = robot.lookup("#draftField").queryAs(javafx.scene.control.TextArea.class);
            waitUntil(() -> draft.getText().startsWith("Guten Tag Erika Mustermann,"), "the rendered template");
            String rendered = WaitForAsyncUtils.waitForAsyncFx(5000, (java.util.concurrent.Callable<String>) draft::getText);
            assertThat(rendered).contains("Wohngeldantrag (AMT-").doesNotContain("{");
            robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

            CitizenEvent reply = citizen.awaitEvent("the templated reply", e -> rendered.equals(e.body()),
                    Duration.ofSeconds(60));
            assertThat(reply.encrypted()).isTrue();
            assertThat(reply.sender()).isEqualTo(agency.userId());

            // Lock with a draft: Ctrl+L, unlock with the passphrase, the draft is back in the same case.
            robot.clickOn("#draftField");
            robot.write("Entwurf bleibt");
            robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
            waitUntil(() -> robot.lookup("#unlockButton").tryQuery().isPresent(), "the unlock screen after Ctrl+L");
            StableRobot.settled(robot, r -> r.clickOn("#unlockButton"));
            waitUntil(() -> robot.lookup("#queueList").tryQuery().isPresent(), "the workspace after unlocking");
            @SuppressWarnings("unchecked")
            ListView<QueueEntry> again = (ListView<QueueEntry>) robot.lookup("#queueList").query();
            waitUntil(() -> again.getItems().stream().anyMatch(e -> e instanceof QueueEntry.CaseRow row
                    && row.roomId().equals(roomId)), "the case after unlocking");
            int at = indexOfCase(again, roomId);
            robot.interact(() -> again.getSelectionModel().select(at));
            waitUntil(() -> robot.lookup("#draftField").tryQuery().map(n -> ((javafx.scene.control.TextArea) n)
                    .getText().equals("Entwurf bleibt")).orElse(false), "the draft kept across the lock");
        }
    }

    /**
     * Issue "composer: macros": the lead's macro "Unterlagen anfordern" run with Ctrl+M puts the filled-in request
     * into the draft (not sent), sets the case to waiting and tags it, through the staff room.
     */
    @Test
    void aMacroFillsTheDraftAndSetsStatusAndTag(FxRobot robot, SynapseServer synapse) throws Exception {
        RegisteredUser agency = SynapseExtension.registerUser("amt");
        RegisteredUser caseworker = SynapseExtension.registerUser("sam");
        RegisteredUser leadUser = SynapseExtension.registerUser("tina");
        RegisteredUser citizenAccount = synapse.registerUser(SynapseExtension.uniqueLocalpart("erika"), "pw-erika-1",
                "Erika Mustermann", false);
        Path root = java.nio.file.Files.createTempDirectory("amtsdesk-macro-e2e");
        try (CitizenClient citizen = CitizenClient.start("erika-macro");
                UnitLead lead = UnitLead.create(synapse, root.resolve("lead"), leadUser, "Wohngeldstelle",
                        List.of(caseworker.userId()))) {
            citizen.login(synapse, citizenAccount);
            openWindow(robot);
            signIn(robot, synapse.baseUrl(), agency.localpart(), agency.password());
            staffSignIn(robot, caseworker, lead.staffRoom());
            lead.publishTemplatesOnceJoined(caseworker.userId(), Duration.ofSeconds(90));

            String roomId = citizen.createEncryptedRoom(List.of(agency.userId()), null, true);
            citizen.sendText(roomId, "Guten Tag, ich möchte Wohngeld beantragen.");

            openFromNewView(robot, roomId, false);
            // The lead types the case (the type picker has its own test above); the caseworker's panel follows.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (lead.staff().book().findByRoom(roomId).isEmpty()) {
                assertThat(Instant.now()).as("the case reaches the lead").isBefore(deadline);
                lead.sync();
            }
            String caseId = lead.staff().book().findByRoom(roomId).orElseThrow().id();
            lead.staff().send(OutgoingStaffEvents.typed(caseId, "housing.wohngeld.apply"));
            lead.staff().flush();
            Label type = robot.lookup("#caseType").queryAs(Label.class);
            waitUntil(() -> type.getText().contains("Wohngeld") || type.getText().contains("housing"),
                    "the case type set through the staff room");
            assertThat(robot.lookup("#macroButton").tryQuery()).as("the Macro button in the composer").isPresent();

            robot.clickOn("#draftField");
            robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
            waitUntil(() -> robot.lookup("#macroChoices").tryQuery().isPresent(), "the macro picker");
            // Clicking the search field makes the dialog the robot's target window for the keys that follow.
            StableRobot.type(robot, "#macroQuery", "Unterlagen");
            Label summary = robot.lookup("#macroSummary").queryAs(Label.class);
            try {
                waitUntil(() -> summary.getText().contains("+unterlagen-angefordert"), "what the macro will do");
            } catch (AssertionError e) {
                String seen = WaitForAsyncUtils.waitForAsyncFx(5000, () -> "summary=" + summary.getText()
                        + " | query=" + robot.lookup("#macroQuery").tryQuery().map(n -> ((javafx.scene.control
                        .TextField) n).getText()).orElse("(gone)") + " | choices=" + robot.lookup("#macroChoices")
                        .tryQuery().map(n -> String.valueOf(((ListView<?>) n).getItems())).orElse("(gone)")
                        + " | draft=" + robot.lookup("#draftField").queryAs(javafx.scene.control.TextArea.class)
                        .getText());
                throw new AssertionError(e.getMessage() + ": " + seen, e);
            }
            robot.type(KeyCode.ENTER);

            javafx.scene.control.TextArea draft = robot.lookup("#draftField").queryAs(javafx.scene.control.TextArea.class);
            waitUntil(() -> draft.getText().startsWith("Guten Tag Erika Mustermann,"), "the rendered template");
            javafx.scene.layout.FlowPane tags = robot.lookup("#caseTags").queryAs(javafx.scene.layout.FlowPane.class);
            waitUntil(() -> tags.getChildren().stream().anyMatch(n -> n instanceof javafx.scene.control.Button b
                    && b.getText().startsWith("unterlagen-angefordert")), "the tag, through the staff room");
            // Everyone in the unit sees the change: the lead's own fold has the case waiting and tagged.
            deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!(lead.staff().book().find(caseId).orElseThrow().status() == CaseStatus.WAITING
                    && lead.staff().book().find(caseId).orElseThrow().tags().contains("unterlagen-angefordert"))) {
                assertThat(Instant.now()).as("the macro's changes reach the lead").isBefore(deadline);
                lead.sync();
            }
            // The reply is only in the draft: nothing but the citizen's own message is in the room.
            Thread.sleep(3000);
            assertThat(citizen.events()).noneMatch(e -> agency.userId().equals(e.sender()) && e.body() != null);
        }
    }

    /**
     * Issue 8, test 2, through the window: the poll composer is opened with the conversation's "Poll …" button, the
     * question and three options are typed and the poll sent with a click; the citizen (matrix-js-sdk) answers two
     * options; the conversation's poll line shows the tally and the case panel's audit trail the attributed reply.
     * {@code CaseworkerPollTest} checks the same path below the UI (the wire format the citizen's SDK parses).
     */
    @Test
    void aPollComposedInTheWindowIsAnsweredAndTalliedInTheConversationAndAudited(FxRobot robot, SynapseServer synapse)
            throws Exception {
        RegisteredUser agency = SynapseExtension.registerUser("amt");
        RegisteredUser caseworker = SynapseExtension.registerUser("sam");
        RegisteredUser leadUser = SynapseExtension.registerUser("tina");
        RegisteredUser citizenAccount = synapse.registerUser(SynapseExtension.uniqueLocalpart("erika"), "pw-erika-1",
                "Erika Mustermann", false);
        Path root = java.nio.file.Files.createTempDirectory("amtsdesk-poll-e2e");
        try (CitizenClient citizen = CitizenClient.start("erika-poll");
                UnitLead lead = UnitLead.create(synapse, root.resolve("lead"), leadUser, "Wohngeldstelle",
                        List.of(caseworker.userId()))) {
            citizen.login(synapse, citizenAccount);
            openWindow(robot);
            signIn(robot, synapse.baseUrl(), agency.localpart(), agency.password());
            staffSignIn(robot, caseworker, lead.staffRoom());

            String roomId = citizen.createEncryptedRoom(List.of(agency.userId()), null, true);
            citizen.sendText(roomId, "Which documents do you still need?");
            openFromNewView(robot, roomId, false);

            // The composer: opened by the button, filled by typing (each field clicked first: headless Monocle does
            // not give a new dialog the keyboard by itself), a third option added, two answers allowed.
            robot.clickOn("#pollButton");
            waitUntil(() -> robot.lookup("#pollQuestion").tryQuery().isPresent(), "the poll composer");
            StableRobot.type(robot, "#pollQuestion", "Which documents are missing?");
            StableRobot.type(robot, "#pollOption1", "ID card");
            StableRobot.type(robot, "#pollOption2", "Tenancy agreement");
            robot.clickOn("#pollAddOption");
            waitUntil(() -> robot.lookup("#pollOption3").tryQuery().isPresent(), "a third option");
            StableRobot.type(robot, "#pollOption3", "Proof of income");
            robot.clickOn("#pollMultiple");
            javafx.scene.control.TextArea preview = robot.lookup("#pollPreview").queryAs(
                    javafx.scene.control.TextArea.class);
            waitUntil(() -> preview.getText().contains("Proof of income"), "the preview with all three options");
            robot.clickOn("Send poll");
            waitUntil(() -> robot.lookup("#pollQuestion").tryQuery().isEmpty(), "the composer closed by sending");

            // The citizen receives it from the agency, encrypted, as composed, and answers two options.
            CitizenEvent started = citizen.awaitEvent("the poll", e -> e.isDecrypted()
                    && e.eventType().endsWith("poll.start"), Duration.ofSeconds(60));
            assertThat(started.sender()).isEqualTo(agency.userId());
            CitizenClient.ReceivedPoll poll = citizen.readPoll(roomId, started.eventId());
            assertThat(poll.encrypted()).isTrue();
            assertThat(poll.question()).isEqualTo("Which documents are missing?");
            assertThat(poll.answers()).extracting(CitizenClient.PollAnswer::text)
                    .containsExactly("ID card", "Tenancy agreement", "Proof of income");
            assertThat(poll.maxSelections()).isEqualTo(2);
            citizen.answerPoll(roomId, started.eventId(), List.of(poll.idOf("ID card"), poll.idOf("Proof of income")));

            // The tally on the poll's line in the conversation.
            @SuppressWarnings("unchecked")
            ListView<de.amtsdesk.app.conversation.TimelineRow> timeline =
                    (ListView<de.amtsdesk.app.conversation.TimelineRow>) robot.lookup("#timeline").query();
            String tally = "ID card: 1 · Tenancy agreement: 0 · Proof of income: 1";
            waitUntil(() -> timeline.getItems().stream().anyMatch(r -> r.id().equals(started.eventId())
                    && r.text().contains(tally)), () -> "the tally in the conversation (rows: "
                    + timeline.getItems().stream().map(de.amtsdesk.app.conversation.TimelineRow::text).toList() + ")");

            // The case panel's audit trail: a reply of kind poll, by this caseworker, naming the event.
            @SuppressWarnings("unchecked")
            ListView<de.amtsdesk.app.casepanel.CasePanelViewModel.AuditRow> audit =
                    (ListView<de.amtsdesk.app.casepanel.CasePanelViewModel.AuditRow>) robot.lookup("#caseAudit")
                            .query();
            waitUntil(() -> audit.getItems().stream().anyMatch(a -> a.text().startsWith("Reply sent")
                    && a.text().contains("reply.kind poll") && a.text().contains(started.eventId())),
                    () -> "the poll reply in the audit trail (rows: " + audit.getItems() + ")");
            var replied = audit.getItems().stream().filter(a -> a.text().startsWith("Reply sent")).toList();
            assertThat(replied).singleElement().satisfies(a -> {
                assertThat(a.rejected()).isFalse();
                assertThat(a.actor()).isNotBlank().doesNotContain(agency.localpart());
                assertThat(a.text()).doesNotContain("ID card"); // the trail holds a hash, not the poll's text
            });
        }
    }

    @Test
    void wrongPasswordIsExplainedOnTheLoginScreen(FxRobot robot, SynapseServer synapse) {
        RegisteredUser agency = SynapseExtension.registerUser("amt");
        openWindow(robot);
        signIn(robot, synapse.baseUrl(), agency.localpart(), agency.password() + "-wrong");

        Label error = StableRobot.settled(robot, r -> r.lookup("#errorLabel").queryAs(Label.class));
        waitUntil(() -> !error.getText().isEmpty(), "an error message");
        assertThat(error.getText()).isEqualTo("Wrong user name or password.");
        assertThat(robot.lookup("#queueList").tryQuery()).isEmpty();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition, String what) {
        waitUntil(condition, () -> what);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition,
            java.util.function.Supplier<String> what) {
        try {
            // A query can meet a node that is being detached while the screen changes: that just means "not yet".
            WaitForAsyncUtils.waitFor(45, TimeUnit.SECONDS, () -> {
                try {
                    return condition.call();
                } catch (RuntimeException e) {
                    return false;
                }
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what.get(), e);
        }
    }
}
