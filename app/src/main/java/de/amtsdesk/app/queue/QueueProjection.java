package de.amtsdesk.app.queue;

import de.amtsdesk.app.CitizenNames;
import de.amtsdesk.app.VisibleText;
import de.amtsdesk.app.workspace.LocalFormats;
import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseBook;
import de.amtsdesk.core.cases.Moment;
import de.amtsdesk.core.cases.StaffRoom;
import de.amtsdesk.core.cases.catalogue.PublicService;
import de.amtsdesk.core.cases.catalogue.ServiceCatalogue;
import de.amtsdesk.core.cases.query.CaseFilter;
import de.amtsdesk.core.cases.query.CaseQueries;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.staff.SearchIndex;
import java.time.Instant;
import java.time.ZoneId;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * Turns the case book into queue rows: grouped by life situation, then service, most urgent first inside a group.
 * A pure function of its inputs (no JavaFX, no I/O), so the window computes it off the FX thread and the benchmark
 * measures exactly what the window does.
 */
public final class QueueProjection {

    /** Compiled once: the search turns every hit's text and every query into words while the caseworker types. */
    private static final java.util.regex.Pattern WHITE_SPACE = java.util.regex.Pattern.compile("\\s+");

    private static final String UNKNOWN_GROUP = "?";
    private static final String HIT_KEYS = "queue.hit.";

    private final ServiceCatalogue catalogue;
    private final Translations appText;
    private final Translations caseText;
    private final Locale locale;
    private final DateTimeFormatter dueFormat;
    private RowWording wording;
    private StaffRoom wordingFor;

    public QueueProjection(ServiceCatalogue catalogue, Translations appText, Translations caseText, Locale locale,
            ZoneId zone) {
        this.catalogue = catalogue;
        this.appText = appText;
        this.caseText = caseText;
        this.locale = locale;
        this.dueFormat = LocalFormats.dateTime(locale, zone);
    }

    public List<QueueEntry> project(CaseBook book, CaseFilter filter, String me, Instant now, ReadMarkers read) {
        List<Case> cases = new CaseQueries(book).list(filter, me, now);
        Texts texts = new Texts();
        Map<String, Map<String, List<QueueEntry.CaseRow>>> grouped = new LinkedHashMap<>();
        List<QueueEntry.CaseRow> untyped = new ArrayList<>();
        // Each case's row once (its unread count with it); the headings add up the rows under them.
        // The staff room and its wording rule once per projection, not once per row (a lock and a check each).
        StaffRoom staff = book.staffRoom();
        RowWording wording = wording(staff);
        for (Case c : cases) {
            QueueEntry.CaseRow row = row(c, now, read, me, staff, wording);
            if (!c.isTyped()) {
                untyped.add(row);
                continue;
            }
            String group = catalogue.service(c.type()).map(PublicService::groupKey).orElse(UNKNOWN_GROUP);
            grouped.computeIfAbsent(group, g -> new LinkedHashMap<>()).computeIfAbsent(c.type(),
                    t -> new ArrayList<>()).add(row);
        }
        List<QueueEntry> rows = new ArrayList<>(cases.size() + 64);
        if (!untyped.isEmpty()) {
            addGroup(rows, "g:", 0, caseText.get("case.filter.new"), untyped, texts);
            rows.addAll(untyped);
        }
        List<String> groupOrder = new ArrayList<>(grouped.keySet());
        groupOrder.sort(Comparator.comparing(this::groupName));
        for (String group : groupOrder) {
            Map<String, List<QueueEntry.CaseRow>> services = grouped.get(group);
            List<QueueEntry.CaseRow> all = services.values().stream().flatMap(List::stream).toList();
            addGroup(rows, "g:" + group, 0, groupName(group), all, texts);
            List<String> serviceOrder = new ArrayList<>(services.keySet());
            serviceOrder.sort(Comparator.comparing(t -> catalogue.nameOf(t, locale)));
            for (String type : serviceOrder) {
                List<QueueEntry.CaseRow> inService = services.get(type);
                addGroup(rows, "s:" + type, 1, catalogue.nameOf(type, locale), inService, texts);
                rows.addAll(inService);
            }
        }
        return rows;
    }

