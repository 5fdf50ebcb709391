package de.amtsdesk.core.cases;

import de.amtsdesk.core.cases.audit.Rejection;
import de.amtsdesk.core.cases.log.StaffEventTypes;

/**
 * Who may do what, judged against the staff room at the event's place in the log. The room's power levels are
 * enforced by the homeserver for state changes; for the encrypted case events the fold applies them here.
 *
 * @param leadLevel the configured lead threshold, used where the room names no level for an event type
 */
record Permissions(StaffRoom room, UnitPolicy policy, int leadLevel) {

    /** Events anyone in the room may send unless the room raises their level. */
    static final int MEMBER_LEVEL = 0;

    void requireMember(String sender) throws InvalidStaffEvent {
        if (!room.isMember(sender)) {
            throw new InvalidStaffEvent(Rejection.NOT_A_MEMBER, sender + " is not in the staff room");
        }
    }

    /** The room may name a level for the type itself; otherwise {@code defaultLevel} applies. */
    void require(String sender, String type, int defaultLevel) throws InvalidStaffEvent {
        int required = room.powerLevels().requiredFor(type).orElse(defaultLevel);
        int level = room.levelOf(sender);
        if (level < required) {
            throw new InvalidStaffEvent(Rejection.INSUFFICIENT_POWER,
                    sender + " has level " + level + ", " + type + " needs " + required);
        }
    }

    void requireLead(String sender, String type) throws InvalidStaffEvent {
        require(sender, type, leadLevel);
    }

    /**
     * Leads assign anything to any member. Anyone else may only take a single unassigned case for themselves,
     * and only when the unit policy allows it.
     */
    void requireMayAssign(String sender, CaseCommand.AssignCases command, Case firstTarget) throws InvalidStaffEvent {
        if (command.assignee() != null && !room.isMember(command.assignee())) {
            throw new InvalidStaffEvent(Rejection.UNKNOWN_ASSIGNEE, command.assignee() + " is not in the staff room");
        }
        int lead = room.powerLevels().requiredFor(StaffEventTypes.ASSIGNED).orElse(leadLevel);
        if (room.levelOf(sender) >= lead) {
            return;
        }
        boolean takingOne = command.caseIds().size() == 1 && sender.equals(command.assignee());
        if (!takingOne || !policy.takeUnassigned()) {
            throw new InvalidStaffEvent(Rejection.INSUFFICIENT_POWER, sender + " has level " + room.levelOf(sender)
                    + "; assigning needs level " + lead
                    + (policy.takeUnassigned() ? " (others may only take an unassigned case themselves)" : ""));
        }
        if (firstTarget.isAssigned() && !firstTarget.isAssignedTo(sender)) {
            throw new InvalidStaffEvent(Rejection.ALREADY_ASSIGNED, firstTarget.reference() + " is held by "
                    + firstTarget.assignee());
        }
    }
}
