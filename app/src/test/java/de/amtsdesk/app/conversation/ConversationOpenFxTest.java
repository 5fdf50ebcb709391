package de.amtsdesk.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.ViewLoader;
import de.amtsdesk.app.a11y.SceneAudit;
import de.amtsdesk.app.a11y.Screens;
import de.amtsdesk.core.conversation.Attachment;
import de.amtsdesk.core.conversation.MessageTrust;
import de.amtsdesk.core.conversation.TimelineEntry;
import de.amtsdesk.core.i18n.Translations;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Open" on the keyboard: Ctrl+O on the focused row and in its context menu; a program from a citizen is named in a
 * warning whose default (Enter) is "cancel". The opener is a fake: nothing is started.
 */
@ExtendWith(ApplicationExtension.class)
class ConversationOpenFxTest {

    private static final String CITIZEN = "@erika:buerger.example";

    @TempDir
    static Path temp;

    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private Parent root;
    private ListView<TimelineRow> timeline;

    @Start
    void start(Stage stage) {
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(file("$pdf", "antrag.pdf"));
        entries.add(file("$exe", "tool.exe"));
        StubConversations engine = new StubConversations(entries, java.util.Map.of(CITIZEN, "Erika"));
        engine.attachmentContent = new byte[] {1, 2, 3};
        Translations text = Screens.text(Locale.GERMAN);
        ConversationViewModel vm = new ConversationViewModel(Screens.ROOM, "@amt:amt.example", engine, Runnable::run,
                Runnable::run, text, ZoneId.of("Europe/Berlin"),
                new ConversationViewModel.OpenWithSystem(new OpenedAttachments(temp), opened::add));
        root = new ViewLoader(text).load(ConversationView.class, () -> new ConversationView(vm));
        stage.setScene(new Scene(root, 800, 600));
        stage.show();
        @SuppressWarnings("unchecked")
        ListView<TimelineRow> found = (ListView<TimelineRow>) root.lookup("#timeline");
        timeline = found;
    }

    private static TimelineEntry file(String id, String name) {
        return new TimelineEntry(id, Screens.ROOM, CITIZEN, Instant.parse("2026-12-01T09:05:00Z"),
                TimelineEntry.Kind.FILE, "", new Attachment(name, "application/octet-stream", 3, "{}", null), null,
                null, null, null, MessageTrust.UNVERIFIED_IDENTITY);
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
    void ctrlOOpensADocumentAtOnceAndTheMenuNamesTheKey(FxRobot robot) {
        focusRow(robot, "$pdf");
        List<String> menu = new ArrayList<>();
        robot.interact(() -> {
            timeline.getContextMenu().getOnShowing().handle(null);
            timeline.getContextMenu().getItems().stream().map(i -> i.getText() + " "
                    + (i.getAccelerator() == null ? "" : i.getAccelerator().getName())).forEach(menu::add);
        });
        assertThat(menu).containsExactly("Speichern … Enter", "Öffnen … Shortcut+O");

        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).singleElement().satisfies(p -> assertThat(p.getFileName()).hasToString("antrag.pdf"));
    }

    @Test
    void aProgramIsNamedFirstAndCancelIsTheDefault(FxRobot robot) throws Exception {
        focusRow(robot, "$exe");
        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getContentText()).contains("„tool.exe“").contains(".exe");
        Button cancel = button(pane, ButtonBar.ButtonData.CANCEL_CLOSE);
        Button openAnyway = button(pane, ButtonBar.ButtonData.OK_DONE);
        assertThat(cancel.isDefaultButton()).isTrue();
        assertThat(openAnyway.isDefaultButton()).isFalse();
        assertThat(openAnyway.getText()).isEqualTo("Trotzdem öffnen");
        robot.interact(() -> SceneAudit.assertAccessible(pane));

        robot.interact(cancel::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).as("cancelled").isEmpty();

        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane again = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.interact(() -> button(again, ButtonBar.ButtonData.OK_DONE).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).singleElement().satisfies(p -> assertThat(p.getFileName()).hasToString("tool.exe"));
    }

    @Test
    void theRowsOpenButtonIsForTheMouseOnly() {
        List<Node> chain = SceneAudit.focusChain(root);
        assertThat(chain).extracting(Node::getId).doesNotContain("openAttachment");
        assertThat(root.lookupAll("#openAttachment")).isNotEmpty().allSatisfy(n -> assertThat(((Button) n).getText())
                .isEqualTo("Öffnen …"));
    }

    private static Button button(DialogPane pane, ButtonBar.ButtonData data) {
        return pane.getButtonTypes().stream().filter(t -> t.getButtonData() == data)
                .map(t -> (Button) pane.lookupButton(t)).findFirst().orElseThrow();
    }
}
