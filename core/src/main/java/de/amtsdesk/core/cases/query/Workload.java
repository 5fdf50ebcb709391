package de.amtsdesk.core.cases.query;

/**
 * What one staff member holds, for a team lead balancing the unit. {@code active} counts every case not
 * closed; {@code waiting} and {@code overdue} are parts of it.
 */
public record Workload(String userId, String displayName, int active, int waiting, int overdue) {
}
