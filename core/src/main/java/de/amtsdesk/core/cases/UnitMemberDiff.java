package de.amtsdesk.core.cases;

import de.amtsdesk.core.cases.audit.FieldChange;
import java.util.ArrayList;
import java.util.List;

/** The audit's field changes between two settings of one member, named {@code member.<user ID>.<field>}. */
final class UnitMemberDiff {

    private UnitMemberDiff() {
    }

    static List<FieldChange> between(UnitMember before, UnitMember after) {
        String prefix = "member." + after.userId() + ".";
        List<FieldChange> changes = new ArrayList<>();
        CaseDiff.add(changes, prefix + "maxOpenCases", text(before.maxOpenCases()), text(after.maxOpenCases()));
        CaseDiff.add(changes, prefix + "caseTypes", before.caseTypesText(), after.caseTypesText());
        CaseDiff.add(changes, prefix + "absent", String.valueOf(before.absent()), String.valueOf(after.absent()));
        CaseDiff.add(changes, prefix + "deputy", before.deputy(), after.deputy());
        return changes;
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }
}
