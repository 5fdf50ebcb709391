package de.amtsdesk.core.cases.query;

/** The three SLA targets a report measures; the texts are the SLA clocks' names in the cases bundle. */
public enum SlaTarget {
    FIRST_RESPONSE("sla.firstResponse"), NEXT_RESPONSE("sla.nextResponse"), RESOLUTION("sla.resolution");

    private final String messageKey;

    SlaTarget(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
