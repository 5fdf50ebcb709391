package de.amtsdesk.app.workspace;

import de.amtsdesk.app.CitizenNames;
import de.amtsdesk.app.ViewLoader;
import de.amtsdesk.app.casepanel.CasePanelView;
import de.amtsdesk.app.casepanel.CasePanelViewModel;
import de.amtsdesk.app.composer.MacroPickerDialog;
import de.amtsdesk.app.composer.MacroPickerViewModel;
import de.amtsdesk.app.composer.PlaceholderCheck;
import de.amtsdesk.app.composer.TemplatePickerDialog;
import de.amtsdesk.app.composer.TemplatePickerViewModel;
import de.amtsdesk.app.conversation.AttachmentSignatureCheck;
import de.amtsdesk.app.conversation.ConversationView;
import de.amtsdesk.app.conversation.ConversationViewModel;
import de.amtsdesk.app.presence.CasePresence;
import de.amtsdesk.app.presence.PresenceHintViewModel;
import de.amtsdesk.app.queue.InvitationsViewModel;
import de.amtsdesk.app.queue.QueueProjection;
import de.amtsdesk.app.queue.QueueView;
import de.amtsdesk.app.queue.QueueViewModel;
import de.amtsdesk.app.queue.ReadMarkers;
import de.amtsdesk.app.rooms.RoomListViewModel;
import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.Moment;
import de.amtsdesk.core.engine.AgencyEngine;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.policy.EffectivePolicy;
import de.amtsdesk.core.policy.PolicyKey;
import de.amtsdesk.core.staff.StaffClient;
import de.amtsdesk.core.store.DraftRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;

/**
 * Builds the caseworker workspace from the two sessions (agency account and personal staff account) and wires the
 * panes together: selecting a case opens its conversation, its case panel, its draft; the composer gets the
 * template picker and the placeholder check. One instance per shown workspace; {@link #dispose()} saves the draft.
 */
public final class WorkspaceScreen {

    private final Translations text;
    private final Translations caseText;
    private final Locale locale;
    private final ZoneId zone;
    private final AgencyEngine agency;
    private final StaffClient staff;
    private final StaffCaseDesk desk;
    private final Executor background;
    private final Executor ui;
    private final ViewLoader views;
    private final DraftRepository drafts;
    private QueueViewModel queue;
    private CasePanelViewModel casePanel;
    private WorkspaceView view;
    private WorkspaceView.Pane<de.amtsdesk.app.lead.LeadDeskView> leadDesk;
    private boolean disposed;
    private Parent root;
    private ConversationViewModel conversation;
    private AttributedConversations conversations;
    private String openCase;
    private PresenceHintViewModel presenceHint;
    private javafx.animation.Timeline presenceClock;

    /** Opening citizens' attachments with the system's program (copies deleted by the window on lock and exit). */
    private final ConversationViewModel.OpenWithSystem openWith;

    /** The admin's locked settings: feature switches and the notices' time-stamping authority. */
    private EffectivePolicy policy = EffectivePolicy.NONE;
    /** Checks PDFs in conversations against the policy's trust anchors (read when the first PDF is checked). */
    private final PdfChecks pdfChecks = new PdfChecks(() -> policy);

    public WorkspaceScreen(Translations text, Locale locale, ZoneId zone, AgencyEngine agency, StaffClient staff,
            StaffCaseDesk desk, Executor background, Executor ui, ViewLoader views,
            ConversationViewModel.OpenWithSystem openWith) {
        this.openWith = openWith;
        this.text = text;
        this.caseText = Translations.load("de.amtsdesk.core.cases.messages", locale,
                CaseBookListener.class.getClassLoader());
        this.locale = locale;
        this.zone = zone;
        this.agency = agency;
        this.staff = staff;
        this.desk = desk;
        this.background = background;
        this.ui = ui;
        this.views = views;
        this.drafts = staff.workstation().database().drafts();
    }

