package de.amtsdesk.app.queue;

import de.amtsdesk.app.workspace.CaseDesk;
import de.amtsdesk.app.workspace.KeyedList;
import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.query.CaseFilter;
import de.amtsdesk.core.cases.query.CaseQueries;
import de.amtsdesk.core.i18n.Translations;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The queue pane: saved views with counts, the grouped case list, full-text search. Rows are computed off the FX
 * thread and applied with {@link KeyedList#update}, so a sync batch changes only the rows it touched and the
 * selected case stays selected.
 */
public final class QueueViewModel {

    /** The saved views in the order of their buttons (and of Ctrl+1 … Ctrl+7). */
    public static final List<CaseFilter> VIEWS = List.of(CaseFilter.NEW, CaseFilter.MINE, CaseFilter.UNASSIGNED,
            CaseFilter.DUE, CaseFilter.WAITING, CaseFilter.ACTIVE, CaseFilter.CLOSED);

    /** More edits than this (a view switch, the first fill) reach the list as one change; see KeyedList. */
    static final int BULK_EDITS = 100;

    private final CaseDesk desk;
    private final QueueProjection projection;
    private final ReadMarkers read;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final Translations caseText;
    private final ObservableList<QueueEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<CaseFilter> view = new SimpleObjectProperty<>(CaseFilter.ACTIVE);
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty selectedCaseId = new SimpleStringProperty();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final Map<CaseFilter, ReadOnlyStringWrapper> viewLabels = new EnumMap<>(CaseFilter.class);
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final AtomicInteger projecting = new AtomicInteger();
    private final CaseBookListener bookListener = new CaseBookListener() {
        @Override
        public void caseChanged(Case before, Case after) {
            refresh();
        }
    };
    private volatile Consumer<List<QueueEntry>> afterUpdate = rows -> { };
    private long generation;
    private int shownTotal;
    private int shownUnread;

    public QueueViewModel(CaseDesk desk, QueueProjection projection, ReadMarkers read, Executor background,
            Executor ui, Clock clock, Translations caseText) {
        this.desk = desk;
        this.projection = projection;
        this.read = read;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
        this.caseText = caseText;
        for (CaseFilter filter : VIEWS) {
            viewLabels.put(filter, new ReadOnlyStringWrapper(caseText.get(filter.messageKey())));
        }
        view.addListener((obs, old, now) -> refresh());
        search.addListener((obs, old, now) -> refresh());
        desk.addListener(bookListener);
    }

    /**
     * Recomputes the rows in the background; calls arriving while one is pending are folded into it, so a burst of
     * sync batches costs one projection.
     */
    public void refresh() {
        if (!refreshPending.compareAndSet(false, true)) {
            return;
        }
        background.execute(() -> {
            // Counted until its rows are applied: opening a case meanwhile must not be undone by stale rows.
            projecting.incrementAndGet();
            boolean handedOver = false;
            try {
                handedOver = project();
            } finally {
                if (!handedOver) {
                    projecting.decrementAndGet();
                }
            }
        });
    }

    private boolean project() {
        refreshPending.set(false);
        // Read the FX-side inputs through a snapshot taken here; a stale one is corrected by the next refresh.
        CaseFilter filter = view.get();
        String query = search.get() == null ? "" : search.get().strip();
        var book = desk.book();
        String me = desk.me();
        var now = clock.instant();
        List<QueueEntry> rows = query.isEmpty() ? projection.project(book, filter, me, now, read)
                : projection.hits(desk.search(query, 200), book, query);
        Map<CaseFilter, Integer> counts = new CaseQueries(book).counts(me, now);
        int total = (int) rows.stream().filter(r -> !(r instanceof QueueEntry.Header)).count();
        int unread = rows.stream().mapToInt(r -> r instanceof QueueEntry.CaseRow row ? row.unread() : 0).sum();
        ui.execute(() -> {
            try {
                apply(rows, counts, total, unread);
            } finally {
                projecting.decrementAndGet();
            }
        });
        return true;
    }

    private void apply(List<QueueEntry> rows, Map<CaseFilter, Integer> counts, int total, int unread) {
        generation++;
        KeyedList.updateShown(entries, rows, QueueEntry::key, BULK_EDITS);
        viewLabels.forEach((filter, label) -> label.set(caseText.get(filter.messageKey()) + " ("
                + counts.getOrDefault(filter, 0) + ")"));
        shownTotal = total;
        shownUnread = unread;
        showSummary();
        afterUpdate.accept(entries);
    }

    private void showSummary() {
        summary.set(search.get() == null || search.get().isBlank()
                ? String.valueOf(shownTotal) + (shownUnread > 0 ? " · " + shownUnread : "")
                : String.valueOf(shownTotal));
    }

    /** The caseworker opened a case: its citizen messages so far count as read on this workstation. */
    public void opened(String caseId) {
        selectedCaseId.set(caseId);
        desk.book().find(caseId).ifPresent(c -> {
            // Moving through the list with the keyboard opens case after case: a case with nothing new since it
            // was last shown writes no marker (the store's write ran on the FX thread) and, as its unread count
            // was already 0, needs no new rows.
            boolean hadUnread = QueueProjection.unread(c, read) > 0;
            c.timeline().moments().stream().map(m -> m.at()).max(java.util.Comparator.naturalOrder())
                    .filter(last -> last.isAfter(read.seenUntil(c.roomId())))
                    .ifPresent(last -> read.markSeen(c.roomId(), last));
            if (hadUnread) {
                // Only this row and the headings above it change: patched here, where a whole projection of
                // 10,000 cases cost ~100 ms of background CPU and a diff on the FX thread per case opened.
                markShownRead(caseId);
                if (projecting.get() > 0) {
                    refresh(); // rows projected before the marker moved are still to come: project again
                }
            }
        });
    }

    private void markShownRead(String caseId) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof QueueEntry.CaseRow row && row.caseId().equals(caseId)) {
                int fewer = row.unread();
                if (fewer == 0) {
                    return;
                }
                generation++;
                entries.set(i, projection.seen(row));
                // The rows of a service follow its heading, the services of a life situation follow theirs.
                for (int h = i - 1; h >= 0; h--) {
                    if (entries.get(h) instanceof QueueEntry.Header header) {
                        entries.set(h, projection.lessUnread(header, fewer));
                        if (header.level() == 0) {
                            break;
                        }
                    }
                }
                shownUnread = Math.max(0, shownUnread - fewer);
                showSummary();
                afterUpdate.accept(entries);
                return;
            }
        }
    }

    public void showView(int index) {
        if (index >= 0 && index < VIEWS.size()) {
            view.set(VIEWS.get(index));
        }
    }

    /** The view calls this after each update to put the selection back on {@link #selectedCaseIdProperty()}. */
    public void onAfterUpdate(Consumer<List<QueueEntry>> action) {
        this.afterUpdate = action;
    }

    public void dispose() {
        desk.removeListener(bookListener);
    }

    public ObservableList<QueueEntry> entries() {
        return entries;
    }

    public ObjectProperty<CaseFilter> viewProperty() {
        return view;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty selectedCaseIdProperty() {
        return selectedCaseId;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty viewLabel(CaseFilter filter) {
        return viewLabels.get(filter).getReadOnlyProperty();
    }

    /** How many updates were applied (tests and the benchmark wait on it). */
    public long generation() {
        return generation;
    }
}
