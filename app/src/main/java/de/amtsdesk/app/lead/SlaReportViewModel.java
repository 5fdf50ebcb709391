package de.amtsdesk.app.lead;

import de.amtsdesk.app.workspace.CaseDesk;
import de.amtsdesk.app.workspace.KeyedList;
import de.amtsdesk.app.workspace.LocalFormats;
import de.amtsdesk.core.cases.query.CaseQueries;
import de.amtsdesk.core.cases.query.ReportPeriod;
import de.amtsdesk.core.cases.query.SlaBreach;
import de.amtsdesk.core.cases.query.SlaReport;
import de.amtsdesk.core.cases.query.SlaShare;
import de.amtsdesk.core.cases.query.SlaTally;
import de.amtsdesk.core.cases.query.SlaTarget;
import de.amtsdesk.core.cases.query.Workload;
import de.amtsdesk.core.i18n.Translations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The SLA report of the lead desk (ADR 0014): this week or this month, the share of first-response, next-response
 * and resolution targets met per case type and per caseworker, every breach listed, and a CSV export.
 */
public final class SlaReportViewModel {

    public enum Period { WEEK, MONTH }

    /**
     * One line of shares: "3/4 (75 %)" per target, "–" when nothing was decided. {@code key} is what the line is
     * about (the case type's key, the caseworker's user ID), {@code name} how it is shown.
     */
    public record ShareRow(String key, String name, String firstResponse, String nextResponse, String resolution,
            String accessibleText) {
        @Override
        public String toString() {
            return accessibleText;
        }
    }

    public record BreachRow(String reference, String type, String assignee, String target, String due, String met,
            String accessibleText) {
        /** Which case missed which target: what tells one breach from another. */
        String key() {
            return reference + "|" + target;
        }

        @Override
        public String toString() {
            return accessibleText;
        }
    }

    private final CaseDesk desk;
    private final Translations text;
    private final Translations caseText;
    private final Locale locale;
    private final Clock clock;
    private final DateTimeFormatter times;
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(Period.WEEK);
    private final ObservableList<ShareRow> byType = FXCollections.observableArrayList();
    private final ObservableList<ShareRow> byCaseworker = FXCollections.observableArrayList();
    // What the tables show: stable lines, so that switching week ⇄ month updates cells instead of rebuilding tables.
    private final de.amtsdesk.app.Lines<ShareRow> typeLines = new de.amtsdesk.app.Lines<>(ShareRow::key);
    private final de.amtsdesk.app.Lines<ShareRow> caseworkerLines = new de.amtsdesk.app.Lines<>(ShareRow::key);
    private final ObservableList<BreachRow> breaches = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private SlaReport report;
    private Period shownPeriod;
    private final java.util.concurrent.Executor background;
    private final java.util.concurrent.Executor ui;
    private final java.util.concurrent.atomic.AtomicBoolean computing = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicBoolean again = new java.util.concurrent.atomic.AtomicBoolean();
    /** What the breach list is once every computed report is shown (the computing thread's only). */
    private List<BreachRow> plannedBreaches = List.of();
    /** Breaches seen so far (reference + target); null until the first report, whose breaches are not news. */
    /** Breaches seen so far (reference|target); read and replaced by the one computing thread at a time. */
    private volatile java.util.Set<String> knownBreaches;
    private java.util.function.Consumer<List<BreachRow>> newBreaches = rows -> { };

    /** Computing on the calling thread (tests). */
    public SlaReportViewModel(CaseDesk desk, Translations text, Translations caseText, Locale locale, ZoneId zone,
            Clock clock) {
        this(desk, text, caseText, locale, zone, clock, Runnable::run, Runnable::run);
    }

    public SlaReportViewModel(CaseDesk desk, Translations text, Translations caseText, Locale locale, ZoneId zone,
            Clock clock, java.util.concurrent.Executor background, java.util.concurrent.Executor ui) {
        this.background = background;
        this.ui = ui;
        this.desk = desk;
        this.text = text;
        this.caseText = caseText;
        this.locale = locale;
        this.clock = clock;
        this.times = LocalFormats.dateTime(locale, zone);
        period.addListener((obs, old, now) -> refresh());
    }

    /**
     * Computes the report for the chosen period as the book stands now: in the background when executors were given
     * (over 50,000 cases it takes seconds, which on the FX thread froze the window), then shown on the FX thread. A
     * request while one is computing is folded into one more run after it.
     */
    public void refresh() {
        Period chosen = period.get();
        if (!computing.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            background.execute(() -> computeAndShow(chosen));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The window is closing (its background executor is shut down) while the desk's minute timer still
            // ticks: nothing to show any more. Thrown on the FX thread it would surface in whatever runs next there.
            computing.set(false);
            again.set(false);
        }
    }

