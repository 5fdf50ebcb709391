package de.amtsdesk.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.ViewLoader;
import de.amtsdesk.app.a11y.SceneAudit;
import de.amtsdesk.app.a11y.Screens;
import de.amtsdesk.core.conversation.Poll;
import de.amtsdesk.core.conversation.PollDraft;
import de.amtsdesk.core.i18n.Translations;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The conversation without a mouse: row actions on keys and in the context menu, Tab out of the composer, polls. */
@ExtendWith(ApplicationExtension.class)
class ConversationKeyboardFxTest {

    private final StubConversations engine = Screens.conversationWithFileAndFailedReply();
    private final List<ConversationView> views = new ArrayList<>();
    private Parent root;
    private ListView<TimelineRow> timeline;

    @Start
    void start(Stage stage) {
        Translations text = Screens.text(Locale.GERMAN);
        ConversationViewModel vm = new ConversationViewModel(Screens.ROOM, "@amt:amt.example", engine, Runnable::run,
                Runnable::run, text, ZoneId.of("Europe/Berlin"));
        root = new ViewLoader(text).load(ConversationView.class, () -> {
            ConversationView view = new ConversationView(vm);
            views.add(view);
            return view;
        });
        stage.setScene(new Scene(root, 800, 600));
        stage.getScene().getStylesheets().add(getClass().getResource("/de/amtsdesk/app/amtsdesk.css").toExternalForm());
        stage.show();
        @SuppressWarnings("unchecked")
        ListView<TimelineRow> found = (ListView<TimelineRow>) root.lookup("#timeline");
        timeline = found;
    }

    private void focusRow(FxRobot robot, String id) {
        robot.interact(() -> {
            timeline.requestFocus();
            int index = 0;
            while (!timeline.getItems().get(index).id().equals(id)) {
                index++;
            }
            timeline.getSelectionModel().select(index);
            timeline.getFocusModel().focus(index);
        });
    }

    @Test
    void ctrlRSendsTheFocusedFailedMessageAgainAndTheMenuOffersTheRowsActions(FxRobot robot) {
        focusRow(robot, "$file");
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(engine.retried).as("a received file cannot be retried").isEmpty();
        List<String> fileMenu = menuTexts(robot);
        assertThat(fileMenu).containsExactly("Speichern …");

        focusRow(robot, "txn1");
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(engine.retried).containsExactly("txn1");
        assertThat(menuTexts(robot)).containsExactly("Erneut senden", "Verwerfen / bearbeiten");
        assertThat(timeline.getFocusModel().getFocusedItem().id()).as("the row keeps the keyboard after a refresh")
                .isEqualTo("txn1");
    }

    private List<String> menuTexts(FxRobot robot) {
        List<String> texts = new ArrayList<>();
        robot.interact(() -> {
            timeline.getContextMenu().getOnShowing().handle(null);
            timeline.getContextMenu().getItems().stream().map(MenuItem::getText).forEach(texts::add);
        });
        return texts;
    }

    @Test
    void theRowButtonsAreNotTabStops() {
        List<Node> chain = SceneAudit.focusChain(root);
        assertThat(chain).extracting(Node::getId).containsExactly("olderButton", "timeline", "draftField",
                "attachButton", "pollButton");
    }

    @Test
    void tabLeavesTheComposerAndCtrlEnterStillSends(FxRobot robot) {
        TextArea draft = (TextArea) root.lookup("#draftField");
        robot.interact(draft::requestFocus);
        robot.write("Guten Tag");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(draft.getText()).isEqualTo("Guten Tag");
        assertThat(draft.isFocused()).isFalse();
        assertThat(root.getScene().getFocusOwner().getId()).isEqualTo("sendButton");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(draft.isFocused()).isTrue();
    }

