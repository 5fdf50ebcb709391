package de.amtsdesk.core.cases;

import de.amtsdesk.core.cases.sla.CaseSla;
import de.amtsdesk.core.cases.sla.SlaCalculator;
import de.amtsdesk.core.cases.sla.SlaPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One citizen conversation as the unit works it. Immutable: the fold builds a new {@code Case} for every change
 * and swaps it in whole, so a reader never sees half a change. {@code id} is the event ID of the
 * {@code created} event (unique, assigned by the homeserver). {@code type} and {@code assignee} are null while
 * unset; {@code status} and {@code sla} are derived from the timeline.
 */
public record Case(String id, String roomId, String citizenId, String citizenName, String reference,
        Instant createdAt, String createdBy, String type, CaseStatus status, String assignee,
        List<String> tags, List<Note> notes, CaseTimeline timeline, CaseSla sla) {

    public Case {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(status, "status");
        // Sorted and unique; List.copyOf keeps an already immutable list as is, so unchanged tags cost nothing.
        tags = sortedAndUnique(tags) ? List.copyOf(tags) : List.copyOf(new TreeSet<>(tags));
        notes = List.copyOf(notes);
    }

    private static boolean sortedAndUnique(List<String> values) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i - 1).compareTo(values.get(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    static Case opened(String id, String roomId, String citizenId, String citizenName, String reference,
            Instant createdAt, String createdBy, CaseTimeline timeline, SlaPolicy policy) {
        return new Case(id, roomId, citizenId, citizenName, reference, createdAt, createdBy, null,
                CaseStatus.UNTRIAGED, null, List.of(), List.of(), timeline, null).derive(timeline, policy);
    }

    public boolean isTyped() {
        return type != null;
    }

    public boolean isAssigned() {
        return assignee != null;
    }

    public boolean isAssignedTo(String userId) {
        return userId != null && userId.equals(assignee);
    }

    public boolean isClosed() {
        return status == CaseStatus.CLOSED;
    }

    public boolean overdueAt(Instant now) {
        return !isClosed() && sla.overdueAt(now);
    }

    /** Whether any SLA clock is past due by the given clock (the UI's, or a fixed one in tests). */
    public boolean overdue(java.time.Clock clock) {
        return overdueAt(clock.instant());
    }

    /** The earliest pending due time, for sorting the queue. */
    public Optional<Instant> nextDue() {
        return sla.nextDue();
    }

    /** Recomputes the effective status and SLA clocks from a (new) timeline. */
    Case derive(CaseTimeline newTimeline, SlaPolicy policy) {
        CaseTimeline.Derived derived = newTimeline.derive();
        CaseSla clocks = SlaCalculator.compute(derived.sla(), policy.targetsFor(type), policy.calendar());
        return new Case(id, roomId, citizenId, citizenName, reference, createdAt, createdBy, type,
                derived.status(), assignee, tags, notes, newTimeline, clocks);
    }

    /** Callers derive afterwards: the type decides the SLA targets. */
    Case withType(String newType) {
        return new Case(id, roomId, citizenId, citizenName, reference, createdAt, createdBy, newType, status,
                assignee, tags, notes, timeline, sla);
    }

    Case withAssignee(String newAssignee) {
        return new Case(id, roomId, citizenId, citizenName, reference, createdAt, createdBy, type, status,
                newAssignee, tags, notes, timeline, sla);
    }

    Case withTags(java.util.Collection<String> newTags) {
        return new Case(id, roomId, citizenId, citizenName, reference, createdAt, createdBy, type, status,
                assignee, List.copyOf(new TreeSet<>(newTags)), notes, timeline, sla);
    }

    Case withNote(Note note) {
        List<Note> more = new ArrayList<>(notes);
        more.add(note);
        return new Case(id, roomId, citizenId, citizenName, reference, createdAt, createdBy, type, status,
                assignee, tags, more, timeline, sla);
    }
}
