package de.amtsdesk.core.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lead's settings for every caseworker of the unit, as folded from {@code de.amtsdesk.case.member} and
 * {@code handover} events. Immutable; the fold replaces it whole. Who is in the unit at all is the staff room's
 * membership ({@link StaffRoom}); the roster only adds what a lead said about them.
 */
public final class UnitRoster {

    private static final UnitRoster EMPTY = new UnitRoster(Map.of());

    // Sorted, so that the snapshot and every listing come out in the same order on every client.
    private final Map<String, UnitMember> members;

    private UnitRoster(Map<String, UnitMember> members) {
        this.members = members;
    }

    public static UnitRoster empty() {
        return EMPTY;
    }

    public static UnitRoster of(Collection<UnitMember> members) {
        Map<String, UnitMember> sorted = new TreeMap<>();
        members.forEach(m -> sorted.put(m.userId(), m));
        return new UnitRoster(java.util.Collections.unmodifiableMap(sorted));
    }

    /** The member's settings; unrestricted when no lead has set any. */
    public UnitMember member(String userId) {
        UnitMember member = members.get(userId);
        return member == null ? UnitMember.unrestricted(userId) : member;
    }

    /** Members a lead has set something for, by user ID. */
    public List<UnitMember> all() {
        return List.copyOf(members.values());
    }

    UnitRoster with(UnitMember member) {
        List<UnitMember> next = new ArrayList<>(members.values());
        next.removeIf(m -> m.userId().equals(member.userId()));
        next.add(member);
        return of(next);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnitRoster roster && roster.members.equals(members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return "UnitRoster" + members.values();
    }
}
