package de.amtsdesk.core.cases.audit;

/**
 * Why the fold ignored a staff event. Every rejection is audited; none changes any state. The message key
 * ({@code audit.rejection.<name>}) is in the cases resource bundle.
 */
public enum Rejection {
    /** The content's {@code v} is not one this client reads. */
    UNSUPPORTED_VERSION,
    /** A required field is missing, has the wrong type, or an unknown field is present. */
    MALFORMED,
    /** A type in our namespace that this version does not know. */
    UNKNOWN_EVENT_TYPE,
    /** The sender is not a joined member of the staff room (a forged or stale sender). */
    NOT_A_MEMBER,
    /** The sender's power level is below what this change needs. */
    INSUFFICIENT_POWER,
    /** The event names a case this log has never created (or not yet: out of order). */
    UNKNOWN_CASE,
    /** The change does not fit the case's lifecycle (e.g. open before the case is typed). */
    INVALID_TRANSITION,
    /** The same event ID was delivered before. */
    DUPLICATE_EVENT,
    /** A second case for a citizen room that already has one (two clients created it at once). */
    DUPLICATE_ROOM,
    /** A caseworker tried to take a case that someone else holds already. */
    ALREADY_ASSIGNED,
    /** The assignee is not a joined member of the staff room. */
    UNKNOWN_ASSIGNEE,
    /** A template version not newer than the one in force. */
    STALE_TEMPLATE_VERSION,
    /** A macro version not newer than the one in force. */
    STALE_MACRO_VERSION,
    /** A staff member the event names (member settings, deputy) is not a joined member of the staff room. */
    UNKNOWN_MEMBER,
    /** The deputy is absent themselves, or is the absent member. */
    INVALID_DEPUTY,
    /** Someone other than the assignee (and not a lead) tried to change a case that is assigned (ADR 0014). */
    NOT_THE_ASSIGNEE,
    /** A member approved (or rejected) a notice draft whose sign-off they requested themselves (ADR 0017). */
    SELF_APPROVAL,
    /** An approval or rejection names a notice draft (hash) nobody requested sign-off for in this case. */
    UNKNOWN_NOTICE_DRAFT,
    /** The notice draft's sign-off was already approved or rejected; a changed draft needs a new request. */
    SIGN_OFF_ALREADY_DECIDED,
    /** A notice was reported sent whose draft was not approved by a second member in this case (ADR 0017). */
    NOTICE_NOT_APPROVED,
    /** A read receipt names a notice delivery that was never recorded, or comes from someone not the citizen. */
    UNKNOWN_NOTICE_DELIVERY,
    /** That delivery (or its read receipt) was recorded already. */
    DELIVERY_ALREADY_RECORDED,
    /** A bug in the fold itself; the event was not applied. */
    INTERNAL_ERROR;

    public String messageKey() {
        return "audit.rejection." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