    public Parent build(WorkspaceViewModel frame, RoomListViewModel sync, Runnable keyBackup, Clock clock) {
        var markers = staff.workstation().database().readMarkers();
        ReadMarkers read = storedMarkers(markers);
        QueueProjection projection = new QueueProjection(desk.catalogue(), text, caseText, locale, zone);
        queue = new QueueViewModel(desk, projection, read, background, ui, clock, caseText);
        // The first projection of a big queue runs in the background while the FX thread loads the views below
        // (its rows are applied after them); started at the end it made the caseworker wait for both in turn.
        queue.refresh();
        presenceHint = new PresenceHintViewModel(CasePresence.of(staff),
                id -> desk.book().staffRoom().displayName(id), text, ui);
        casePanel = new CasePanelViewModel(desk, text, caseText, locale, zone, clock, background, ui);
        casePanel.allowNotices(policy.allows(PolicyKey.ALLOW_NOTICES));
        QueueView queueView = new QueueView(queue, this::open);
        Parent queueRoot = views.load(QueueView.class, () -> queueView);
        InvitationsViewModel invitations = new InvitationsViewModel(new InvitationsViewModel.Invitations() {
            @Override
            public java.util.Set<String> pending() {
                return agency.pendingInvites();
            }

            @Override
            public void accept(String roomId) throws Exception {
                agency.acceptInvite(roomId);
            }
        }, text, background, ui);
        queueView.showInvitations(invitations);
        invitations.refresh();
        // Signals expire with the clock and requests come by sync: both are looked at again every second.
        presenceClock = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1),
                tick -> {
                    presenceHint.refresh();
                    invitations.refresh();
                }));
        presenceClock.setCycleCount(javafx.animation.Animation.INDEFINITE);
        presenceClock.play();

        CasePanelView caseView = new CasePanelView(casePanel, text);
        Parent caseRoot = views.load(CasePanelView.class, () -> caseView);
        caseView.onNotice(caseId -> openNoticeEditor(caseId, caseRoot, clock));
        // Only a member with the lead's power level gets the lead desk (ADR 0014); a caseworker never sees it.
        leadDesk = desk.isLead() ? de.amtsdesk.app.lead.LeadDesk.build(desk, text, caseText, locale, zone, clock,
                background, ui, views, null) : null;
        view = new WorkspaceView(frame, sync, text, new WorkspaceView.Pane<>(queueView, queueRoot),
                new WorkspaceView.Pane<>(caseView, caseRoot), this::conversationFor, keyBackup, leadDesk);
        root = views.load(WorkspaceView.class, () -> view);
        desk.addListener(new CaseBookListener() {
            @Override
            public void caseChanged(Case before, Case after) {
                if (after.id().equals(openCase)) {
                    // What arrives in the open conversation is on screen: it does not count as unread.
                    ui.execute(() -> {
                        if (after.id().equals(openCase)) {
                            queue.opened(openCase);
                        }
                    });
                }
                notifyIfNew(before, after);
            }

            @Override
            public void staffRoomChanged(de.amtsdesk.core.cases.StaffRoom room) {
                // On a fresh workstation the staff room's power levels arrive after the workspace is built: a lead
                // got no lead desk until the next sign-in (found driving the window against Synapse).
                ui.execute(() -> offerLeadDeskIfLead(clock));
            }
        });
        return root;
    }

    private void offerLeadDeskIfLead(Clock clock) {
        if (leadDesk != null || view == null || disposed || !desk.isLead()) {
            return;
        }
        leadDesk = de.amtsdesk.app.lead.LeadDesk.build(desk, text, caseText, locale, zone, clock, background, ui,
                views, null);
        view.offerLeadDesk(leadDesk);
    }

    private static ReadMarkers storedMarkers(de.amtsdesk.core.store.ReadMarkerRepository markers) {
        ReadMarkers memory = ReadMarkers.inMemory();
        markers.all().forEach(memory::markSeen);
        return new ReadMarkers() {
            @Override
            public Instant seenUntil(String roomId) {
                return memory.seenUntil(roomId);
            }

            @Override
            public void markSeen(String roomId, Instant until) {
                memory.markSeen(roomId, until);
                markers.markSeen(roomId, until);
            }
        };
    }

    /**
     * One notice editor per case while the app runs; its draft (with the exact bytes the approval names, ADR 0017) is
     * kept in the staff profile's encrypted store and restored after a restart.
     */
    private final java.util.Map<String, de.amtsdesk.app.notice.NoticeEditorViewModel> noticeEditors =
            new java.util.HashMap<>();

    private void openNoticeEditor(String caseId, Node anchor, Clock clock) {
        Case c = desk.book().find(caseId).orElse(null);
        if (c == null || !policy.allows(PolicyKey.ALLOW_NOTICES)) {
            return;
        }
        var editor = noticeEditors.computeIfAbsent(caseId, id -> new de.amtsdesk.app.notice.NoticeEditorViewModel(
                desk, id, de.amtsdesk.core.notice.NoticeTemplateCatalogue.builtIn(),
                new de.amtsdesk.core.notice.Letterhead(text.get("notice.unit"), List.of(), ""),
                locale, zone, clock, (forCase, pdf, sha, fileName, message) -> de.amtsdesk.core.staff.NoticeSending
                        .send(staff, agency, forCase, pdf, sha, fileName, message).fileTxn(),
                text, background, ui, staff.workstation().database().noticeDrafts()));
        editor.useLetterhead(this::unitLetterhead, () -> desk.book().policy().letterhead().isEmpty());
        policy.tsaUrl().ifPresent(editor::lockTsa);
        editor.signLongTermWith(pdfChecks::trust);
        editor.updateStage();
        Window owner = anchor.getScene() == null ? null : anchor.getScene().getWindow();
        new de.amtsdesk.app.notice.NoticeEditorDialog(owner, text, editor, c.reference()).show();
    }

    /** The unit's letterhead as its lead set it in the staff log; a generic name until then. */
    private de.amtsdesk.core.notice.Letterhead unitLetterhead() {
        var unit = desk.book().policy();
        return unit.letterhead().isEmpty()
                ? new de.amtsdesk.core.notice.Letterhead(text.get("notice.unit"), List.of(), unit.contact())
                : new de.amtsdesk.core.notice.Letterhead(unit.letterhead().name(), unit.letterhead().lines(),
                        unit.contact());
    }

    private void open(String caseId) {
        saveDraft();
        openCase = caseId;
        presenceHint.show(caseId);
        casePanel.show(caseId);
        view.showConversation(caseId);
    }

    /**
     * The admin policy: polls and files apply to every conversation opened from now on, notices to the case panel
     * and the notice editor (switched off: no editor; a locked TSA: shown, not editable).
     */
    public void applyPolicy(EffectivePolicy policy) {
        this.policy = policy;
        if (casePanel != null) {
            casePanel.allowNotices(policy.allows(PolicyKey.ALLOW_NOTICES));
        }
    }

    private Parent conversationFor(String caseId) {
        if (conversation != null) {
            conversation.dispose();
        }
        Case c = desk.book().find(caseId).orElseThrow();
        conversations = new AttributedConversations(agency, staff, desk, new AuditTexts(text, caseText,
                desk.catalogue(), locale), caseId);
        conversation = new ConversationViewModel(c.roomId(), agency.session().userId(), conversations, background, ui,
                text, zone, openWith);
        conversation.allowFeatures(policy.allows(PolicyKey.ALLOW_POLLS), policy.allows(PolicyKey.ALLOW_FILES));
        conversation.checkSignaturesWith(new AttachmentSignatureCheck(conversations, pdfChecks, Clock.systemUTC()));
        drafts.load(caseId).ifPresent(d -> conversation.draftProperty().set(d.text()));
        Parent parent = views.load(ConversationView.class, () -> new ConversationView(conversation));
        hookComposer(parent, caseId);
        return parent;
    }

    /**
     * Ctrl+Space or "::" opens the template picker, Ctrl+M or "Makro …" the macro picker; a reply with unfilled
     * placeholders is held back.
     */
    private void hookComposer(Parent parent, String caseId) {
        Node field = parent.lookup("#draftField");
        if (!(field instanceof TextArea draft)) {
            return;
        }
        Label warning = new Label();
        warning.setId("composerWarning");
        warning.getStyleClass().add("warning");
        warning.setWrapText(true);
        warning.setManaged(false);
        warning.setVisible(false);
        Label company = presenceLabel();
        if (draft.getParent() != null && draft.getParent().getParent() instanceof javafx.scene.layout.VBox box) {
            box.getChildren().add(0, warning);
            box.getChildren().add(0, company);
        }
        draft.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.SPACE && key.isShortcutDown()) {
                key.consume();
                insertTemplate(draft, caseId, false);
            } else if (key.getCode() == KeyCode.M && key.isShortcutDown() && !key.isShiftDown() && !key.isAltDown()) {
                key.consume();
                runMacro(draft, warning, caseId);
            }
        });
        draft.addEventFilter(KeyEvent.KEY_TYPED, key -> {
            int caret = draft.getCaretPosition();
            if (":".equals(key.getCharacter()) && caret > 0 && draft.getText().charAt(caret - 1) == ':') {
                key.consume();
                insertTemplate(draft, caseId, true);
            }
        });
        // Runs before the conversation's own Ctrl+Enter handler (filters go from the root down).
        parent.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.ENTER && key.isShortcutDown()) {
                if (holdBack(draft, warning) || !sendDespiteCollision(draft)) {
                    key.consume();
                } else if (!draft.getText().isBlank()) {
                    presenceHint.replySent();
                }
            }
        });
        Node send = parent.lookup("#sendButton");
        if (send != null && send.getParent() instanceof javafx.scene.layout.VBox buttons) {
            Button macro = new Button(text.get("macro.button"));
            macro.setId("macroButton");
            macro.setMnemonicParsing(false);
            macro.setMaxWidth(Double.MAX_VALUE);
            macro.setAccessibleText(text.get("macro.button.accessible"));
            macro.setTooltip(new javafx.scene.control.Tooltip(text.get("macro.button.accessible")));
            macro.setOnAction(action -> runMacro(draft, warning, caseId));
            buttons.getChildren().add(macro);
        }
        if (send != null) {
            send.addEventFilter(ActionEvent.ACTION, action -> {
                if (holdBack(draft, warning) || !sendDespiteCollision(draft)) {
                    action.consume();
                } else {
                    presenceHint.replySent();
                }
            });
        }
        draft.textProperty().addListener((obs, old, now) -> {
            if (draft.isFocused() && now != null && !now.isBlank()) {
                presenceHint.typing(); // colleagues see "… schreibt gerade" (throttled in the staff client)
            }
            if (warning.isVisible() && PlaceholderCheck.unfilled(now).isEmpty()) {
                warning.setVisible(false);
                warning.setManaged(false);
            }
        });
    }

    /**
     * The macro picker: the chosen macro's status and tag changes go to the staff room, its template into the draft
     * at the caret — the reply itself is only sent when the caseworker sends it.
     */
    private void runMacro(TextArea draft, Label warning, String caseId) {
        Case c = desk.book().find(caseId).orElse(null);
        if (c == null || draft.getScene() == null) {
            return;
        }
        Window owner = draft.getScene().getWindow();
        MacroPickerViewModel picker = new MacroPickerViewModel(desk, c, locale, text, caseText, background);
        picker.onSendFailure(() -> ui.execute(() -> showWarning(warning, text.get("macro.sendFailed"))));
        MacroPickerDialog.pick(owner, text, picker).ifPresent(choice -> {
            String insert;
            try {
                insert = picker.run(choice);
            } catch (IllegalStateException e) {
                showWarning(warning, text.get("macro.notRun", choice.title()));
                return;
            }
            if (!insert.isEmpty()) {
                int caret = draft.getCaretPosition();
                draft.replaceText(caret, caret, insert);
                conversations.templateInserted(choice.templateId());
            }
        });
        draft.requestFocus();
    }

    /** Who else has this case open or writes to its citizen now; shown above the reply field, spoken when focused. */
    private Label presenceLabel() {
        Label company = new Label();
        company.setId("presenceHint");
        company.getStyleClass().add("presence-hint");
        company.setWrapText(true);
        company.textProperty().bind(presenceHint.hintProperty());
        company.accessibleTextProperty().bind(presenceHint.hintProperty());
        company.visibleProperty().bind(presenceHint.hintProperty().isNotEmpty());
        company.managedProperty().bind(company.visibleProperty());
        return company;
    }

    /** A second reply while a colleague writes one asks first (issue 9); true: send. */
    private boolean sendDespiteCollision(TextArea draft) {
        java.util.Optional<String> question = presenceHint.collision();
        if (question.isEmpty() || draft.getText().isBlank() || draft.getScene() == null) {
            return true;
        }
        javafx.scene.control.ButtonType send = new javafx.scene.control.ButtonType(text.get("presence.confirm.send"),
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType cancel = de.amtsdesk.app.Dialogs.cancel(text);
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING,
                question.get(), cancel, send);
        ask.initOwner(draft.getScene().getWindow());
        ask.setTitle(text.get("presence.confirm.title"));
        ask.setHeaderText(null);
        // Cancel is the default: Enter pressed out of habit must not send the second reply.
        ((Button) ask.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        ((Button) ask.getDialogPane().lookupButton(send)).setDefaultButton(false);
        return ask.showAndWait().filter(send::equals).isPresent();
    }

    private static void showWarning(Label warning, String message) {
        warning.setText(message);
        warning.setVisible(true);
        warning.setManaged(true);
    }

    private boolean holdBack(TextArea draft, Label warning) {
        List<String> missing = PlaceholderCheck.unfilled(draft.getText());
        if (missing.isEmpty()) {
            return false;
        }
        warning.setText(text.get("composer.unfilled", String.join(", ", missing)));
        warning.setVisible(true);
        warning.setManaged(true);
        // Select the first gap so the caseworker can type over it.
        String first = "{" + missing.getFirst() + "}";
        int at = draft.getText().indexOf(first);
        draft.requestFocus();
        draft.selectRange(at, at + first.length());
        return true;
    }

    private void insertTemplate(TextArea draft, String caseId, boolean afterColons) {
        Case c = desk.book().find(caseId).orElse(null);
        if (c == null) {
            return;
        }
        Window owner = draft.getScene().getWindow();
        TemplatePickerViewModel picker = new TemplatePickerViewModel(desk, c, locale, text.get("template.missing"));
        TemplatePickerDialog.pick(owner, text, picker).ifPresentOrElse(choice -> {
            int caret = draft.getCaretPosition();
            int from = afterColons ? caret - 1 : caret;
            draft.replaceText(Math.max(0, from), caret, choice.preview().text());
            conversations.templateInserted(choice.id());
        }, () -> { });
        draft.requestFocus();
    }

    /** A citizen wrote in a case this caseworker works on (assigned to them, or nobody yet) and it is not open. */
    private void notifyIfNew(Case before, Case after) {
        if (before == null || citizenMessages(after) <= citizenMessages(before)) {
            return;
        }
        boolean mine = after.isAssignedTo(desk.me()) || !after.isAssigned();
        if (!mine || after.id().equals(openCase) && root.getScene() != null && root.getScene().getWindow() != null
                && root.getScene().getWindow().isFocused()) {
            return;
        }
        String who = CitizenNames.of(text, desk.book().staffRoom()).show(after.citizenName(), after.citizenId());
        ui.execute(() -> {
            if (root.getScene() == null) {
                return;
            }
            Notifications.create().owner(root.getScene().getWindow()).title(text.get("notify.title"))
                    .text(text.get("notify.text", after.reference(), who)).showInformation();
        });
    }

    private static long citizenMessages(Case c) {
        return c.timeline().moments().stream().filter(m -> m.kind() == Moment.Kind.CITIZEN_MESSAGE).count();
    }

    /** Keeps the open case's draft in the encrypted store (on switching cases, lock and sign-out). */
    public void saveDraft() {
        if (conversation != null && openCase != null) {
            String draft = conversation.draftProperty().get();
            drafts.save(openCase, draft == null ? "" : draft);
        }
    }

    public void dispose() {
        disposed = true;
        saveDraft();
        if (conversation != null) {
            conversation.dispose();
        }
        if (queue != null) {
            queue.dispose();
        }
        if (casePanel != null) {
            casePanel.dispose();
        }
        if (presenceClock != null) {
            presenceClock.stop();
        }
        if (presenceHint != null) {
            presenceHint.dispose(); // colleagues stop seeing this case as open here
        }
        if (leadDesk != null) {
            leadDesk.controller().dispose();
        }
    }
}
