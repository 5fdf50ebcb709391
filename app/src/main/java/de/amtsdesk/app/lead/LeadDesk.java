package de.amtsdesk.app.lead;

import de.amtsdesk.app.ViewLoader;
import de.amtsdesk.app.workspace.CaseDesk;
import de.amtsdesk.app.workspace.WorkspaceView;
import de.amtsdesk.core.i18n.Translations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.scene.Parent;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Builds the lead desk (view models, views, dialogs) for the workspace; only for members with the lead's level. */
public final class LeadDesk {

    private LeadDesk() {
    }

    /**
     * @param files where the SLA report goes; null for a file dialog
     */
    public static WorkspaceView.Pane<LeadDeskView> build(CaseDesk desk, Translations text, Translations caseText,
            Locale locale, ZoneId zone, Clock clock, Executor background, Executor ui, ViewLoader views,
            ReportFiles files) {
        LeadDeskViewModel vm = new LeadDeskViewModel(desk, text, caseText, locale, zone, clock, background, ui);
        SlaReportViewModel sla = new SlaReportViewModel(desk, text, caseText, locale, zone, clock, background, ui);
        Parent[] holder = new Parent[1];
        ReportFiles target = files != null ? files : suggested -> chooseFile(holder[0], text, suggested);
        Parent slaRoot = views.load(SlaReportView.class, () -> new SlaReportView(sla, text, caseText, target));
        LeadDeskDialogs dialogs = new LeadDeskDialogs() {
            @Override
            public Optional<String> pickAssignee(List<WorkloadRow> caseworkers) {
                return AssigneePickerDialog.pick(owner(holder[0]), text, new AssigneePickerViewModel(caseworkers,
                        text));
            }

            @Override
            public void editMember(String userId) {
                MemberSettingsDialog.edit(owner(holder[0]), text, member(userId));
            }

            @Override
            public void handOver(String userId) {
                MemberSettingsDialog.handOver(owner(holder[0]), text, member(userId));
            }

            @Override
            public Optional<String> askNewMember() {
                javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog();
                ask.initOwner(owner(holder[0]));
                ask.setTitle(text.get("lead.member.invite.title"));
                ask.setHeaderText(null);
                ask.setContentText(text.get("lead.member.invite.prompt"));
                ask.getEditor().setPromptText("@name:amt.example");
                ask.getEditor().setAccessibleText(text.get("lead.member.invite.prompt"));
                ask.getDialogPane().getButtonTypes().setAll(de.amtsdesk.app.Dialogs.ok(text),
                        de.amtsdesk.app.Dialogs.cancel(text));
                return ask.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
            }

            @Override
            public boolean confirmRemoval(String name, int openCases) {
                javafx.scene.control.ButtonType remove = new javafx.scene.control.ButtonType(
                        text.get("lead.member.remove.confirm"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
                javafx.scene.control.ButtonType cancel = de.amtsdesk.app.Dialogs.cancel(text);
                javafx.scene.control.Alert ask = new javafx.scene.control.Alert(
                        javafx.scene.control.Alert.AlertType.CONFIRMATION,
                        text.get("lead.member.remove.question", name, openCases), cancel, remove);
                ask.initOwner(owner(holder[0]));
                ask.setTitle(text.get("lead.member.remove.title"));
                ask.setHeaderText(null);
                ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
                ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(remove)).setDefaultButton(false);
                return ask.showAndWait().filter(remove::equals).isPresent();
            }

            @Override
            public void editUnitTexts() {
                UnitTextsDialog.show(owner(holder[0]), text, new TemplateEditorViewModel(desk, text, vm::send, ui),
                        new MacroEditorViewModel(desk, text, vm::send, ui));
            }

            @Override
            public void editLetterhead() {
                LetterheadDialog.edit(owner(holder[0]), text, new LetterheadViewModel(desk, text, vm::send));
            }

            private MemberSettingsViewModel member(String userId) {
                return new MemberSettingsViewModel(desk, text, locale, userId, vm::send);
            }
        };
        LeadDeskView view = new LeadDeskView(vm, text, slaRoot, dialogs);
        Parent root = views.load(LeadDeskView.class, () -> view);
        holder[0] = root;
        vm.refresh();
        sla.refresh();
        // A target missed while the lead works is announced once; the report is looked at again every minute, as
        // a target can be missed without any event (the clock passes its due time).
        sla.onNewBreaches(rows -> notifyBreaches(holder[0], text, rows));
        javafx.animation.Timeline minutes = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.minutes(1), tick -> sla.refresh()));
        minutes.setCycleCount(javafx.animation.Animation.INDEFINITE);
        // Only while the desk is shown: not behind the queue, not once the workspace left the window (lock, sign-out).
        view.activeProperty().addListener((obs, was, now) -> {
            if (now) {
                sla.refresh();
                minutes.play();
            } else {
                minutes.stop();
            }
        });
        // Settings and handovers change the numbers: the desk and the report follow the book.
        // At most one report per second and a half while sync batches come in: each is a pass over every case in the
        // background, and back to back they took the cores the window needs to stay smooth.
        javafx.animation.PauseTransition slaSoon = new javafx.animation.PauseTransition(javafx.util.Duration.millis(1500));
        slaSoon.setOnFinished(done -> sla.refresh());
        vm.appliedProperty().addListener((obs, old, now) -> {
            if (slaSoon.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                slaSoon.playFromStart();
            }
        });
        return new WorkspaceView.Pane<>(view, root);
    }

    /** One notification however many targets were missed at once (one popup each froze the window). */
    private static void notifyBreaches(Parent root, Translations text, List<SlaReportViewModel.BreachRow> rows) {
        if (rows.isEmpty() || root == null || root.getScene() == null || root.getScene().getWindow() == null) {
            return;
        }
        String said = rows.size() == 1 ? rows.getFirst().accessibleText()
                : text.get("lead.sla.breach.notify.many", rows.size(), rows.getFirst().accessibleText());
        org.controlsfx.control.Notifications.create().owner(root.getScene().getWindow())
                .title(text.get("lead.sla.breach.notify.title")).text(said).showWarning();
    }

    private static Window owner(Parent root) {
        return root == null || root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static Optional<Path> chooseFile(Parent root, Translations text, String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("lead.sla.csv.title"));
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        return Optional.ofNullable(chooser.showSaveDialog(owner(root))).map(java.io.File::toPath);
    }
}
