package de.amtsdesk.app.lead;

import de.amtsdesk.app.CitizenNames;
import de.amtsdesk.app.workspace.CaseDesk;
import de.amtsdesk.app.workspace.KeyedList;
import de.amtsdesk.app.workspace.LocalFormats;
import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseBook;
import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.StaffRoom;
import de.amtsdesk.core.cases.UnitRoster;
import de.amtsdesk.core.cases.query.CaseQueries;
import de.amtsdesk.core.cases.query.Workload;
import de.amtsdesk.core.i18n.Translations;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The team lead's desk (issue 9, ADR 0014): the unassigned cases oldest first, the workload of every caseworker
 * with capacity and a "next case" suggestion, and assigning — many cases at once in one {@code assigned} event, or
 * the suggested case. As everywhere in the workspace nothing changes here until the event comes back from the staff
 * room; what the fold made of it (applied, or refused with the audited reason) is said in {@link #resultProperty()}.
 */
public final class LeadDeskViewModel {

    private final CaseDesk desk;
    private final Translations text;
    private final Translations caseText;
    private final Locale locale;
    private final Clock clock;
    private final Executor background;
    private final Executor ui;
    private final DateTimeFormatter times;
    private final ObservableList<UnassignedRow> unassigned = FXCollections.observableArrayList();
    private final ObservableList<WorkloadRow> workload = FXCollections.observableArrayList();
    private final de.amtsdesk.app.Lines<WorkloadRow> workloadLines = new de.amtsdesk.app.Lines<>(WorkloadRow::userId);
    private final ObservableList<String> selected = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper asksFirstShown =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private final PendingChanges changes;
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final AtomicBoolean projecting = new AtomicBoolean();
    /** What the shown lists are once every planned projection is applied (the projecting thread's only). */
    private List<UnassignedRow> plannedUnassigned = List.of();
    private List<WorkloadRow> plannedWorkload = List.of();
    private final CaseBookListener listener = new CaseBookListener() {
        @Override
        public void caseChanged(Case before, Case after) {
            refresh();
        }

        @Override
        public void staffRoomChanged(StaffRoom room) {
            refresh();
        }

        @Override
        public void rosterChanged(UnitRoster roster) {
            refresh();
        }

        @Override
        public void policyChanged(de.amtsdesk.core.cases.UnitPolicy policy) {
            refresh(); // the "ask first" check box
        }
    };

    private record Projection(List<UnassignedRow> unassigned, KeyedList.Plan<UnassignedRow> unassignedEdits,
            KeyedList.Plan<WorkloadRow> workloadEdits) {
    }

    private RowCache rows;
    private final javafx.beans.property.ReadOnlyIntegerWrapper applied =
            new javafx.beans.property.ReadOnlyIntegerWrapper(0);

    public LeadDeskViewModel(CaseDesk desk, Translations text, Translations caseText, Locale locale, ZoneId zone,
            Clock clock, Executor background, Executor ui) {
        this.desk = desk;
        this.text = text;
        this.caseText = caseText;
        this.locale = locale;
        this.clock = clock;
        this.background = background;
        this.ui = ui;
        this.times = LocalFormats.dateTime(locale, zone);
        this.changes = new PendingChanges(desk, text, caseText, result::set);
        desk.addListener(listener);
    }

    /**
     * Recomputes rows and numbers in the background; a burst of changes costs one projection. One projection at a
     * time: each plans its list edits on the previous one's result, and they are applied in that order.
     */
    public void refresh() {
        if (!refreshPending.compareAndSet(false, true)) {
            return;
        }
        if (!projecting.compareAndSet(false, true)) {
            return; // the running projection looks again when it is done
        }
        background.execute(this::projectWhilePending);
    }

    private void projectWhilePending() {
        try {
            while (refreshPending.getAndSet(false)) {
                Projection p = project(desk.book());
                ui.execute(() -> apply(p));
            }
        } finally {
            projecting.set(false);
        }
        if (refreshPending.get() && projecting.compareAndSet(false, true)) {
            background.execute(this::projectWhilePending); // asked for between the loop and the flag
        }
    }

    private Projection project(CaseBook book) {
        RowCache cache = rowCache(book.staffRoom());
        List<Case> waiting = new ArrayList<>();
        for (Case c : book.cases()) {
            if (!c.isAssigned() && !c.isClosed()) {
                waiting.add(c);
            }
        }
        // book.cases() is in server order: a stable sort keeps it on equal creation times.
        waiting.sort(Comparator.comparing(Case::createdAt));
        List<UnassignedRow> rows = new ArrayList<>(waiting.size());
        for (Case c : waiting) {
            rows.add(cache.rowOf(c));
        }
        cache.keepOnly(waiting);
        CaseQueries queries = new CaseQueries(book);
        Map<String, Case> next = queries.nextCases(); // one pass for everybody, not one scan per person
        List<WorkloadRow> load = new ArrayList<>();
        for (Workload w : queries.workload(clock.instant())) {
            Case suggested = next.get(w.userId());
            load.add(row(w, suggested == null ? null : suggested.id(),
                    suggested == null ? null : suggested.reference()));
        }
        load.sort(Comparator.comparing(WorkloadRow::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(WorkloadRow::userId));
        // Row by row, not setAll: a sync batch must not drop the lead's multi-selection or keyboard position. The
        // edits are worked out here, so the FX thread only makes them.
        var unassignedEdits = KeyedList.plan(plannedUnassigned, rows, UnassignedRow::caseId, 100);
        var workloadEdits = KeyedList.plan(plannedWorkload, load, WorkloadRow::userId, 100);
        plannedUnassigned = unassignedEdits.result();
        plannedWorkload = workloadEdits.result();
        return new Projection(rows, unassignedEdits, workloadEdits);
    }

    private synchronized RowCache rowCache(StaffRoom room) {
        if (rows == null || rows.room != room) {
            rows = new RowCache(room); // display names come from the staff room: a new room, new rows
        }
        return rows;
    }

    /**
     * The unassigned rows made so far, by case: a case is immutable, so while the same case object is in the book
     * its row (names, type, formatted time, the screen reader's sentence) is reused instead of formatted again for
     * thousands of cases after every sync batch.
     */
    private final class RowCache {
        private final StaffRoom room;
        private final CitizenNames names;
        private final Map<String, Made> made = new java.util.concurrent.ConcurrentHashMap<>();

        private record Made(Case source, UnassignedRow row) {
        }

        RowCache(StaffRoom room) {
            this.room = room;
            this.names = CitizenNames.of(text, room);
        }

        UnassignedRow rowOf(Case c) {
            Made known = made.get(c.id());
            if (known != null && known.source() == c) {
                return known.row();
            }
            UnassignedRow row = row(c, names);
            made.put(c.id(), new Made(c, row));
            return row;
        }

        void keepOnly(List<Case> shown) {
            if (made.size() > shown.size()) {
                java.util.Set<String> ids = new java.util.HashSet<>();
                shown.forEach(c -> ids.add(c.id()));
                made.keySet().retainAll(ids);
            }
        }
    }

    private UnassignedRow row(Case c, CitizenNames names) {
        String citizen = names.show(c.citizenName(), c.citizenId());
        String type = c.isTyped() ? desk.catalogue().nameOf(c.type(), locale) : caseText.get("case.untyped");
        String since = times.format(c.createdAt());
        return new UnassignedRow(c.id(), c.reference(), citizen, type, since,
                text.get("lead.unassigned.row", c.reference(), citizen, type, since));
    }

    private WorkloadRow row(Workload w, String nextId, String nextReference) {
        Integer capacity = w.settings().maxOpenCases();
        String capacityText = capacity == null ? text.get("lead.capacity.none") : String.valueOf(capacity);
        List<String> states = new ArrayList<>();
        if (w.settings().absent()) {
            states.add(w.settings().deputy() == null ? text.get("lead.state.absent")
                    : text.get("lead.state.absentDeputy", desk.book().staffRoom().displayName(w.settings().deputy())));
        }
        if (w.atCapacity()) {
            states.add(text.get("lead.state.full"));
        }
        String state = String.join(", ", states);
        String next = nextReference == null ? text.get("lead.next.none") : nextReference;
        String spoken = text.get("lead.workload.row", w.displayName(), w.active(), w.overdue(), w.dueToday(),
                capacityText, next) + (state.isEmpty() ? "" : " (" + state + ")");
        return new WorkloadRow(w.userId(), w.displayName(), w.active(), w.overdue(), w.dueToday(), capacity,
                w.atCapacity(), w.settings().absent(), capacityText, state, nextId, next, spoken);
    }

    private void apply(Projection p) {
        p.unassignedEdits().applyTo(unassigned);
        p.workloadEdits().applyTo(workload);
        workloadLines.show(workload);
        if (!selected.isEmpty()) {
            java.util.Set<String> stillThere = new java.util.HashSet<>();
            p.unassigned().forEach(r -> stillThere.add(r.caseId()));
            selected.removeIf(id -> !stillThere.contains(id));
        }
        summary.set(text.get("lead.unassigned.count", p.unassigned().size()));
        asksFirstShown.set(asksFirst());
        changes.check();
        applied.set(applied.get() + 1);
    }

    /**
     * Counts the projections applied: one change per sync batch, however many rows it changed (the chart is redrawn
     * on this, not per row; per row it was redrawn a hundred times for one assignment).
     */
    public javafx.beans.property.ReadOnlyIntegerProperty appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    // ---- actions: each sends one staff event ----

    /** Assigns the selected unassigned cases to {@code assignee} in one {@code assigned} event. */
    public void assignSelected(String assignee) {
        if (assignee == null) {
            result.set(text.get("lead.assign.nothing"));
            return;
        }
        assign(List.copyOf(selected), assignee);
    }

    /** Assigns these cases (dropped onto a caseworker, or the selection) in one {@code assigned} event. */
    public void assign(List<String> caseIds, String assignee) {
        if (caseIds.isEmpty()) {
            result.set(text.get("lead.assign.nothing"));
            return;
        }
        String name = desk.book().staffRoom().displayName(assignee);
        changes.send(OutgoingStaffEvents.bulkAssign(caseIds, assignee),
                text.get("lead.assign.done", caseIds.size(), name));
    }

    /** Sends any lead change (member settings, handover) and says {@code success} in the result line once applied. */
    public void send(OutgoingStaffEvents.Outgoing change, String success) {
        changes.send(change, success);
    }

    /** Assigns the caseworker's suggested next case to them. */
    public void assignNext(String userId) {
        WorkloadRow row = workload.stream().filter(w -> w.userId().equals(userId)).findFirst().orElse(null);
        if (row == null || row.nextCaseId() == null) {
            result.set(text.get("lead.next.nothing"));
            return;
        }
        changes.send(OutgoingStaffEvents.assign(row.nextCaseId(), userId),
                text.get("lead.next.done", row.nextCase(), row.name()));
    }

    /**
     * Invites a person into the unit (the homeserver checks the lead's level). The new member reads the unit's
     * history once they join (ADR 0015); their workload row appears when they have joined.
     */
    public void inviteMember(String userId) {
        String id = userId == null ? "" : userId.strip();
        if (!id.matches("@[^:\\s]+:[^\\s]+") || id.length() > 255) {
            result.set(text.get("lead.member.invalid", id));
            return;
        }
        memberAction(() -> desk.inviteMember(id), text.get("lead.member.invited", id));
    }

    /** Removes a member (the homeserver checks the lead's level); their open cases stay assigned until moved. */
    public void removeMember(String userId) {
        String name = desk.book().staffRoom().displayName(userId);
        memberAction(() -> desk.removeMember(userId), text.get("lead.member.removed", name));
    }

    /** Open cases a member holds (named before removing them, so none is forgotten). */
    public int openCasesOf(String userId) {
        return (int) desk.book().cases().stream().filter(c -> !c.isClosed() && c.isAssignedTo(userId)).count();
    }

    /** Whether citizens' conversation requests wait for a caseworker (the unit's policy, ADR 0014). */
    public boolean asksFirst() {
        return !desk.book().policy().autoJoin();
    }

    /** Sets the unit's policy on citizens' requests: one {@code policy} event. */
    public void askFirst(boolean askFirst) {
        if (askFirst == asksFirst()) {
            return;
        }
        changes.send(OutgoingStaffEvents.policy(null, null, null, !askFirst, null, null),
                text.get(askFirst ? "lead.invites.askFirst.done" : "lead.invites.join.done"));
    }

    private interface MemberChange {
        void run() throws Exception;
    }

    private void memberAction(MemberChange change, String success) {
        background.execute(() -> {
            String outcome;
            try {
                change.run();
                outcome = success;
            } catch (Exception e) {
                outcome = text.get("lead.member.failed", e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage());
            }
            String said = outcome;
            ui.execute(() -> result.set(said));
        });
    }

    /** An action on a person was asked for with nobody chosen in the table. */
    public void sayNobodyChosen() {
        result.set(text.get("lead.nobody"));
    }

    /** Now and then from the view: a refusal changes no case, so nothing else tells us it came back. */
    public void checkVerdicts() {
        changes.check();
    }

    public void dispose() {
        desk.removeListener(listener);
    }

    public ObservableList<UnassignedRow> unassigned() {
        return unassigned;
    }

    public ObservableList<WorkloadRow> workload() {
        return workload;
    }

    /** The workload as the table shows it: one stable line per person (see {@link de.amtsdesk.app.Lines}). */
    public ObservableList<de.amtsdesk.app.Line<WorkloadRow>> workloadLines() {
        return workloadLines.shown();
    }

    /** The case IDs selected in the unassigned list (the view keeps it in step with its selection). */
    public ObservableList<String> selected() {
        return selected;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The unit's policy as last folded (the check box follows it, also when another lead changes it). */
    public javafx.beans.property.ReadOnlyBooleanProperty asksFirstProperty() {
        return asksFirstShown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public CaseDesk desk() {
        return desk;
    }

    public Locale locale() {
        return locale;
    }

    public Translations text() {
        return text;
    }

    public Translations caseText() {
        return caseText;
    }

    public Clock clock() {
        return clock;
    }
}
