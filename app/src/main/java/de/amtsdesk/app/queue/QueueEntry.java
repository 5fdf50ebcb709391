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

    /** A case. {@code urgency} drives the colour; the text says the same, colour is never the only signal. */
    record CaseRow(String key, String roomId, String reference, String citizen, String typeName, String status,
            String assignee, String due, Urgency urgency, int unread, String accessibleText) implements QueueEntry {

        public String caseId() {
            return key;
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
