package de.amtsdesk.core.cases;

import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a lead has said about one caseworker (ADR 0014): how many open cases they take at most, which case types
 * they handle, and whether they are absent (and who stands in). A member no lead has said anything about has
 * {@link #unrestricted} settings: no limit, every type, present.
 *
 * @param maxOpenCases null for no limit; otherwise 0 or more (0: takes no new cases)
 * @param caseTypes    null for every case type; otherwise the service keys or dotted key prefixes they handle
 *                     ({@code meldewesen} covers {@code meldewesen.anmeldung}); empty means none
 * @param deputy       who stands in while absent, or null; only set while absent
 */
public record UnitMember(String userId, Integer maxOpenCases, SortedSet<String> caseTypes, boolean absent,
        String deputy) {

    public UnitMember {
        Objects.requireNonNull(userId, "userId");
        if (maxOpenCases != null && maxOpenCases < 0) {
            throw new IllegalArgumentException("maxOpenCases must not be negative: " + maxOpenCases);
        }
        caseTypes = caseTypes == null ? null : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(caseTypes));
        if (deputy != null && (!absent || deputy.equals(userId))) {
            throw new IllegalArgumentException("a deputy stands in only for an absent member, never for themselves");
        }
    }

    public static UnitMember unrestricted(String userId) {
        return new UnitMember(userId, null, null, false, null);
    }

    /** Whether a case of this type is within the member's competence (an untyped case needs "every type"). */
    public boolean handles(String caseType) {
        if (caseTypes == null) {
            return true;
        }
        if (caseType == null) {
            return false;
        }
        for (String handled : caseTypes) {
            if (de.amtsdesk.core.cases.catalogue.CaseTypeScope.covers(handled, caseType)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one more case fits, given how many open cases the member holds now. */
    public boolean hasRoomFor(int openCases) {
        return maxOpenCases == null || openCases < maxOpenCases;
    }

    /** The same settings, absent with a deputy (a handover keeps capacity and competence). */
    UnitMember absentWith(String newDeputy) {
        return new UnitMember(userId, maxOpenCases, caseTypes, true, newDeputy);
    }

    /** Case types as the audit and the wire show them: sorted, comma-separated, "*" for every type. */
    String caseTypesText() {
        return caseTypes == null ? "*" : String.join(",", List.copyOf(caseTypes));
    }
}
