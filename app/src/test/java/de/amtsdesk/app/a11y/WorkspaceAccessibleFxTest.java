package de.amtsdesk.app.a11y;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.workspace.FoldDesk;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The caseworker workspace, its panes and its dialogs' content through {@link SceneAudit}, in both languages. */
@ExtendWith(ApplicationExtension.class)
class WorkspaceAccessibleFxTest {

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

    private void audit(FxRobot robot, Supplier<Parent> screen) {
        Parent root = show(robot, screen);
        robot.interact(() -> SceneAudit.assertAccessible(root));
    }

    @Test
    void everyWorkspaceScreenPassesTheAuditInBothLanguages(FxRobot robot) {
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            FoldDesk desk = WorkspaceScreens.unit();
            audit(robot, () -> WorkspaceScreens.workspace(locale, desk));
            audit(robot, () -> WorkspaceScreens.queue(locale, desk, id -> { }).root());
            audit(robot, () -> WorkspaceScreens.casePanel(locale, desk).root());
            audit(robot, () -> WorkspaceScreens.staffSignIn(locale));
            audit(robot, () -> WorkspaceScreens.typePicker(locale));
            audit(robot, () -> WorkspaceScreens.templatePicker(locale, desk));
            FoldDesk lead = LeadScreens.unit();
            audit(robot, () -> LeadScreens.leadDesk(locale, lead));
            audit(robot, () -> LeadScreens.assigneePicker(locale, lead));
            audit(robot, () -> LeadScreens.memberSettings(locale, lead));
            audit(robot, () -> de.amtsdesk.app.lead.UnitTextsDialog.content(Screens.text(locale),
                    new de.amtsdesk.app.lead.TemplateEditorViewModel(lead, Screens.text(locale), (c, s) -> { },
                            Runnable::run),
                    new de.amtsdesk.app.lead.MacroEditorViewModel(lead, Screens.text(locale), (c, s) -> { },
                            Runnable::run)));
            audit(robot, () -> de.amtsdesk.app.lead.LetterheadDialog.content(Screens.text(locale),
                    new de.amtsdesk.app.lead.LetterheadViewModel(lead, Screens.text(locale), (c, s) -> { })));
        }
    }

    /** The admin policy switched notices off: the case panel offers no notice action, and Ctrl+Shift+B opens none. */
    @Test
    void noticesSwitchedOffByPolicyAreNotOffered(FxRobot robot) {
        FoldDesk desk = WorkspaceScreens.unit();
        var vm = WorkspaceScreens.casePanelViewModel(Locale.GERMAN, desk);
        var view = new de.amtsdesk.app.casepanel.CasePanelView(vm, Screens.text(Locale.GERMAN));
        Parent root = show(robot, () -> {
            Parent loaded = new de.amtsdesk.app.ViewLoader(Screens.text(Locale.GERMAN))
                    .load(de.amtsdesk.app.casepanel.CasePanelView.class, () -> view);
            vm.show(WorkspaceScreens.typedCase(desk));
            return loaded;
        });
        List<String> opened = new ArrayList<>();
        robot.interact(() -> {
            view.onNotice(opened::add);
            assertThat(root.lookup("#openNotice").isVisible()).isTrue();
            view.openNotice();
            assertThat(opened).hasSize(1);
            vm.allowNotices(false);
            assertThat(root.lookup("#openNotice").isVisible()).isFalse();
            assertThat(root.lookup("#openNotice").isManaged()).isFalse();
            view.openNotice();
            assertThat(opened).hasSize(1);
        });
    }

    @Test
    void theLeadDeskIsFilledAndTheKeyboardReachesEverythingInIt(FxRobot robot) {
        Parent root = show(robot, () -> LeadScreens.leadDesk(Locale.GERMAN, LeadScreens.unit()));
        robot.interact(() -> {
            assertThat(((ListView<?>) root.lookup("#unassignedList")).getItems()).hasSize(2);
            assertThat(((javafx.scene.control.TableView<?>) root.lookup("#workloadTable")).getItems()).hasSize(3);
            assertThat(((de.amtsdesk.app.lead.WorkloadChart) root.lookup("#workloadChart")).barNames()).hasSize(3);
        });
        SceneAudit.assertKeyboardCycle(robot, root);
        SceneAudit.assertKeyboardCycle(robot, show(robot, () -> LeadScreens.memberSettings(Locale.GERMAN,
                LeadScreens.unit())));
    }

    @Test
    void theWorkspaceShowsWhatItIsAudited(FxRobot robot) {
        // As after the sign-in: a form whose field has the focus is replaced by the workspace.
        show(robot, () -> {
            javafx.scene.control.TextField field = new javafx.scene.control.TextField();
            javafx.scene.layout.VBox form = new javafx.scene.layout.VBox(field, new javafx.scene.control.Button("OK"));
            javafx.application.Platform.runLater(field::requestFocus);
            return form;
        });
        // The audit above is only worth something if the panes are filled: cases, a shown case, a conversation.
        Parent root = show(robot, () -> WorkspaceScreens.workspace(Locale.GERMAN, WorkspaceScreens.unit()));
        robot.sleep(300); // JavaFX settles the focus of the removed field in a later pulse
        robot.interact(() -> {
            assertThat(((ListView<?>) root.lookup("#queueList")).getItems()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(((Label) root.lookup("#caseReference")).getText()).isNotBlank();
            assertThat(root.lookup("#timeline")).isNotNull();
            assertThat(root.lookup("#tagField")).isNotNull();
            assertThat(((ListView<?>) root.lookup("#caseNotes")).getItems()).hasSize(1);
            // A caseworker (Anna) never sees the lead desk's button (nor gets its shortcut).
            assertThat(root.lookup("#leadButton").isVisible()).isFalse();
            // Found in the demo: the keyboard started on "Schlüsselsicherung …"; a caseworker starts in the queue.
            assertThat(root.getScene().getFocusOwner()).isSameAs(root.lookup("#queueList"));
        });
        // F6 from the queue goes to the reply field (found in the demo: it went to "Ältere Nachrichten laden").
        robot.type(javafx.scene.input.KeyCode.F6);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> assertThat(root.getScene().getFocusOwner()).isSameAs(root.lookup("#draftField")));
        Parent picker = show(robot, () -> WorkspaceScreens.templatePicker(Locale.GERMAN, WorkspaceScreens.unit()));
        robot.interact(() -> assertThat(((ListView<?>) picker.lookup("#templateChoices")).getItems()).hasSize(1));
    }

    @Test
    void theHeaderAndTheCasePanelAreNotCutOffInANarrowWindow(FxRobot robot) {
        for (double width : new double[] {1100, 1400}) {
            robot.interact(() -> stage.setWidth(width));
            // A long name and ID, as in a Berlin district office: the account line must give way, not the buttons.
            Parent root = show(robot, () -> WorkspaceScreens.workspace(Locale.GERMAN, WorkspaceScreens.unit(),
                    "Dr. Annemarie Mustermann-Schulze-Oberhausen",
                    "@annemarie.mustermann-schulze:bezirksamt-friedrichshain-kreuzberg.berlin.example"));
            robot.interact(() -> {
                root.applyCss();
                root.layout();
                Node header = root.lookup(".header");
                List<Labeled> fixed = new ArrayList<>();
                fixed.add((Labeled) header.lookup(".screen-title"));
                for (String id : List.of("#helpButton", "#lockButton", "#signOutButton")) {
                    fixed.add((Button) header.lookup(id));
                }
                // The case panel's buttons wrap rather than shrink to "Überneh…".
                for (String id : List.of("#chooseType", "#takeCase")) {
                    fixed.add((Button) root.lookup(id));
                }
                fixed.add((Labeled) root.lookup("#tagField").getParent().getChildrenUnmodifiable().get(0));
                Label account = (Label) root.lookup("#caseworkerLabel");
                assertThat(account.getWidth()).as("the account line gives way").isLessThan(account.prefWidth(-1));
                assertThat(account.getTooltip().getText()).isEqualTo(account.getText());
                for (Labeled labeled : fixed) {
                    assertThat(labeled.getWidth()).as("%s at %s px", labeled.getText(), width)
                            .isGreaterThanOrEqualTo(labeled.prefWidth(-1) - 0.5);
                }
            });
        }
        robot.interact(() -> stage.setWidth(1100));
    }

    @Test
    void theKeyboardReachesEverythingInTheWorkspace(FxRobot robot) {
        SceneAudit.assertKeyboardCycle(robot, show(robot, () -> WorkspaceScreens.workspace(Locale.GERMAN,
                WorkspaceScreens.unit())));
        SceneAudit.assertKeyboardCycle(robot, show(robot, () -> WorkspaceScreens.staffSignIn(Locale.GERMAN)));
        SceneAudit.assertKeyboardCycle(robot, show(robot, () -> WorkspaceScreens.typePicker(Locale.GERMAN)));
        SceneAudit.assertKeyboardCycle(robot, show(robot, () -> WorkspaceScreens.templatePicker(Locale.GERMAN,
                WorkspaceScreens.unit())));
    }
}
