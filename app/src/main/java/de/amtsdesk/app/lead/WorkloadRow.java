package de.amtsdesk.app.lead;

/**
 * One caseworker's numbers as the chart and the table show them. {@code capacity} is null for no limit;
 * {@code nextCaseId} the suggested next case (null: none); {@code state} says absent / at capacity in words.
 */
public record WorkloadRow(String userId, String name, int open, int overdue, int dueToday, Integer capacity,
        boolean atCapacity, boolean absent, String capacityText, String state, String nextCaseId, String nextCase,
        String accessibleText) {

    @Override
    public String toString() {
        return accessibleText;
    }
}
