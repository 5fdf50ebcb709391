package de.amtsdesk.app.a11y;

import de.amtsdesk.app.ViewLoader;
import de.amtsdesk.app.lead.AssigneePickerDialog;
import de.amtsdesk.app.lead.AssigneePickerViewModel;
import de.amtsdesk.app.lead.LeadDesk;
import de.amtsdesk.app.lead.LeadDeskView;
import de.amtsdesk.app.lead.MemberSettingsDialog;
import de.amtsdesk.app.lead.MemberSettingsViewModel;
import de.amtsdesk.app.lead.ReportFiles;
import de.amtsdesk.app.workspace.FoldDesk;
import de.amtsdesk.app.workspace.WorkspaceView;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Parent;

/** The lead desk and its dialogs' content over a local fold in which the signed-in member is the lead. */
public final class LeadScreens {

    private LeadScreens() {
    }

    /** A unit with unassigned cases (typed and not), Anna holding one, a capacity set for her. */
    public static FoldDesk unit() {
        FoldDesk desk = new FoldDesk(FoldDesk.LEAD, WorkspaceScreens.MONDAY);
        desk.newCase("@max:bund.example", "Max Meier", null);
        desk.newCase("@aylin:bund.example", "Aylin Kaya", WorkspaceScreens.WOHNGELD);
        String held = desk.newCase("@erika:bund.example", "Erika Mustermann", WorkspaceScreens.WOHNGELD);
        desk.apply(FoldDesk.LEAD, OutgoingStaffEvents.assign(held, FoldDesk.ANNA));
        desk.apply(FoldDesk.LEAD, OutgoingStaffEvents.member(FoldDesk.ANNA, 3, List.of("housing"), false, null));
        return desk;
    }

    public static WorkspaceView.Pane<LeadDeskView> leadDesk(Locale locale, FoldDesk desk, ReportFiles files) {
        return leadDesk(locale, desk, files, WorkspaceScreens.clock(desk));
    }

    public static WorkspaceView.Pane<LeadDeskView> leadDesk(Locale locale, FoldDesk desk, ReportFiles files,
            Clock clock) {
        return LeadDesk.build(desk, Screens.text(locale), WorkspaceScreens.caseText(locale), locale,
                WorkspaceScreens.ZONE, clock, Runnable::run, Runnable::run, new ViewLoader(Screens.text(locale)),
                files);
    }

    public static Parent leadDesk(Locale locale, FoldDesk desk) {
        return leadDesk(locale, desk, name -> Optional.<Path>empty()).root();
    }

    public static Parent assigneePicker(Locale locale, FoldDesk desk) {
        var vm = new de.amtsdesk.app.lead.LeadDeskViewModel(desk, Screens.text(locale),
                WorkspaceScreens.caseText(locale), locale, WorkspaceScreens.ZONE, WorkspaceScreens.clock(desk),
                Runnable::run, Runnable::run);
        vm.refresh();
        return AssigneePickerDialog.content(Screens.text(locale),
                new AssigneePickerViewModel(vm.workload(), Screens.text(locale))).root();
    }

    public static Parent memberSettings(Locale locale, FoldDesk desk) {
        return MemberSettingsDialog.content(Screens.text(locale), new MemberSettingsViewModel(desk,
                Screens.text(locale), locale, FoldDesk.ANNA, (change, success) -> desk.send(change)));
    }
}
