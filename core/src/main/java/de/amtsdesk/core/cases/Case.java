package de.amtsdesk.core.cases;

import de.amtsdesk.core.cases.sla.CaseSla;
import de.amtsdesk.core.cases.sla.SlaCalculator;
import de.amtsdesk.core.cases.sla.SlaPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One citizen conversation as the unit works it. Immutable: the fold builds a new {@code Case} for every change
 * and swaps it in whole, so a reader never sees half a change. {@code id} is the event ID of the
 * {@code created} event (unique, assigned by the homeserver). {@code type} and {@code assignee} are null while
 * unset; {@code status} and {@code sla} are derived from the timeline.
 */
public record Case(String id, String roomId, String citizenId, String citizenName, String reference,
        Instant createdAt, String createdBy, String type, CaseStatus status, String assignee,
        SortedSet<String> tags, List<Note> notes, CaseTimeline timeline, CaseSla sla) {

    public Case {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(status, "status");
        tags = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(tags));
        notes = List.copyOf(notes);
    }

    static Case opened(String id, String roomId, String citizenId, String citizenName, String reference,
            Instant createdAt, String createdBy, CaseTimeline timeline, SlaPolicy policy) {
        return new Case(id, roomId, citizenId, citizenName, reference, createdAt, createdBy, null,
                CaseStatus.UNTRIAGED, null, new TreeSet<>(), List.of(), timeline, null).derive(timeline, policy);
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
        CaseSla clocks = SlaCalculator.compute(newTimeline.slaTimeline(), policy.targetsFor(type), policy.calendar());
        return new Case(id, roomId, citizenId, citizenName, reference, createdAt, createdBy, type,
                newTimeline.effectiveStatus(), assignee, tags, notes, newTimeline, clocks);
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

    Case withTags(SortedSet<String> newTags) {
        return new Case(id, roomId, citizenId, citizenName, reference, createdAt, createdBy, type, status,
                assignee, newTags, notes, timeline, sla);
    }

    Case withNote(Note note) {
        List<Note> more = new ArrayList<>(notes);
        more.add(note);
        return new Case(id, roomId, citizenId, citizenName, reference, createdAt, createdBy, type, status,
                assignee, tags, more, timeline, sla);
    }
}
