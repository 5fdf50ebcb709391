package de.amtsdesk.core.cases.query;

import java.util.List;

/**
 * The lead desk's SLA report for one period (ADR 0014): per case type and per caseworker the share of first-response,
 * next-response and resolution targets met, and every breach. A target counts in the period in which it was decided:
 * met in time at the moment it was met, breached at the moment its due time passed (also when it was met later).
 * Untyped cases are under {@link Workload#UNTYPED}, unassigned ones under {@link #UNASSIGNED}; cases are counted
 * for their current type and assignee.
 */
public record SlaReport(ReportPeriod period, List<SlaTally> byCaseType, List<SlaTally> byCaseworker,
        List<SlaBreach> breaches) {

    public static final String UNASSIGNED = "";

    public SlaReport {
        byCaseType = List.copyOf(byCaseType);
        byCaseworker = List.copyOf(byCaseworker);
        breaches = List.copyOf(breaches);
    }
}
