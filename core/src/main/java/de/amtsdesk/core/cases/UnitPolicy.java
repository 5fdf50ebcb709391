package de.amtsdesk.core.cases;

import de.amtsdesk.core.cases.sla.SlaPolicy;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Rules the whole unit shares, starting from local defaults and changed only by {@code de.amtsdesk.case.policy}
 * events from a team lead, so that every workstation applies the same rules to the same log.
 *
 * @param unitCode          short code of the unit, used in reference numbers ("BA")
 * @param referencePattern  how reference numbers look
 * @param takeUnassigned    whether caseworkers may take unassigned cases themselves
 * @param autoJoin          whether workstations join new citizen invites without asking
 * @param contact           the unit's contact line for reply templates ({unit.contact}); may be empty
 * @param sla               SLA targets and business calendar
 * @param letterhead        what the unit's notices print at the top; empty until a lead sets it
 */
public record UnitPolicy(String unitCode, ReferencePattern referencePattern, boolean takeUnassigned,
        boolean autoJoin, String contact, SlaPolicy sla, UnitLetterhead letterhead) {

    private static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9]{1,12}");

    public UnitPolicy {
        if (unitCode == null || !UNIT_CODE.matcher(unitCode).matches()) {
            throw new IllegalArgumentException("unit code must be 1 to 12 letters or digits: " + unitCode);
        }
        Objects.requireNonNull(referencePattern, "referencePattern");
        contact = contact == null ? "" : contact;
        if (contact.length() > 500) {
            throw new IllegalArgumentException("contact must be at most 500 characters");
        }
        Objects.requireNonNull(sla, "sla");
        letterhead = letterhead == null ? UnitLetterhead.EMPTY : letterhead;
    }

    /** Standard pattern, caseworkers may take cases, auto-join on, shipped SLA policy. */
    public static UnitPolicy defaults(String unitCode) {
        return new UnitPolicy(unitCode, ReferencePattern.standard(), true, true, "", SlaPolicy.standard(),
                UnitLetterhead.EMPTY);
    }
}