    private String groupName(String groupKey) {
        if (UNKNOWN_GROUP.equals(groupKey)) {
            return appText.get("queue.group.other");
        }
        return catalogue.group(groupKey).map(g -> g.name(locale)).orElse(groupKey);
    }

    private void addGroup(List<QueueEntry> rows, String key, int level, String title, List<QueueEntry.CaseRow> cases,
            Texts texts) {
        int unread = 0;
        for (QueueEntry.CaseRow row : cases) {
            unread += row.unread();
        }
        String spoken = texts.get("queue.header.accessible", title, cases.size(), unread);
        rows.add(new QueueEntry.Header(key, level, title, cases.size(), unread, spoken));
    }

    /**
     * The app texts of one projection, each message pattern parsed once: {@link Translations#get} parses its
     * pattern on every call, which for 10,000 rows was most of the projection's time. Not shared between
     * projections, which may run at the same time ({@link MessageFormat} is not thread-safe).
     */
    private final class Texts {
        private final Map<String, MessageFormat> formats = new HashMap<>();

        String get(String key, Object... args) {
            MessageFormat format = formats.get(key);
            if (format == null) {
                try {
                    format = new MessageFormat(appText.bundle().getString(key), appText.bundle().getLocale());
                } catch (MissingResourceException e) {
                    return appText.get(key, args); // its placeholder for a missing text
                }
                formats.put(key, format);
            }
            return format.format(args);
        }
    }

    /**
     * The row as it reads once everything in its case has been shown: no unread badge, and a spoken text that says
     * so. Opening a case changes only this row and the headings above it, so the window patches them instead of
     * projecting the whole queue again.
     */
    public QueueEntry.CaseRow seen(QueueEntry.CaseRow row) {
        return row.withUnread(0);
    }

    /** A heading with {@code fewer} unread messages under it than before. */
    public QueueEntry.Header lessUnread(QueueEntry.Header header, int fewer) {
        int unread = Math.max(0, header.unread() - fewer);
        String spoken = new Texts().get("queue.header.accessible", header.title(), header.count(), unread);
        return new QueueEntry.Header(header.key(), header.level(), header.title(), header.count(), unread, spoken);
    }

    /** Citizen messages newer than what this workstation has shown of the room. */
    public static int unread(Case c, ReadMarkers read) {
        Instant seen = read.seenUntil(c.roomId());
        int count = 0;
        for (Moment m : c.timeline().moments()) {
            if (m.kind() == Moment.Kind.CITIZEN_MESSAGE && m.at().isAfter(seen)) {
                count++;
            }
        }
        return count;
    }

    /** The row's facts now; its citizen name, due text and spoken text are worded when shown ({@link RowWording}). */
    private QueueEntry.CaseRow row(Case c, Instant now, ReadMarkers read, String me, StaffRoom staff,
            RowWording wording) {
        String type = c.isTyped() ? catalogue.nameOf(c.type(), locale) : caseText.get("case.untyped");
        String status = caseText.get(c.status().messageKey());
        String assignee = !c.isAssigned() ? caseText.get("case.unassigned")
                : c.isAssignedTo(me) ? appText.get("queue.assignee.me")
                : staff.displayName(c.assignee());
        QueueEntry.Urgency urgency = urgency(c, now);
        Instant dueAt = switch (urgency) {
            case OVERDUE -> c.nextDue().orElse(now);
            case DUE_SOON, NONE -> c.nextDue().orElse(null);
            case PAUSED -> null;
        };
        return new QueueEntry.CaseRow(new QueueEntry.CaseRow.Facts(c.id(), c.roomId(), c.reference(),
                c.citizenName(), c.citizenId(), type, status, assignee, dueAt, urgency, unread(c, read)), wording);
    }

    /** The wording rule for this staff room, built once per change of the room, not once per row. */
    private synchronized RowWording wording(StaffRoom staff) {
        if (wording == null || wordingFor != staff) {
            RowWording next = new RowWording(CitizenNames.of(appText, staff));
            wording = next.equals(wording) ? wording : next; // the same members: rows stay equal to the shown ones
            wordingFor = staff;
        }
        return wording;
    }

