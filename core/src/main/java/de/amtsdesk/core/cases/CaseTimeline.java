package de.amtsdesk.core.cases;

import de.amtsdesk.core.cases.sla.SlaTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The sorted moments of one case (immutable); derives the effective status and the SLA input from them. */
public record CaseTimeline(List<Moment> moments) {

    public CaseTimeline {
        if (isSorted(moments)) {
            moments = List.copyOf(moments);
        } else {
            List<Moment> sorted = new ArrayList<>(moments);
            sorted.sort(Moment.ORDER);
            moments = List.copyOf(sorted);
        }
    }

    private static boolean isSorted(List<Moment> moments) {
        for (int i = 1; i < moments.size(); i++) {
            if (Moment.ORDER.compare(moments.get(i - 1), moments.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    public static CaseTimeline of(List<Moment> moments) {
        return new CaseTimeline(moments);
    }

    public CaseTimeline with(Moment moment) {
        int at = Collections.binarySearch(moments, moment, Moment.ORDER);
        List<Moment> next = new ArrayList<>(moments.size() + 1);
        next.addAll(moments);
        next.add(at < 0 ? -at - 1 : at + 1, moment);
        return new CaseTimeline(next);
    }

    /** The latest staff moment, so that a staff event with a lagging server clock never sorts before its predecessor. */
    public Instant lastStaffAt() {
        Instant last = Instant.MIN;
        for (Moment moment : moments) {
            if (moment.fromStaff() && moment.at().isAfter(last)) {
                last = moment.at();
            }
        }
        return last;
    }

    /**
     * Replays the moments: typing an untriaged case opens it; staff set statuses explicitly; a citizen message
     * reopens a waiting or closed case (to untriaged if it was never typed).
     */
    public CaseStatus effectiveStatus() {
        return replay(null);
    }

    public SlaTimeline slaTimeline() {
        return derive().sla();
    }

    /** The effective status and the SLA input, from one replay. */
    public record Derived(CaseStatus status, SlaTimeline sla) {
    }

    public Derived derive() {
        List<SlaTimeline.Pause> pauses = new ArrayList<>();
        CaseStatus status = replay(pauses);
        Instant start = null;
        Instant closedAt = null;
        List<Instant> citizen = new ArrayList<>();
        List<Instant> agency = new ArrayList<>();
        for (Moment moment : moments) {
            switch (moment.kind()) {
                case OPENED -> start = start == null ? moment.at() : start;
                case CITIZEN_MESSAGE -> {
                    start = start == null ? moment.at() : start;
                    citizen.add(moment.at());
                }
                case AGENCY_REPLY -> agency.add(moment.at());
                case STATUS -> closedAt = moment.status() == CaseStatus.CLOSED ? moment.at() : closedAt;
                case TYPED -> { }
            }
        }
        return new Derived(status, new SlaTimeline(start, citizen, agency, pauses,
                status == CaseStatus.CLOSED ? closedAt : null));
    }

    private CaseStatus replay(List<SlaTimeline.Pause> pauses) {
        CaseStatus status = CaseStatus.UNTRIAGED;
        boolean typed = false;
        Instant pausedSince = null;
        for (Moment moment : moments) {
            CaseStatus before = status;
            switch (moment.kind()) {
                case TYPED -> {
                    typed = true;
                    status = status == CaseStatus.UNTRIAGED ? CaseStatus.OPEN : status;
                }
                case STATUS -> status = moment.status();
                case CITIZEN_MESSAGE -> status = status.pausesSla()
                        ? (typed ? CaseStatus.OPEN : CaseStatus.UNTRIAGED) : status;
                case OPENED, AGENCY_REPLY -> { }
            }
            if (!before.pausesSla() && status.pausesSla()) {
                pausedSince = moment.at();
            } else if (before.pausesSla() && !status.pausesSla()) {
                if (pauses != null) {
                    pauses.add(new SlaTimeline.Pause(pausedSince, moment.at()));
                }
                pausedSince = null;
            }
        }
        if (pauses != null && pausedSince != null) {
            pauses.add(new SlaTimeline.Pause(pausedSince, null));
        }
        return status;
    }
}