    private void computeAndShow(Period chosen) {
        Computed computed;
        try {
            computed = compute(chosen);
        } catch (RuntimeException e) {
            computing.set(false);
            throw e;
        }
        ui.execute(() -> {
            show(computed, chosen);
            computing.set(false);
            if (again.getAndSet(false) || period.get() != chosen) {
                refresh();
            }
        });
    }

    private record Computed(SlaReport report, String heading, List<ShareRow> byType, List<ShareRow> byCaseworker,
            KeyedList.Plan<BreachRow> breachEdits, java.util.Set<String> knownAfter, List<BreachRow> fresh) {
    }

    private Computed compute(Period chosen) {
        var calendar = desk.book().policy().sla().calendar();
        ReportPeriod span = chosen == Period.MONTH ? ReportPeriod.thisMonth(clock, calendar)
                : ReportPeriod.thisWeek(clock, calendar);
        SlaReport computed = new CaseQueries(desk.book()).slaReport(span, clock);
        DateTimeFormatter days = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(calendar.zone());
        String title = text.get(chosen == Period.MONTH ? "lead.sla.month" : "lead.sla.week",
                days.format(span.from()), days.format(span.until().minusSeconds(1)));
        List<BreachRow> breachRows = computed.breaches().stream().map(this::breachRow).toList();
        // Which breaches are new is worked out here too: thousands of them were keyed on the FX thread.
        java.util.Set<String> known = knownBreaches;
        java.util.Set<String> now = new java.util.HashSet<>();
        List<BreachRow> fresh = new java.util.ArrayList<>();
        for (BreachRow row : breachRows) {
            String key = row.key();
            now.add(key);
            if (known != null && !known.contains(key)) {
                fresh.add(row);
            }
        }
        if (known != null) {
            now.addAll(known);
        }
        // The list's edits are worked out here as well, on what the list will be once the previous report is shown
        // (one report computes at a time, and they are shown in order): over thousands of breaches the diff took
        // milliseconds on the FX thread per switch.
        KeyedList.Plan<BreachRow> breachEdits = KeyedList.plan(plannedBreaches, breachRows, BreachRow::key, 100);
        plannedBreaches = breachEdits.result();
        return new Computed(computed, title,
                computed.byCaseType().stream().map(t -> shareRow(t.key(), typeName(t.key()), t)).toList(),
                computed.byCaseworker().stream().map(t -> shareRow(t.key(), personName(t.key()), t)).toList(),
                breachEdits, java.util.Set.copyOf(now), List.copyOf(fresh));
    }

    private void show(Computed computed, Period chosen) {
        // Another period brings other breaches, none of them news: only a report of the same period announces.
        boolean samePeriod = chosen == shownPeriod;
        shownPeriod = chosen;
        report = computed.report();
        heading.set(computed.heading());
        byType.setAll(computed.byType());
        byCaseworker.setAll(computed.byCaseworker());
        typeLines.show(computed.byType());
        caseworkerLines.show(computed.byCaseworker());
        // Row by row when few changed (the same period again after a sync batch): a ListView handles a setAll by
        // building all its cells anew.
        computed.breachEdits().applyTo(breaches);
        tellNewBreaches(computed, samePeriod);
    }

    /**
     * Told the breaches that appeared since the last report (a target missed while the lead was signed in), so the
     * lead is notified once per breach; those already there at sign-in are in the report, not announced.
     */
    public void onNewBreaches(java.util.function.Consumer<List<BreachRow>> listener) {
        this.newBreaches = java.util.Objects.requireNonNull(listener, "listener");
    }

    private void tellNewBreaches(Computed computed, boolean announce) {
        knownBreaches = computed.knownAfter();
        if (announce && !computed.fresh().isEmpty()) {
            newBreaches.accept(computed.fresh());
        }
    }

    private String typeName(String key) {
        return key == null || key.equals(Workload.UNTYPED) ? caseText.get("case.untyped")
                : desk.catalogue().nameOf(key, locale);
    }

    private String personName(String userId) {
        return userId == null || userId.equals(SlaReport.UNASSIGNED) ? caseText.get("case.unassigned")
                : desk.book().staffRoom().displayName(userId);
    }

