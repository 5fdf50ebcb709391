package de.amtsdesk.app.queue;

import java.util.List;

/** One row of the queue list: a group heading, a case, or a search hit. Rows are values; {@link #key()} is stable. */
public sealed interface QueueEntry {

    String key();

    /** What a screen reader says for the row. */
    String accessibleText();

    /**
     * A heading: level 0 a life situation (or "new, no type"), level 1 a service under it. Headings are part of the
     * list so the grouping reads in order, but selecting one opens nothing.
     */
    record Header(String key, int level, String title, int count, int unread, String accessibleText)
            implements QueueEntry {
    }

    /**
     * A case. {@code urgency} drives the colour; the text says the same, colour is never the only signal.
     *
     * <p>The citizen's name as shown, the due text and the spoken text are worded when first asked for, by the
     * projection's {@link Wording}: a queue of 10,000 cases shows some thirty of them at a time, and wording every row
     * up front (the name check against the staff, a date format and a message format per row) was most of the
     * projection's time at start. Two rows are equal when their facts and their wording rules are, which is when they
     * read the same: the list replaces only rows that differ.
     */
    final class CaseRow implements QueueEntry {

        /** What a case row is made of, before wording. {@code dueAt} is null when no time is due. */
        public record Facts(String key, String roomId, String reference, String citizenName, String citizenId,
                String typeName, String status, String assignee, java.time.Instant dueAt, Urgency urgency,
                int unread) {
        }

        /** Words a row's citizen, due time and spoken text; safe to call from any thread. */
        public interface Wording {
            String citizen(Facts facts);

            String due(Facts facts);

            String spoken(Facts facts, String citizen, String due);
        }

        private final Facts facts;
        private final Wording wording;
        // Worded once on first use. A race words a row twice to the same immutable String, as String.hashCode does.
        private String citizen;
        private String due;
        private String accessibleText;

        public CaseRow(Facts facts, Wording wording) {
            this.facts = java.util.Objects.requireNonNull(facts);
            this.wording = java.util.Objects.requireNonNull(wording);
        }

        /** The same case with another unread count (opening a case, a new citizen message). */
        public CaseRow withUnread(int unread) {
            Facts f = facts;
            return unread == f.unread() ? this : new CaseRow(new Facts(f.key(), f.roomId(), f.reference(),
                    f.citizenName(), f.citizenId(), f.typeName(), f.status(), f.assignee(), f.dueAt(), f.urgency(),
                    unread), wording);
        }

        public Facts facts() {
            return facts;
        }

        @Override
        public String key() {
            return facts.key();
        }

        public String caseId() {
            return facts.key();
        }

        public String roomId() {
            return facts.roomId();
        }

        public String reference() {
            return facts.reference();
        }

        /** The citizen's name as shown: cleaned, and with the user ID when it imitates the agency or a caseworker. */
        public String citizen() {
            String worded = citizen;
            if (worded == null) {
                worded = wording.citizen(facts);
                citizen = worded;
            }
            return worded;
        }

        public String typeName() {
            return facts.typeName();
        }

        public String status() {
            return facts.status();
        }

        public String assignee() {
            return facts.assignee();
        }

        /** The due text ("fällig …", "überfällig seit …", "pausiert"), or empty. */
        public String due() {
            String worded = due;
            if (worded == null) {
                worded = wording.due(facts);
                due = worded;
            }
            return worded;
        }

        public Urgency urgency() {
            return facts.urgency();
        }

        public int unread() {
            return facts.unread();
        }

        @Override
        public String accessibleText() {
            String worded = accessibleText;
            if (worded == null) {
                worded = wording.spoken(facts, citizen(), due());
                accessibleText = worded;
            }
            return worded;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CaseRow row && facts.equals(row.facts) && wording.equals(row.wording);
        }

        @Override
        public int hashCode() {
            return facts.hashCode();
        }

        @Override
        public String toString() {
            return "CaseRow[" + facts + "]";
        }
    }

    /** A full-text match. {@code highlights} are [start, end) ranges of the query's words in {@code text}. */
    record Hit(String key, String caseId, String reference, String where, String text, List<int[]> highlights,
            String accessibleText) implements QueueEntry {

        public Hit {
            highlights = List.copyOf(highlights);
        }

        /**
         * By content, the marked ranges included: the list only replaces rows that differ, and while the caseworker
         * types on, the same message stays the same hit with longer marks (equality without them left the first
         * keystroke's marks on screen and in the spoken text).
         */
        @Override
        public boolean equals(Object other) {
            return other instanceof Hit hit && key.equals(hit.key) && text.equals(hit.text)
                    && java.util.Objects.equals(caseId, hit.caseId)
                    && java.util.Objects.equals(reference, hit.reference)
                    && java.util.Objects.equals(where, hit.where)
                    && java.util.Objects.equals(accessibleText, hit.accessibleText)
                    && sameRanges(highlights, hit.highlights);
        }

        private static boolean sameRanges(List<int[]> a, List<int[]> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return key.hashCode();
        }
    }

    enum Urgency { NONE, DUE_SOON, OVERDUE, PAUSED }
}
