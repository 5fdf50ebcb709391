package de.amtsdesk.app.a11y;

import de.amtsdesk.app.FailureMessages;
import de.amtsdesk.app.ViewLoader;
import de.amtsdesk.app.casepanel.CasePanelView;
import de.amtsdesk.app.casepanel.CasePanelViewModel;
import de.amtsdesk.app.casepanel.TypePickerDialog;
import de.amtsdesk.app.casepanel.TypePickerViewModel;
import de.amtsdesk.app.composer.TemplatePickerDialog;
import de.amtsdesk.app.composer.TemplatePickerViewModel;
import de.amtsdesk.app.conversation.ConversationView;
import de.amtsdesk.app.conversation.ConversationViewModel;
import de.amtsdesk.app.queue.QueueProjection;
import de.amtsdesk.app.queue.QueueView;
import de.amtsdesk.app.queue.QueueViewModel;
import de.amtsdesk.app.queue.ReadMarkers;
import de.amtsdesk.app.rooms.RoomListViewModel;
import de.amtsdesk.app.staff.StaffSignInView;
import de.amtsdesk.app.staff.StaffSignInViewModel;
import de.amtsdesk.app.workspace.FoldDesk;
import de.amtsdesk.app.workspace.IdleLock;
import de.amtsdesk.app.workspace.WorkspaceView;
import de.amtsdesk.app.workspace.WorkspaceViewModel;
import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.i18n.Translations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.scene.Parent;

/** The caseworker workspace and its panes and dialogs, over a local case fold, for screen-wide tests. */
public final class WorkspaceScreens {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** Monday 7 December 2026, 09:00 in Berlin. */
    static final Instant MONDAY = Instant.parse("2026-12-07T08:00:00Z");
    static final String WOHNGELD = "housing.wohngeld.apply";

    private WorkspaceScreens() {
    }

    public static Translations caseText(Locale locale) {
        return Translations.load("de.amtsdesk.core.cases.messages", locale, CaseBookListener.class.getClassLoader());
    }

    /** A unit with an untyped new case, a typed one of Anna's with a note and a tag, and unread citizen messages. */
    public static FoldDesk unit() {
        FoldDesk desk = new FoldDesk(FoldDesk.ANNA, MONDAY);
        desk.newCase("@max:bund.example", "Max Meier", null);
        String typed = desk.newCase("@erika:bund.example", "Erika Mustermann", WOHNGELD);
        desk.apply(FoldDesk.LEAD, OutgoingStaffEvents.assign(typed, FoldDesk.ANNA));
        desk.apply(FoldDesk.ANNA, OutgoingStaffEvents.note(typed, "Unterlagen fehlen noch"));
        desk.apply(FoldDesk.ANNA, OutgoingStaffEvents.tag(typed, List.of("Eilt"), List.of()));
        desk.citizenWrote(typed);
        desk.apply(FoldDesk.LEAD, OutgoingStaffEvents.template("t1", "de", WOHNGELD, 1, "Unterlagen anfordern",
                "Guten Tag {citizen.name}, bitte senden Sie uns noch Ihre Unterlagen.", false));
        desk.apply(FoldDesk.LEAD, OutgoingStaffEvents.template("t1", "en", WOHNGELD, 1, "Request documents",
                "Hello {citizen.name}, please send us your documents.", false));
        return desk;
    }

    /** The ID of the unit's typed case (the one with note, tag and template). */
    public static String typedCase(FoldDesk desk) {
        return desk.book().cases().stream().filter(c -> c.isTyped()).findFirst().orElseThrow().id();
    }

    static Clock clock(FoldDesk desk) {
        return Clock.fixed(desk.now(), ZONE);
    }

    public static QueueViewModel queueViewModel(Locale locale, FoldDesk desk) {
        Translations text = Screens.text(locale);
        QueueProjection projection = new QueueProjection(desk.catalogue(), text, caseText(locale), locale, ZONE);
        return new QueueViewModel(desk, projection, ReadMarkers.inMemory(), Runnable::run, Runnable::run,
                clock(desk), caseText(locale));
    }

    public static CasePanelViewModel casePanelViewModel(Locale locale, FoldDesk desk) {
        return new CasePanelViewModel(desk, Screens.text(locale), caseText(locale), locale, ZONE, clock(desk),
                Runnable::run, Runnable::run);
    }