    /**
     * Words case rows as this projection would: the citizen's name by the staff room's name rule, the due time in the
     * caseworker's language and zone, the spoken text. Equal for the same projection and the same reserved names, so
     * a row projected again reads the same and the list keeps it.
     */
    private final class RowWording implements QueueEntry.CaseRow.Wording {
        private final CitizenNames names;
        private final Texts texts = new Texts(); // guarded by this: MessageFormat is not thread-safe

        RowWording(CitizenNames names) {
            this.names = names;
        }

        @Override
        public String citizen(QueueEntry.CaseRow.Facts facts) {
            return names.show(facts.citizenName(), facts.citizenId());
        }

        @Override
        public synchronized String due(QueueEntry.CaseRow.Facts facts) {
            return switch (facts.urgency()) {
                case OVERDUE -> texts.get("queue.due.overdue", dueFormat.format(facts.dueAt()));
                case DUE_SOON, NONE -> facts.dueAt() == null ? ""
                        : texts.get("queue.due.at", dueFormat.format(facts.dueAt()));
                case PAUSED -> appText.get("queue.due.paused");
            };
        }

        @Override
        public synchronized String spoken(QueueEntry.CaseRow.Facts facts, String citizen, String due) {
            return texts.get("queue.case.accessible", facts.reference(), citizen, facts.typeName(), facts.status(),
                    facts.assignee(), due, facts.unread());
        }

        private QueueProjection owner() {
            return QueueProjection.this;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RowWording w && w.owner() == owner() && w.names.equals(names);
        }

        @Override
        public int hashCode() {
            return names.hashCode();
        }
    }

    static QueueEntry.Urgency urgency(Case c, Instant now) {
        if (c.isClosed()) {
            return QueueEntry.Urgency.NONE;
        }
        if (c.overdueAt(now)) {
            return QueueEntry.Urgency.OVERDUE;
        }
        if (c.status().pausesSla()) {
            return QueueEntry.Urgency.PAUSED;
        }
        return c.nextDue().filter(d -> d.isBefore(now.plus(CaseFilter.DUE_SOON))).isPresent()
                ? QueueEntry.Urgency.DUE_SOON : QueueEntry.Urgency.NONE;
    }

    /** Search hits as rows, with the query's words marked for highlighting. */
    public List<QueueEntry> hits(List<SearchIndex.Hit> hits, CaseBook book, String query) {
        List<String> words = List.of(WHITE_SPACE.split(query.toLowerCase(locale).strip()));
        List<QueueEntry> rows = new ArrayList<>();
        for (SearchIndex.Hit hit : hits) {
            String reference = hit.caseId() == null ? "" : book.find(hit.caseId()).map(Case::reference).orElse("");
            String where = appText.get(HIT_KEYS + hit.kind().name().toLowerCase(Locale.ROOT));
            String text = VisibleText.markBidiControls(snippet(hit.text(), words));
            rows.add(new QueueEntry.Hit(hit.eventId(), hit.caseId(), reference, where, text, ranges(text, words),
                    appText.get("queue.hit.accessible", reference, where, text)));
        }
        return rows;
    }

    /** At most 160 characters around the first match, so a 1 MB message does not become a 1 MB row. */
    static String snippet(String text, List<String> words) {
        String flat = WHITE_SPACE.matcher(text).replaceAll(" ");
        if (flat.length() <= 160) {
            return flat;
        }
        String lower = flat.toLowerCase(Locale.ROOT);
        int first = words.stream().mapToInt(lower::indexOf).filter(i -> i >= 0).min().orElse(0);
        int start = Math.max(0, first - 40);
        int end = Math.min(flat.length(), start + 160);
        return (start > 0 ? "…" : "") + flat.substring(start, end) + (end < flat.length() ? "…" : "");
    }

    static List<int[]> ranges(String text, List<String> words) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<int[]> ranges = new ArrayList<>();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            for (int i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + word.length())) {
                ranges.add(new int[] {i, i + word.length()});
            }
        }
        ranges.sort(Comparator.comparingInt(r -> r[0]));
        return ranges;
    }
}
