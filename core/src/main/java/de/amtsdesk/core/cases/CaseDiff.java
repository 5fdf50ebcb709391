package de.amtsdesk.core.cases;

import de.amtsdesk.core.cases.audit.FieldChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The audit's before/after of a case change: only the fields that differ, as text. */
final class CaseDiff {

    private CaseDiff() {
    }

    static List<FieldChange> between(Case before, Case after) {
        List<FieldChange> changes = new ArrayList<>();
        if (before == null) {
            add(changes, "reference", null, after.reference());
            add(changes, "room", null, after.roomId());
            add(changes, "citizen", null, after.citizenId());
            add(changes, "status", null, after.status().wireName());
            return changes;
        }
        add(changes, "type", before.type(), after.type());
        add(changes, "status", before.status().wireName(), after.status().wireName());
        add(changes, "assignee", before.assignee(), after.assignee());
        if (!before.tags().equals(after.tags())) {
            add(changes, "tags", tags(before), tags(after));
        }
        if (after.notes().size() > before.notes().size()) {
            add(changes, "note", null, after.notes().getLast().text());
        }
        return changes;
    }

    static void add(List<FieldChange> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    private static String tags(Case c) {
        return c.tags().isEmpty() ? null : String.join(",", c.tags());
    }
}
