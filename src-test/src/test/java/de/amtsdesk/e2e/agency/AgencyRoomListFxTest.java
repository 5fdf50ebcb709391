package de.amtsdesk.e2e.agency;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.AppOptions;
import de.amtsdesk.app.MainWindow;
import de.amtsdesk.app.Prefill;
import de.amtsdesk.app.StableRobot;
import de.amtsdesk.app.rooms.RoomRow;
import de.amtsdesk.e2e.harness.CitizenClient;
import de.amtsdesk.e2e.harness.CitizenEvent;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.nio.file.Path;
import java.time.Duration;
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
 * The walking skeleton end to end: a real citizen (matrix-js-sdk) opens an encrypted room with the agency on a real
 * Synapse; the agency signs in through the real login screen, its core client joins the room over /sync, and the
 * room appears in the list under the citizen's display name.
 */
@ExtendWith({SynapseExtension.class, ApplicationExtension.class})
class AgencyRoomListFxTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void openWindow(FxRobot robot) {
        Path dataDir;
        try {
            dataDir = java.nio.file.Files.createTempDirectory("amtsdesk-fx-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        robot.interact(() -> new MainWindow(stage, new AppOptions(Optional.empty(), Optional.empty(), dataDir,
                Locale.ENGLISH), Prefill.passphrase("test-passphrase-4711")).show());
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

    @Test
    void citizenRoomAppearsUnderTheCitizensNameAfterTheAgencyJoins(FxRobot robot, SynapseServer synapse) {
        RegisteredUser agency = SynapseExtension.registerUser("amt");
        RegisteredUser citizenAccount = synapse.registerUser(SynapseExtension.uniqueLocalpart("erika"), "pw-erika-1",
                "Erika Mustermann", false);

        try (CitizenClient citizen = CitizenClient.start("erika-roomlist")) {
            citizen.login(synapse, citizenAccount);
            String roomId = citizen.createEncryptedRoom(List.of(agency.userId()), null, true);
            citizen.sendText(roomId, "Guten Tag, ich möchte meinen Wohnsitz ummelden.");

            openWindow(robot);
            signIn(robot, synapse.baseUrl(), agency.localpart(), agency.password());

            waitUntil(() -> robot.lookup("#roomList").tryQuery().isPresent(), "the room list after signing in; "
                    + "login screen says: " + StableRobot.settled(robot, r -> r.lookup("#errorLabel").queryAs(Label.class)).getText());
            @SuppressWarnings("unchecked")
            ListView<RoomRow> list = (ListView<RoomRow>) robot.lookup("#roomList").query();
            waitUntil(() -> list.getItems().stream().anyMatch(r -> r.roomId().equals(roomId) && !r.invited()),
                    "room " + roomId + " joined and listed");

            // Read on the FX thread: the sync loop keeps replacing the list's items.
            RoomRow row = WaitForAsyncUtils.waitForAsyncFx(5000, () -> list.getItems().stream()
                    .filter(r -> r.roomId().equals(roomId)).findFirst().orElseThrow());
            assertThat(row.name()).isEqualTo("Erika Mustermann");
            assertThat(row.encrypted()).isTrue();
            assertThat(StableRobot.settled(robot, r -> r.lookup("#accountLabel").queryAs(Label.class)).getText()).isEqualTo(agency.userId());

            // The join really happened on the server: the citizen sees the agency's membership event.
            CitizenEvent join = citizen.awaitEvent("agency joined", e -> e.roomId().equals(roomId)
                    && e.eventType().equals("m.room.member") && agency.userId().equals(e.stateKey())
                    && "join".equals(e.content().path("membership").asText()), Duration.ofSeconds(30));
            assertThat(join.sender()).isEqualTo(agency.userId());
        }
    }

    @Test
    void caseworkerReadsTheDecryptedMessageAndRepliesFromTheConversationView(FxRobot robot, SynapseServer synapse) {
        RegisteredUser agency = SynapseExtension.registerUser("amt");
        RegisteredUser citizenAccount = synapse.registerUser(SynapseExtension.uniqueLocalpart("max"), "pw-max-1",
                "Max Müller", false);
        try (CitizenClient citizen = CitizenClient.start("max-conversation")) {
            citizen.login(synapse, citizenAccount);
            String roomId = citizen.createEncryptedRoom(List.of(agency.userId()), null, true);

            openWindow(robot);
            signIn(robot, synapse.baseUrl(), agency.localpart(), agency.password());
            waitUntil(() -> robot.lookup("#roomList").tryQuery().isPresent(), "the room list");
            @SuppressWarnings("unchecked")
            ListView<RoomRow> list = (ListView<RoomRow>) robot.lookup("#roomList").query();
            waitUntil(() -> list.getItems().stream().anyMatch(r -> r.roomId().equals(roomId) && !r.invited()),
                    "the joined room");
            citizen.sendText(roomId, "Ist mein Führerschein schon da?");
            waitUntil(() -> list.getItems().stream().anyMatch(r -> r.preview().equals("Ist mein Führerschein schon da?")),
                    "the decrypted preview in the room list");

            robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                    .filter(r -> r.roomId().equals(roomId)).findFirst().orElseThrow()));
            waitUntil(() -> robot.lookup("#timeline").tryQuery().isPresent(), "the conversation view");
            @SuppressWarnings("unchecked")
            ListView<de.amtsdesk.app.conversation.TimelineRow> timeline =
                    (ListView<de.amtsdesk.app.conversation.TimelineRow>) robot.lookup("#timeline").query();
            waitUntil(() -> timeline.getItems().stream().anyMatch(r -> r.text().equals("Ist mein Führerschein schon da?")),
                    "the citizen's decrypted message in the timeline");

            StableRobot.type(robot, "#draftField", "Ja, Sie können ihn ab Montag abholen.");
            StableRobot.settled(robot, r -> r.clickOn("#sendButton"));
            CitizenEvent reply = citizen.awaitEvent("the caseworker's reply",
                    e -> "Ja, Sie können ihn ab Montag abholen.".equals(e.body()), Duration.ofSeconds(60));
            assertThat(reply.encrypted()).isTrue();
            waitUntil(() -> timeline.getItems().stream().anyMatch(r -> r.own()
                    && r.text().equals("Ja, Sie können ihn ab Montag abholen.") && r.state().equals("sent")),
                    "the reply shown as sent");
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
        assertThat(robot.lookup("#roomList").tryQuery()).isEmpty();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition, String what) {
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
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }
}