    private ShareRow shareRow(String key, String name, SlaTally tally) {
        String first = share(tally.share(SlaTarget.FIRST_RESPONSE));
        String next = share(tally.share(SlaTarget.NEXT_RESPONSE));
        String resolution = share(tally.share(SlaTarget.RESOLUTION));
        return new ShareRow(key, name, first, next, resolution, text.get("lead.sla.row", name,
                caseText.get(SlaTarget.FIRST_RESPONSE.messageKey()), first,
                caseText.get(SlaTarget.NEXT_RESPONSE.messageKey()), next,
                caseText.get(SlaTarget.RESOLUTION.messageKey()), resolution));
    }

    private String share(SlaShare share) {
        return share.metShare().isEmpty() ? "–" : text.get("lead.sla.share", share.met(), share.total(),
                Math.round(share.metShare().getAsDouble() * 100));
    }

    private BreachRow breachRow(SlaBreach b) {
        String type = typeName(b.caseType());
        String who = personName(b.assignee());
        String target = caseText.get(b.target().messageKey());
        String due = times.format(b.due());
        String met = b.met() == null ? text.get("lead.sla.notMet") : times.format(b.met());
        return new BreachRow(b.reference(), type, who, target, due, met,
                text.get("lead.sla.breach", b.reference(), type, who, target, due, met));
    }

    /** The report as CSV (semicolon-separated, as German spreadsheets expect): shares, then the breaches. */
    public String csv() {
        if (report == null) {
            refresh();
        }
        StringBuilder out = new StringBuilder();
        out.append(line(text.get("lead.sla.csv.group"), text.get("lead.sla.csv.name"),
                caseText.get(SlaTarget.FIRST_RESPONSE.messageKey()), caseText.get(SlaTarget.NEXT_RESPONSE.messageKey()),
                caseText.get(SlaTarget.RESOLUTION.messageKey())));
        for (ShareRow row : byType) {
            out.append(line(text.get("lead.sla.csv.type"), row.name(), row.firstResponse(), row.nextResponse(),
                    row.resolution()));
        }
        for (ShareRow row : byCaseworker) {
            out.append(line(text.get("lead.sla.csv.caseworker"), row.name(), row.firstResponse(),
                    row.nextResponse(), row.resolution()));
        }
        out.append("\r\n").append(line(text.get("lead.sla.csv.reference"), text.get("lead.sla.csv.typeColumn"),
                text.get("lead.sla.csv.assignee"), text.get("lead.sla.csv.target"), text.get("lead.sla.csv.due"),
                text.get("lead.sla.csv.met")));
        for (BreachRow b : breaches) {
            out.append(line(b.reference(), b.type(), b.assignee(), b.target(), b.due(), b.met()));
        }
        return out.toString();
    }

    private static String line(String... cells) {
        List<String> quoted = new ArrayList<>();
        for (String cell : cells) {
            // A cell starting with = + - @ would be a formula in a spreadsheet: citizens' words never are.
            String safe = cell.matches("^[=+\\-@].*") && !cell.equals("–") ? "'" + cell : cell;
            quoted.add(safe.matches(".*[;\"\\r\\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe);
        }
        return String.join(";", quoted) + "\r\n";
    }

    /** Saves the CSV where the lead says (UTF-8 with BOM, so spreadsheets read the umlauts). */
    public void export(ReportFiles files) {
        String name = "sla-" + (period.get() == Period.MONTH ? "monat" : "woche") + "-"
                + DateTimeFormatter.ISO_LOCAL_DATE.withZone(desk.book().policy().sla().calendar().zone())
                        .format(clock.instant()) + ".csv";
        Optional<Path> target = files.chooseCsv(name);
        if (target.isEmpty()) {
            return;
        }
        try {
            Files.writeString(target.get(), "\uFEFF" + csv(), StandardCharsets.UTF_8);
            message.set(text.get("lead.sla.exported", target.get().toString()));
        } catch (IOException e) {
            message.set(text.get("lead.sla.exportFailed", target.get().toString()));
        }
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ObservableList<ShareRow> byType() {
        return byType;
    }

    public ObservableList<ShareRow> byCaseworker() {
        return byCaseworker;
    }

    /** {@link #byType()} as its table shows it (see {@link de.amtsdesk.app.Lines}). */
    public ObservableList<de.amtsdesk.app.Line<ShareRow>> typeLines() {
        return typeLines.shown();
    }

    /** {@link #byCaseworker()} as its table shows it. */
    public ObservableList<de.amtsdesk.app.Line<ShareRow>> caseworkerLines() {
        return caseworkerLines.shown();
    }

    public ObservableList<BreachRow> breaches() {
        return breaches;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
