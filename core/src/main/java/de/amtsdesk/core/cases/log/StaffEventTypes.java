package de.amtsdesk.core.cases.log;

import java.util.List;

/** The namespaced event types of the staff log. Content carries {@code "v": 1}; see ADR 0005 for the schema. */
public final class StaffEventTypes {

    public static final String NAMESPACE = "de.amtsdesk.case.";
    public static final String CREATED = NAMESPACE + "created";
    public static final String TYPED = NAMESPACE + "typed";
    public static final String STATUS = NAMESPACE + "status";
    public static final String ASSIGNED = NAMESPACE + "assigned";
    public static final String NOTE = NAMESPACE + "note";
    public static final String TAGGED = NAMESPACE + "tagged";
    public static final String POLICY = NAMESPACE + "policy";
    public static final String TEMPLATE = NAMESPACE + "template";
    /** A lead publishes a macro: template + status + tags in one action (ADR 0013). */
    public static final String MACRO = NAMESPACE + "macro";
    /** A caseworker sent a reply to the citizen through the functional account (ADR 0011): audit only. */
    public static final String REPLIED = NAMESPACE + "replied";
    /** A lead sets one caseworker's capacity, competence and absence (ADR 0014). */
    public static final String MEMBER = NAMESPACE + "member";
    /** A lead marks a caseworker absent and moves all their open cases to a deputy, in one event (ADR 0014). */
    public static final String HANDOVER = NAMESPACE + "handover";
    /** A member takes over a case someone else holds, naming the holder they saw (ADR 0014). */
    public static final String TAKEOVER = NAMESPACE + "takeover";

    /** Mitzeichnung of a notice draft named by its SHA-256: request, approve or reject (ADR 0017). */
    public static final String NOTICE_SIGNOFF = NAMESPACE + "notice.signoff";

    /**
     * Delivery evidence of a signed notice sent to the citizen (ADR 0017): {@code stage} {@code sent} (PDF SHA-256,
     * approved draft's SHA-256, file event ID) or {@code read} (the citizen's read receipt for that event).
     */
    public static final String NOTICE_DELIVERED = NAMESPACE + "notice.delivered";

    public static final List<String> ALL = List.of(CREATED, TYPED, STATUS, ASSIGNED, NOTE, TAGGED, POLICY, TEMPLATE,
            MACRO, REPLIED, MEMBER, HANDOVER, TAKEOVER, NOTICE_SIGNOFF, NOTICE_DELIVERED);

    /** The schema version this client reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    private StaffEventTypes() {
    }

    /** True for every type in our namespace, including ones this version does not know (they get audited). */
    public static boolean inNamespace(String type) {
        return type != null && type.startsWith(NAMESPACE);
    }
}
