package de.amtsdesk.app.casepanel;

import de.amtsdesk.app.CitizenNames;
import de.amtsdesk.app.workspace.CaseDesk;
import de.amtsdesk.app.workspace.AuditTexts;
import de.amtsdesk.app.workspace.LocalFormats;
import de.amtsdesk.app.workspace.Ownership;
import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.Note;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.sla.SlaClock;
import de.amtsdesk.core.i18n.Translations;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The case panel: reference, case type, status with only the transitions the case log accepts, assignee, SLA
 * clocks, tags, internal notes and the case's audit trail. Every action sends a staff event; the panel changes
 * when that event comes back from the server, exactly as on the other workstations.
 */
public final class CasePanelViewModel {

    /** One SLA clock as the panel shows it: colour comes from {@code state}, the text says the same. */
    public record SlaRow(String label, String text, SlaClock.State state) {
    }

    public record NoteRow(String author, String time, String text) {
    }

    public record AuditRow(String time, String actor, String text, boolean rejected) {
    }

    /**
     * A notice draft's sign-off (Mitzeichnung, ADR 0017) as the panel lists it; {@code mayDecide}: open and requested
     * by someone else, so this member may approve or reject it (the fold refuses one's own).
     */
    public record SignOffRow(String sha256, String title, String requestedBy, String state, boolean mayDecide) {
    }

    private final CaseDesk desk;
    private final Translations text;
    private final Translations caseText;
    private final Locale locale;
    private final Clock clock;
    private final Executor background;
    private final Executor ui;
    private final DateTimeFormatter times;
    private final AuditTexts auditTexts;
    private final de.amtsdesk.app.lead.Verdicts verdicts;
    private final ReadOnlyStringWrapper caseId = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper reference = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper citizen = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper typeName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper assignee = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canTakeOver = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper statusAllowed = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper statusReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper();
    /** The admin policy's notices switch ({@code allowNotices}): off hides the notice action. */
    private final ReadOnlyBooleanWrapper noticesAllowed = new ReadOnlyBooleanWrapper(true);
    private final ObservableList<CaseStatus> transitions = FXCollections.observableArrayList();
    private final ObservableList<SlaRow> sla = FXCollections.observableArrayList();
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObservableList<NoteRow> notes = FXCollections.observableArrayList();
    private final ObservableList<AuditRow> audit = FXCollections.observableArrayList();
    private final ObservableList<SignOffRow> signOffs = FXCollections.observableArrayList();
    private final StringProperty noteDraft = new SimpleStringProperty("");
    private final StringProperty tagInput = new SimpleStringProperty("");
    private final CaseBookListener listener = new CaseBookListener() {
        @Override
        public void caseChanged(Case before, Case after) {
            if (after.id().equals(caseId.get())) {
                ui.execute(() -> show(after.id()));
            }
        }

        @Override
        public void auditRecorded(String id) {
            ui.execute(() -> {
                if (id.equals(caseId.get())) {
                    show(id);
                }
                checkVerdicts(); // a refusal of a change sent from here comes back as an audit entry only
            });
        }
    };

    /** A change sent from this panel that has not come back yet; {@code caseId}: the case it was sent for. */
    private record Pending(String receipt, String caseId) {
    }

    private final List<Pending> pending = new ArrayList<>(); // FX thread only

    public CasePanelViewModel(CaseDesk desk, Translations text, Translations caseText, Locale locale, ZoneId zone,
            Clock clock, Executor background, Executor ui) {
        this.desk = desk;
        this.text = text;
        this.caseText = caseText;
        this.locale = locale;
        this.clock = clock;
        this.background = background;
        this.ui = ui;
        this.times = LocalFormats.dateTime(locale, zone);
        this.auditTexts = new AuditTexts(text, caseText, desk.catalogue(), locale);
        this.verdicts = new de.amtsdesk.app.lead.Verdicts(caseText);
        desk.addListener(listener);
    }

