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

    /** A staff member an event names (whose settings change, or who stands in) must be in the staff room. */
    void requireInRoom(String userId) throws InvalidStaffEvent {
        if (!room.isMember(userId)) {
            throw new InvalidStaffEvent(Rejection.UNKNOWN_MEMBER, userId + " is not in the staff room");
        }
    }

    /** A deputy is in the room and not absent themselves (cases handed to an absent deputy would sit still). */
    void requireDeputy(String deputy, UnitRoster roster) throws InvalidStaffEvent {
        requireInRoom(deputy);
        if (roster.member(deputy).absent()) {
            throw new InvalidStaffEvent(Rejection.INVALID_DEPUTY, deputy + " is absent and cannot stand in");
        }
    }

    boolean isLead(String sender) {
        return room.levelOf(sender) >= leadLevel;
    }

    /**
     * Ownership (ADR 0014): on an assigned case only the assignee or a lead changes the status; on an unassigned
     * one any member may (triage, closing spam). Notes stay open to everyone.
     */
    void requireAssigneeOrLead(String sender, Case target) throws InvalidStaffEvent {
        if (target.isAssigned() && !target.isAssignedTo(sender) && !isLead(sender)) {
            throw new InvalidStaffEvent(Rejection.NOT_THE_ASSIGNEE, target.reference() + " is held by "
                    + target.assignee() + "; " + sender + " may add notes or take it over");
        }
    }

    /**
     * Taking over someone else's case: any member (unless the room raises the level for the type), if the unit
     * lets caseworkers take cases at all; the holder named must still hold it, so a take-over never overrides a
     * change its sender had not seen.
     */
    void requireMayTakeOver(String sender, CaseCommand.TakeOver command, Case target) throws InvalidStaffEvent {
        require(sender, StaffEventTypes.TAKEOVER, MEMBER_LEVEL);
        if (!policy.takeUnassigned() && !isLead(sender)) {
            throw new InvalidStaffEvent(Rejection.INSUFFICIENT_POWER,
                    "the unit does not let caseworkers take cases themselves");
        }
        if (target.isClosed()) {
            throw new InvalidStaffEvent(Rejection.INVALID_TRANSITION, target.reference() + " is closed");
        }
        if (target.isAssignedTo(sender)) {
            throw new InvalidStaffEvent(Rejection.INVALID_TRANSITION, sender + " already holds " + target.reference());
        }
        if (!target.isAssignedTo(command.from())) {
            throw new InvalidStaffEvent(Rejection.ALREADY_ASSIGNED, target.reference() + " is held by "
                    + (target.isAssigned() ? target.assignee() : "nobody") + ", not " + command.from());
        }
    }
}
