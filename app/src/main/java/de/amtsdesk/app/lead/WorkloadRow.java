package de.amtsdesk.app.lead;

/**
 * One caseworker's numbers as the chart and the table show them. {@code capacity} is null for no limit;
 * {@code nextCaseId} the suggested next case (null: none); {@code state} says absent / at capacity in words.
 */
public record WorkloadRow(String userId, String name, int open, int overdue, int dueToday, Integer capacity,
        boolean atCapacity, boolean absent, String capacityText, String state, String nextCaseId, String nextCase,
        String accessibleText) {

    /** Open cases neither overdue nor due today (the chart's third segment; the three add up to {@code open}). */
    public int otherOpen() {
        return Math.max(0, open - overdue - dueToday);
    }

    /** Room left up to the capacity (the chart's light top segment, so a bar's full height marks the capacity). */
    public int freeCapacity() {
        return capacity == null ? 0 : Math.max(0, capacity - open);
    }

    @Override
    public String toString() {
        return accessibleText;
    }
}