    /** Shows a case (null: none). The audit trail is read from the store in the background. */
    public void show(String id) {
        boolean other = id == null || !id.equals(caseId.get());
        caseId.set(id);
        if (other) {
            message.set("");
        }
        Optional<Case> found = id == null ? Optional.empty() : desk.book().find(id);
        shown.set(found.isPresent());
        if (found.isEmpty()) {
            reference.set("");
            transitions.clear();
            sla.clear();
            tags.clear();
            notes.clear();
            audit.clear();
            signOffs.clear();
            return;
        }
        Case c = found.get();
        reference.set(c.reference());
        citizen.set(CitizenNames.of(text, desk.book().staffRoom()).show(c.citizenName(), c.citizenId()));
        typeName.set(c.isTyped() ? desk.catalogue().nameOf(c.type(), locale) : caseText.get("case.untyped"));
        status.set(caseText.get(c.status().messageKey()));
        assignee.set(!c.isAssigned() ? caseText.get("case.unassigned")
                : desk.book().staffRoom().displayName(c.assignee()) + (c.isAssignedTo(desk.me())
                ? " " + text.get("case.assignee.you") : ""));
        canTakeOver.set(!c.isAssignedTo(desk.me()) && !c.isClosed());
        // ADR 0014: on a colleague's case only they or a lead change the status; the fold would refuse it anyway.
        boolean mayChange = Ownership.mayChangeStatus(desk, c);
        // The reason first: the label shows as soon as statusAllowed turns false, and must never show empty.
        statusReason.set(mayChange ? "" : text.get("case.status.notYours",
                desk.book().staffRoom().displayName(c.assignee())));
        statusAllowed.set(mayChange);
        transitions.setAll(allowedTransitions(c));
        sla.setAll(slaRows(c, clock.instant()));
        tags.setAll(c.tags());
        notes.setAll(c.notes().stream().map(this::noteRow).toList());
        signOffs.setAll(desk.book().signOffs(id).stream().map(this::signOffRow).toList());
        background.execute(() -> {
            List<AuditRow> rows = desk.audit(id).stream().map(this::auditRow).toList();
            ui.execute(() -> {
                if (id.equals(caseId.get())) {
                    audit.setAll(rows);
                }
            });
        });
    }

    /** The statuses the case log accepts from here (a case needs a type before it can be opened or wait). */
    public static List<CaseStatus> allowedTransitions(Case c) {
        List<CaseStatus> allowed = new ArrayList<>();
        for (CaseStatus s : List.of(CaseStatus.OPEN, CaseStatus.WAITING, CaseStatus.CLOSED)) {
            if (s != c.status() && (s == CaseStatus.CLOSED || c.isTyped())) {
                allowed.add(s);
            }
        }
        return allowed;
    }

    private List<SlaRow> slaRows(Case c, Instant now) {
        if (c.sla() == null) {
            return List.of();
        }
        List<SlaRow> rows = new ArrayList<>();
        add(rows, "sla.firstResponse", c.sla().firstResponse(), now);
        add(rows, "sla.nextResponse", c.sla().nextResponse(), now);
        add(rows, "sla.resolution", c.sla().resolution(), now);
        return rows;
    }

    private void add(List<SlaRow> rows, String labelKey, SlaClock clockValue, Instant now) {
        if (clockValue == null) {
            return;
        }
        SlaClock.State state = clockValue.stateAt(now);
        String value = switch (state) {
            case RUNNING -> caseText.get(state.messageKey(), clockValue.due() == null ? "" : times.format(
                    clockValue.due()));
            case OVERDUE -> caseText.get(state.messageKey(), times.format(clockValue.due()));
            default -> caseText.get(state.messageKey());
        };
        rows.add(new SlaRow(caseText.get(labelKey), value, state));
    }

    private SignOffRow signOffRow(de.amtsdesk.core.cases.NoticeSignOff s) {
        var room = desk.book().staffRoom();
        String state = switch (s.status()) {
            case REQUESTED -> text.get("case.signoff.requested");
            case APPROVED -> text.get("case.signoff.approved", room.displayName(s.decidedBy()));
            case REJECTED -> text.get("case.signoff.rejected", room.displayName(s.decidedBy()));
        };
        boolean mayDecide = s.status() == de.amtsdesk.core.cases.NoticeSignOff.Status.REQUESTED
                && !s.requestedBy().equals(desk.me());
        return new SignOffRow(s.sha256(), s.title() == null ? "" : s.title(), room.displayName(s.requestedBy()), state,
                mayDecide);
    }

    /** Approves a colleague's notice draft (exactly the bytes with that SHA-256). */
    public void approveNotice(String sha256) {
        send(OutgoingStaffEvents.approveNotice(caseId.get(), sha256));
    }

    /** Rejects a colleague's notice draft, with the reason the drafter and the audit trail get. */
    public void rejectNotice(String sha256, String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        send(OutgoingStaffEvents.rejectNotice(caseId.get(), sha256, why));
    }

    private NoteRow noteRow(Note note) {
        return new NoteRow(desk.book().staffRoom().displayName(note.author()), times.format(note.at()), note.text());
    }

    private AuditRow auditRow(AuditEntry entry) {
        var room = desk.book().staffRoom();
        return new AuditRow(times.format(entry.at()), room.displayName(entry.actor()),
                auditTexts.describe(entry, room::displayName), !entry.applied());
    }

    // ---- actions: each sends one staff event ----

    public void chooseType(String serviceKey) {
        send(OutgoingStaffEvents.typed(caseId.get(), serviceKey));
    }

