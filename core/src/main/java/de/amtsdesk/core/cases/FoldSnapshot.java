package de.amtsdesk.core.cases;

import de.amtsdesk.core.cases.templates.ReplyTemplate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the fold knows, as plain immutable values: what the store saves so that a restarted client resumes
 * folding after {@code lastStaffEventId} instead of replaying the whole staff log. Restoring it and folding the
 * remaining events gives the same book as folding everything from the start.
 */
public record FoldSnapshot(List<Case> cases, Map<String, List<Moment>> pendingRoomMoments,
        Map<String, Long> referenceCounters, UnitPolicy policy, StaffRoom staffRoom, List<ReplyTemplate> templates,
        List<Macro> macros, List<UnitMember> unitMembers, List<NoticeSignOff> noticeSignOffs,
        List<NoticeDelivery> noticeDeliveries, Set<String> seenEventIds, long staffOrder, String lastStaffEventId) {

    public FoldSnapshot {
        unitMembers = List.copyOf(unitMembers);
        noticeSignOffs = List.copyOf(noticeSignOffs);
        noticeDeliveries = List.copyOf(noticeDeliveries);
        cases = List.copyOf(cases);
        pendingRoomMoments = Map.copyOf(pendingRoomMoments);
        referenceCounters = Map.copyOf(referenceCounters);
        templates = List.copyOf(templates);
        macros = List.copyOf(macros);
        seenEventIds = Set.copyOf(seenEventIds);
    }

    /** A snapshot from before notice delivery evidence existed (ADR 0017): none. */
    public FoldSnapshot(List<Case> cases, Map<String, List<Moment>> pendingRoomMoments,
            Map<String, Long> referenceCounters, UnitPolicy policy, StaffRoom staffRoom, List<ReplyTemplate> templates,
            List<Macro> macros, List<UnitMember> unitMembers, List<NoticeSignOff> noticeSignOffs,
            Set<String> seenEventIds, long staffOrder, String lastStaffEventId) {
        this(cases, pendingRoomMoments, referenceCounters, policy, staffRoom, templates, macros, unitMembers,
                noticeSignOffs, List.of(), seenEventIds, staffOrder, lastStaffEventId);
    }

    /** A snapshot from before notice sign-offs existed (ADR 0017): none. */
    public FoldSnapshot(List<Case> cases, Map<String, List<Moment>> pendingRoomMoments,
            Map<String, Long> referenceCounters, UnitPolicy policy, StaffRoom staffRoom, List<ReplyTemplate> templates,
            List<Macro> macros, List<UnitMember> unitMembers, Set<String> seenEventIds, long staffOrder,
            String lastStaffEventId) {
        this(cases, pendingRoomMoments, referenceCounters, policy, staffRoom, templates, macros, unitMembers, List.of(),
                seenEventIds, staffOrder, lastStaffEventId);
    }

    /** A snapshot without member settings (ADR 0014): every member unrestricted. */
    public FoldSnapshot(List<Case> cases, Map<String, List<Moment>> pendingRoomMoments,
            Map<String, Long> referenceCounters, UnitPolicy policy, StaffRoom staffRoom, List<ReplyTemplate> templates,
            List<Macro> macros, Set<String> seenEventIds, long staffOrder, String lastStaffEventId) {
        this(cases, pendingRoomMoments, referenceCounters, policy, staffRoom, templates, macros, List.of(),
                seenEventIds, staffOrder, lastStaffEventId);
    }

    /** A snapshot from before macros existed (ADR 0013): no macros. */
    public FoldSnapshot(List<Case> cases, Map<String, List<Moment>> pendingRoomMoments,
            Map<String, Long> referenceCounters, UnitPolicy policy, StaffRoom staffRoom, List<ReplyTemplate> templates,
            Set<String> seenEventIds, long staffOrder, String lastStaffEventId) {
        this(cases, pendingRoomMoments, referenceCounters, policy, staffRoom, templates, List.of(), seenEventIds,
                staffOrder, lastStaffEventId);
    }
}