    @Test
    void thePollComposerStartsInTheQuestionAndSendWaitsForAValidPoll(FxRobot robot) {
        List<Dialog<PollDraft>> holder = new ArrayList<>();
        robot.interact(() -> {
            Dialog<PollDraft> dialog = views.get(0).pollDialog();
            holder.add(dialog);
            dialog.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Dialog<PollDraft> dialog = holder.get(0);
        DialogPane pane = dialog.getDialogPane();
        TextField question = (TextField) pane.lookup("#pollQuestion");
        Button send = sendButton(dialog);
        assertThat(question.isFocused()).isTrue();
        assertThat(send.isDisabled()).isTrue();
        assertThat(send.getText()).isEqualTo("Umfrage senden");
        assertThat(((Label) pane.lookup("#pollProblems")).getText()).startsWith("Die Frage fehlt.");
        // Key presses (robot.write would type into the main window, not the dialog).
        robot.type(KeyCode.W, KeyCode.A, KeyCode.N, KeyCode.N, KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.isShowing()).as("a space types, it does not submit").isTrue();
        assertThat(question.getText()).isEqualTo("wann ");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.getScene().getFocusOwner().getId()).as("Tab goes on to the first option")
                .isEqualTo("pollOption1");
        robot.type(KeyCode.M, KeyCode.O);
        robot.interact(() -> ((TextField) pane.lookup("#pollOption2")).setText("Di"));
        assertThat(send.isDisabled()).isFalse();
        assertThat(((TextArea) pane.lookup("#pollPreview")).getText()).startsWith("wann\n1. mo\n2. Di\n");
        robot.interact(() -> SceneAudit.assertAccessible(pane));
        assertThat(pane.getButtonTypes()).extracting(ButtonType::getText)
                .containsExactly("Umfrage senden", "Abbrechen");
        robot.interact(dialog::close);
    }

    @Test
    void theComposersOptionsAreAddedMovedAndRemovedByKeyboardAndTheFocusFollows(FxRobot robot) {
        List<Dialog<PollDraft>> holder = new ArrayList<>();
        robot.interact(() -> {
            Dialog<PollDraft> dialog = views.get(0).pollDialog();
            holder.add(dialog);
            dialog.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Dialog<PollDraft> dialog = holder.get(0);
        DialogPane pane = dialog.getDialogPane();
        robot.interact(() -> {
            ((TextField) pane.lookup("#pollQuestion")).setText("Welche Unterlagen fehlen?");
            ((TextField) pane.lookup("#pollOption1")).setText("Pass");
            ((TextField) pane.lookup("#pollOption2")).setText("Foto");
            pane.lookup("#pollAddOption").requestFocus();
        });
        // Alt+W is the add button's mnemonic; Space presses the focused button.
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.getScene().getFocusOwner().getId()).as("the new option has the focus").isEqualTo("pollOption3");
        robot.type(KeyCode.M, KeyCode.E, KeyCode.L, KeyCode.D, KeyCode.E);
        // Alt+Up moves the option and the focus with it.
        robot.press(KeyCode.ALT).type(KeyCode.UP).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((TextField) pane.lookup("#pollOption2")).getText()).isEqualTo("melde");
        assertThat(((TextField) pane.lookup("#pollOption3")).getText()).isEqualTo("Foto");
        assertThat(pane.getScene().getFocusOwner().getId()).isEqualTo("pollOption2");
        robot.interact(() -> ((Button) pane.lookup("#pollOptionRemove1")).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.getScene().getFocusOwner().getId()).isEqualTo("pollOption1");
        assertThat(((TextField) pane.lookup("#pollOption1")).getText()).isEqualTo("melde");
        assertThat(pane.lookup("#pollOption3")).isNull();
        assertThat(((Button) pane.lookup("#pollOptionRemove1")).isDisabled()).as("two options stay").isTrue();
        robot.interact(() -> {
            ((CheckBox) pane.lookup("#pollMultiple")).setSelected(true);
            ((CheckBox) pane.lookup("#pollDisclosed")).setSelected(false);
        });
        assertThat(pane.lookup("#pollMaxSelections").isDisabled()).isFalse();
        // The whole composer: named controls, no duplicate mnemonics, Tab through everything and back, no trap.
        robot.interact(() -> SceneAudit.assertAccessible(pane));
        SceneAudit.assertKeyboardCycle(robot, pane);
        Button send = sendButton(dialog);
        assertThat(send.isDisabled()).isFalse();
        robot.interact(send::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.getResult()).isEqualTo(new PollDraft("Welche Unterlagen fehlen?", List.of("melde", "Foto"),
                2, Poll.Kind.UNDISCLOSED));
    }

    private static Button sendButton(Dialog<PollDraft> dialog) {
        return (Button) dialog.getDialogPane().getButtonTypes().stream()
                .filter(t -> t.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE)
                .map(t -> dialog.getDialogPane().lookupButton(t)).findFirst().orElseThrow();
    }
}