    public void changeStatus(CaseStatus newStatus) {
        if (!statusAllowed.get()) {
            message.set(statusReason.get());
            return;
        }
        send(OutgoingStaffEvents.status(caseId.get(), newStatus, null));
    }

    /**
     * Takes the case: an unassigned one by assigning it to me, a colleague's by an audited take-over naming them as
     * the holder I saw (the fold refuses it if that changed meanwhile).
     */
    public void assignToMe() {
        Optional<Case> c = caseId.get() == null ? Optional.empty() : desk.book().find(caseId.get());
        if (c.isPresent() && Ownership.canTakeOver(desk, c.get())) {
            send(OutgoingStaffEvents.takeover(c.get().id(), c.get().assignee()));
        } else {
            send(OutgoingStaffEvents.assign(caseId.get(), desk.me()));
        }
    }

    public void addNote() {
        String note = noteDraft.get() == null ? "" : noteDraft.get().strip();
        if (note.isEmpty()) {
            message.set(text.get("case.note.empty"));
            return;
        }
        send(OutgoingStaffEvents.note(caseId.get(), note));
        noteDraft.set("");
    }

    public void addTag() {
        String tag = tagInput.get() == null ? "" : tagInput.get().strip().toLowerCase(Locale.ROOT);
        if (tag.isEmpty() || tag.length() > 40 || tags.contains(tag)) {
            message.set(text.get("case.tag.invalid"));
            return;
        }
        send(OutgoingStaffEvents.tag(caseId.get(), List.of(tag), List.of()));
        tagInput.set("");
    }

    public void removeTag(String tag) {
        send(OutgoingStaffEvents.tag(caseId.get(), List.of(), List.of(tag)));
    }

    private void send(OutgoingStaffEvents.Outgoing change) {
        if (caseId.get() == null) {
            return;
        }
        String forCase = caseId.get();
        message.set(text.get("case.sending"));
        background.execute(() -> {
            String receipt;
            try {
                receipt = desk.submit(change);
            } catch (RuntimeException e) {
                ui.execute(() -> message.set(text.get("case.sendFailed")));
                return;
            }
            if (receipt != null) {
                ui.execute(() -> {
                    pending.add(new Pending(receipt, forCase));
                    checkVerdicts();
                });
            }
        });
    }

    /**
     * Says "refused: reason" for a change sent from here that the fold refused (the case panel said "sent" until
     * then; a refusal changes no case, so nothing else would correct it). Applied changes show in the case itself.
     */
    private void checkVerdicts() {
        for (var it = pending.iterator(); it.hasNext();) {
            Pending p = it.next();
            List<AuditEntry> entries = desk.verdict(p.receipt());
            if (entries.isEmpty()) {
                continue;
            }
            it.remove();
            if (p.caseId().equals(caseId.get())) {
                verdicts.refusal(entries).ifPresent(reason -> message.set(text.get("case.refused", reason)));
            }
        }
    }

    public void dispose() {
        desk.removeListener(listener);
    }

    public ReadOnlyStringProperty caseIdProperty() {
        return caseId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty referenceProperty() {
        return reference.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty citizenProperty() {
        return citizen.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty typeNameProperty() {
        return typeName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty assigneeProperty() {
        return assignee.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void allowNotices(boolean allowed) {
        noticesAllowed.set(allowed);
    }

    public ReadOnlyBooleanProperty noticesAllowedProperty() {
        return noticesAllowed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canTakeOverProperty() {
        return canTakeOver.getReadOnlyProperty();
    }

    /** Whether this user may change the case's status (ADR 0014's ownership rule). */
    public ReadOnlyBooleanProperty statusAllowedProperty() {
        return statusAllowed.getReadOnlyProperty();
    }

    /** Why the status controls are disabled, in words ("" when they are not). */
    public ReadOnlyStringProperty statusReasonProperty() {
        return statusReason.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ObservableList<CaseStatus> transitions() {
        return transitions;
    }

    public String statusName(CaseStatus s) {
        return caseText.get(s.messageKey());
    }

    public ObservableList<SlaRow> sla() {
        return sla;
    }

    public ObservableList<String> tags() {
        return tags;
    }

    public ObservableList<NoteRow> notes() {
        return notes;
    }

    public ObservableList<AuditRow> audit() {
        return audit;
    }

    /** The case's notice sign-offs, open ones with Approve/Reject for the other members. */
    public ObservableList<SignOffRow> signOffs() {
        return signOffs;
    }

    public StringProperty noteDraftProperty() {
        return noteDraft;
    }

    public StringProperty tagInputProperty() {
        return tagInput;
    }

    public CaseDesk desk() {
        return desk;
    }

    public Locale locale() {
        return locale;
    }
}
