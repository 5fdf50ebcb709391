package de.amtsdesk.app.lead;

/** One unassigned case in the lead's queue (oldest first); {@code accessibleText} is what a screen reader says. */
public record UnassignedRow(String caseId, String reference, String citizen, String type, String since,
        String accessibleText) {

    @Override
    public String toString() {
        return accessibleText;
    }
}
