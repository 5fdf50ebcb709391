package de.amtsdesk.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.app.a11y.WorkspaceScreens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * When the next case's conversation cannot be opened (a damaged installation: its view does not load), the previous
 * case's conversation must not stay beside the next case's panel, where a reply would look meant for the wrong citizen.
 */
@ExtendWith(ApplicationExtension.class)
class ConversationSwitchFxTest {

    private WorkspaceView workspace;
    private StackPane conversationPane;

    @Start
    void start(Stage stage) {
        FoldDesk desk = WorkspaceScreens.unit();
        WorkspaceView.Pane<WorkspaceView> pane = WorkspaceScreens.workspace(Locale.GERMAN, desk, "Anna Arbeit",
                FoldDesk.ANNA, caseId -> {
                    if (caseId.equals("broken")) {
                        throw new UncheckedIOException("cannot load view ConversationView.fxml",
                                new IOException("ZipFile invalid LOC header"));
                    }
                    Label conversation = new Label("Unterhaltung " + caseId);
                    conversation.setId("conversation-" + caseId);
                    return conversation;
                });
        workspace = pane.controller();
        stage.setScene(new Scene(pane.root(), 1200, 760));
        stage.show();
        // Inside a split pane: found once its skin exists, i.e. after showing.
        conversationPane = (StackPane) pane.root().lookup("#conversationPane");
    }

    @Test
    void aConversationThatCannotOpenLeavesNoOtherCasesConversationShown(FxRobot robot) {
        robot.interact(() -> workspace.showConversation("first"));
        assertThat(conversationPane.getChildren()).extracting(node -> node.getId()).containsExactly("conversation-first");

        robot.interact(() -> assertThatThrownBy(() -> workspace.showConversation("broken"))
                .isInstanceOf(UncheckedIOException.class));

        assertThat(conversationPane.getChildren()).as("the first case's conversation is gone").isEmpty();
    }
}