    public static WorkspaceView.Pane<QueueView> queue(Locale locale, FoldDesk desk, java.util.function.Consumer<String> open) {
        QueueViewModel vm = queueViewModel(locale, desk);
        QueueView view = new QueueView(vm, open);
        Parent root = new ViewLoader(Screens.text(locale)).load(QueueView.class, () -> view);
        vm.refresh();
        return new WorkspaceView.Pane<>(view, root);
    }

    /** The case panel with the typed case shown. */
    public static WorkspaceView.Pane<CasePanelView> casePanel(Locale locale, FoldDesk desk) {
        CasePanelViewModel vm = casePanelViewModel(locale, desk);
        CasePanelView view = new CasePanelView(vm, Screens.text(locale));
        Parent root = new ViewLoader(Screens.text(locale)).load(CasePanelView.class, () -> view);
        vm.show(typedCase(desk));
        return new WorkspaceView.Pane<>(view, root);
    }

    /** The whole workspace: queue, the typed case's conversation and case panel, status bar. */
    public static Parent workspace(Locale locale, FoldDesk desk) {
        return workspace(locale, desk, "Anna Arbeit", FoldDesk.ANNA);
    }

    /** With the signed-in caseworker's name and ID as the header shows them (long ones crowd the header). */
    public static Parent workspace(Locale locale, FoldDesk desk, String caseworkerName, String caseworkerId) {
        Translations text = Screens.text(locale);
        ViewLoader views = new ViewLoader(text);
        WorkspaceView.Pane<WorkspaceView> workspace = workspace(locale, desk, caseworkerName, caseworkerId, caseId -> {
            ConversationViewModel vm = new ConversationViewModel(Screens.ROOM, Screens.AGENCY,
                    Screens.conversationWithFileAndFailedReply(), Runnable::run, Runnable::run, text, ZONE);
            return views.load(ConversationView.class, () -> new ConversationView(vm));
        });
        workspace.controller().showConversation(typedCase(desk));
        return workspace.root();
    }

    /** The workspace with conversations opened by {@code conversations}; none shown yet. */
    public static WorkspaceView.Pane<WorkspaceView> workspace(Locale locale, FoldDesk desk, String caseworkerName,
            String caseworkerId, WorkspaceView.Conversations conversations) {
        Translations text = Screens.text(locale);
        ViewLoader views = new ViewLoader(text);
        WorkspaceViewModel frame = new WorkspaceViewModel(text, caseworkerName, caseworkerId, Screens.AGENCY,
                new WorkspaceViewModel.Session() {
                    @Override
                    public void lock() {
                    }

                    @Override
                    public void signOut() {
                    }
                }, new IdleLock(clock(desk), Duration.ofMinutes(10)));
        RoomListViewModel sync = new RoomListViewModel(Screens.AGENCY, Runnable::run, text, new FailureMessages(text),
                ZONE, reason -> { });
        WorkspaceView.Pane<CasePanelView> casePanel = casePanel(locale, desk);
        WorkspaceView.Pane<QueueView> queue = queue(locale, desk, id -> { });
        WorkspaceView[] holder = new WorkspaceView[1];
        holder[0] = new WorkspaceView(frame, sync, text, queue, casePanel, conversations, () -> { });
        Parent root = views.load(WorkspaceView.class, () -> holder[0]);
        return new WorkspaceView.Pane<>(holder[0], root);
    }

    public static Parent staffSignIn(Locale locale) {
        Translations text = Screens.text(locale);
        StaffSignInViewModel vm = new StaffSignInViewModel((user, password, room) -> { }, Runnable::run,
                Runnable::run, new FailureMessages(text), text, () -> { });
        return new ViewLoader(text).load(StaffSignInView.class,
                () -> new StaffSignInView(vm, text.get("staff.intro", Screens.AGENCY)));
    }

    public static Parent typePicker(Locale locale) {
        return TypePickerDialog.content(Screens.text(locale),
                new TypePickerViewModel(de.amtsdesk.core.cases.catalogue.ServiceCatalogue.bundled(), locale)).root();
    }

    public static Parent templatePicker(Locale locale, FoldDesk desk) {
        Translations text = Screens.text(locale);
        var c = desk.book().find(typedCase(desk)).orElseThrow();
        return TemplatePickerDialog.content(text,
                new TemplatePickerViewModel(desk, c, locale, text.get("template.missing"))).root();
    }
}
