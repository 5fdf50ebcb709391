package de.amtsdesk.app.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.FailureMessages;
import de.amtsdesk.app.ViewLoader;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.matrix.RoomSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
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

/** The real room list: a sync batch keeps the selection and the keyboard position; a replaced conversation is disposed. */
@ExtendWith(ApplicationExtension.class)
class RoomListSelectionFxTest {

    private final List<String> opened = new ArrayList<>();
    private final List<String> disposed = new ArrayList<>();
    private RoomListViewModel viewModel;
    private ListView<RoomRow> list;

    private static RoomSummary room(String id, String name, String at, String preview) {
        return new RoomSummary(id, name, Instant.parse(at), true, RoomSummary.Membership.JOINED, preview);
    }

    @Start
    void start(Stage stage) {
        Translations text = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN, getClass().getClassLoader());
        viewModel = new RoomListViewModel("@amt:l", Runnable::run, text, new FailureMessages(text),
                ZoneId.of("Europe/Berlin"), reason -> { });
        viewModel.roomsChanged(List.of(room("!a:l", "Anna", "2026-11-29T09:05:00Z", "a1"),
                room("!b:l", "Bert", "2026-11-29T09:04:00Z", "b1"), room("!c:l", "Cem", "2026-11-29T09:03:00Z", "c1")));
        var root = new ViewLoader(text).load(RoomListView.class, () -> new RoomListView(viewModel, roomId -> {
            opened.add(roomId);
            return new OpenConversation(new Label(roomId), () -> disposed.add(roomId));
        }, null, text));
        stage.setScene(new Scene(root, 900, 600));
        stage.show();
        @SuppressWarnings("unchecked")
        ListView<RoomRow> found = (ListView<RoomRow>) root.lookup("#roomList");
        list = found;
    }

    private String selected() {
        RoomRow row = list.getSelectionModel().getSelectedItem();
        return row == null ? null : row.roomId();
    }

    @Test
    void theSelectedRowStaysSelectedAcrossBatchesEvenWhenItMoves(FxRobot robot) {
        robot.interact(() -> {
            list.requestFocus();
            list.getSelectionModel().select(0);
        });
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selected()).isEqualTo("!b:l");
        assertThat(opened).containsExactly("!a:l", "!b:l");
        assertThat(disposed).as("the first conversation was closed when the second opened").containsExactly("!a:l");

        // Bert changes in place, Cem goes, Dora comes.
        robot.interact(() -> viewModel.roomsChanged(List.of(room("!a:l", "Anna", "2026-11-29T09:05:00Z", "a1"),
                room("!b:l", "Bert", "2026-11-29T09:04:30Z", "b2"),
                room("!d:l", "Dora", "2026-11-29T09:01:00Z", "d1"))));
        assertThat(selected()).isEqualTo("!b:l");
        assertThat(list.getFocusModel().getFocusedItem().roomId()).isEqualTo("!b:l");

        // Dora gets a message and moves to the top: Bert moves down, stays selected and focused.
        robot.interact(() -> viewModel.roomsChanged(List.of(room("!d:l", "Dora", "2026-11-29T09:10:00Z", "d2"),
                room("!a:l", "Anna", "2026-11-29T09:05:00Z", "a1"),
                room("!b:l", "Bert", "2026-11-29T09:04:30Z", "b2"))));
        assertThat(selected()).isEqualTo("!b:l");
        assertThat(list.getSelectionModel().getSelectedIndex()).isEqualTo(2);
        assertThat(list.getFocusModel().getFocusedIndex()).isEqualTo(2);
        assertThat(opened).as("no conversation reopened by a batch").containsExactly("!a:l", "!b:l");
        assertThat(list.getItems().get(0).unread()).isEqualTo(1);

        // The keyboard goes on from where it was: one up is Anna.
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selected()).isEqualTo("!a:l");
    }
}
