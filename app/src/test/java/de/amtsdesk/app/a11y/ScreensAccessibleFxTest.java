package de.amtsdesk.app.a11y;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.unlock.UnlockViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Every screen of the window through {@link SceneAudit}, in both languages, and by keyboard. */
@ExtendWith(ApplicationExtension.class)
class ScreensAccessibleFxTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new javafx.scene.layout.Pane(), 1100, 720));
        stage.getScene().getStylesheets().add(getClass().getResource("/de/amtsdesk/app/amtsdesk.css").toExternalForm());
        stage.show();
    }

    private Parent show(FxRobot robot, Supplier<Parent> screen) {
        List<Parent> holder = new ArrayList<>();
        robot.interact(() -> {
            Parent root = screen.get();
            stage.getScene().setRoot(root);
            stage.toFront();
            stage.requestFocus();
            holder.add(root);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return holder.get(0);
    }

    private Parent roomsWithConversationOpen(FxRobot robot, Locale locale) {
        Parent root = show(robot, () -> Screens.roomsAndConversation(locale,
                Screens.conversationWithFileAndFailedReply(), new ArrayList<>()));
        robot.interact(() -> ((ListView<?>) root.lookup("#roomList")).getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(root.lookup("#timeline")).as("the conversation is open").isNotNull();
        return root;
    }

    @Test
    void everyScreenPassesTheAuditInBothLanguages(FxRobot robot) {
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            for (UnlockViewModel.Mode mode : UnlockViewModel.Mode.values()) {
                Parent unlock = show(robot, () -> Screens.unlock(locale, mode));
                robot.interact(() -> SceneAudit.assertAccessible(unlock));
            }
            Parent login = show(robot, () -> Screens.login(locale));
            robot.interact(() -> SceneAudit.assertAccessible(login));
            Parent rooms = roomsWithConversationOpen(robot, locale);
            robot.interact(() -> SceneAudit.assertAccessible(rooms));
        }
    }

    @Test
    void aHomeserverAndAccountLockedByPolicyAreReadOnlyLabelledAndStillReachable(FxRobot robot) {
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            Parent login = show(robot, () -> Screens.login(locale, true));
            robot.interact(() -> SceneAudit.assertAccessible(login));
            javafx.scene.control.TextField field = (javafx.scene.control.TextField) login.lookup("#homeserverField");
            Label hint = (Label) login.lookup("#homeserverLockedLabel");
            assertThat(field.getText()).isEqualTo("https://matrix.amt.example");
            assertThat(field.isEditable()).isFalse();
            assertThat(field.isFocusTraversable()).isTrue();
            assertThat(hint.isVisible()).isTrue();
            assertThat(hint.getText()).isEqualTo(locale == Locale.GERMAN ? "Vom Administrator festgelegt"
                    : "Set by your administrator");
            assertThat(field.getAccessibleHelp()).isEqualTo(hint.getText());
            javafx.scene.control.TextField user = (javafx.scene.control.TextField) login.lookup("#userField");
            Label userHint = (Label) login.lookup("#userLockedLabel");
            assertThat(user.getText()).isEqualTo("@buergerbuero:amt.example");
            assertThat(user.isEditable()).isFalse();
            assertThat(user.isFocusTraversable()).isTrue();
            assertThat(userHint.isVisible()).isTrue();
            assertThat(userHint.getText()).isEqualTo(locale == Locale.GERMAN
                    ? "Dienststellenkonto vom Administrator festgelegt" : "Unit account set by your administrator");
            assertThat(user.getAccessibleHelp()).isEqualTo(userHint.getText());
            assertThat(SceneAudit.nodes(login).stream().filter(Label.class::isInstance).map(Label.class::cast)
                    .filter(Label::isMnemonicParsing)).hasSize(3)
                    .allSatisfy(l -> assertThat(l.getLabelFor()).isNotNull());
        }
        Parent open = show(robot, () -> Screens.login(Locale.GERMAN));
        assertThat(open.lookup("#homeserverLockedLabel").isVisible()).isFalse();
        assertThat(open.lookup("#userLockedLabel").isVisible()).isFalse();
        assertThat(((javafx.scene.control.TextField) open.lookup("#userField")).isEditable()).isTrue();
        assertThat(((javafx.scene.control.TextField) open.lookup("#homeserverField")).isEditable()).isTrue();
        SceneAudit.assertKeyboardCycle(robot, show(robot, () -> Screens.login(Locale.GERMAN, true)));
    }

    @Test
    void everyMnemonicLabelPointsAtItsField(FxRobot robot) {
        Parent login = show(robot, () -> Screens.login(Locale.GERMAN));
        List<Label> labels = SceneAudit.nodes(login).stream().filter(Label.class::isInstance).map(Label.class::cast)
                .filter(l -> l.isMnemonicParsing()).toList();
        assertThat(labels).hasSize(3).allSatisfy(label -> assertThat(label.getLabelFor()).isNotNull());
        assertThat(labels.get(2).getLabelFor().getId()).isEqualTo("passwordField");
        Parent unlock = show(robot, () -> Screens.unlock(Locale.GERMAN, UnlockViewModel.Mode.CREATE));
        assertThat(SceneAudit.nodes(unlock).stream().filter(Label.class::isInstance).map(Label.class::cast)
                .filter(Label::isMnemonicParsing)).hasSize(2).allSatisfy(l -> assertThat(l.getLabelFor()).isNotNull());
        Parent rooms = roomsWithConversationOpen(robot, Locale.GERMAN);
        assertThat(((Label) rooms.lookup("#roomList").getParent().getChildrenUnmodifiable().get(0)).getLabelFor())
                .isSameAs(rooms.lookup("#roomList"));
    }

    @Test
    void theAuditFailsOnWhatItChecks(FxRobot robot) {
        // The checker must be able to fail: a label pointing nowhere, a nameless field, a duplicate mnemonic.
        robot.interact(() -> {
            javafx.scene.control.Label label = new javafx.scene.control.Label("_Name");
            label.setMnemonicParsing(true);
            javafx.scene.control.TextField nameless = new javafx.scene.control.TextField();
            javafx.scene.control.Button button = new javafx.scene.control.Button("_Nochmal");
            javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(label, nameless, button);
            assertThat(SceneAudit.problems(box)).anySatisfy(p -> assertThat(p).startsWith("no accessible name: TextField"))
                    .anySatisfy(p -> assertThat(p).startsWith("label with mnemonic but labelFor null"))
                    .anySatisfy(p -> assertThat(p).startsWith("mnemonic Alt+N used 2 times"));
        });
    }

    @Test
    void theKeyboardReachesEverythingAndFocusIsVisible(FxRobot robot) {
        SceneAudit.assertKeyboardCycle(robot, show(robot, () -> Screens.unlock(Locale.GERMAN,
                UnlockViewModel.Mode.CREATE)));
        SceneAudit.assertKeyboardCycle(robot, show(robot, () -> Screens.login(Locale.GERMAN)));
        SceneAudit.assertKeyboardCycle(robot, roomsWithConversationOpen(robot, Locale.GERMAN));
    }

    @Test
    void theKeyboardCheckFindsATrapAndAnInvisibleFocus(FxRobot robot) {
        // A plain TextArea types a tab instead of moving on: the trap the composer had.
        Parent trap = show(robot, () -> {
            javafx.scene.control.TextArea area = new javafx.scene.control.TextArea();
            area.setAccessibleText("Antwort");
            return new javafx.scene.layout.VBox(area, new javafx.scene.control.Button("Senden"));
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SceneAudit.assertKeyboardCycle(robot, trap))
                .hasMessageStartingWith("focus trap: Tab does not leave TextArea");
        // A button styled the same focused and unfocused.
        Parent flat = show(robot, () -> {
            javafx.scene.control.Button first = new javafx.scene.control.Button("Eins");
            javafx.scene.control.Button second = new javafx.scene.control.Button("Zwei");
            for (javafx.scene.control.Button b : List.of(first, second)) {
                b.setStyle("-fx-background-color: #dddddd; -fx-background-insets: 0; -fx-text-fill: black;");
            }
            return new javafx.scene.layout.VBox(8, first, second);
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SceneAudit.assertKeyboardCycle(robot, flat))
                .hasMessageContaining("focus not visible on Button \"Eins\"");
    }

    @Test
    void theHighContrastSheetLoadsOverTheBase(FxRobot robot) {
        Parent login = show(robot, () -> Screens.login(Locale.GERMAN));
        robot.interact(() -> stage.getScene().getStylesheets().add(
                getClass().getResource("/de/amtsdesk/app/amtsdesk-high-contrast.css").toExternalForm()));
        WaitForAsyncUtils.waitForFxEvents();
        Label title = (Label) login.lookup(".app-title");
        assertThat(title.getTextFill()).isEqualTo(javafx.scene.paint.Color.WHITE);
        robot.interact(() -> stage.getScene().getStylesheets().removeIf(s -> s.contains("high-contrast")));
    }
}
