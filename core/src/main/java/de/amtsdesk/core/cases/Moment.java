package de.amtsdesk.core.cases;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * Something that happened to a case at a point in time: the input of its effective status and SLA clocks.
 * Staff moments come from the staff log, citizen and agency moments from the citizen room, which arrive in two
 * independent streams. Sorting by (time, kind, staff order) instead of by arrival makes the result the same on
 * every client whichever stream it saw first.
 */
public record Moment(Instant at, Kind kind, CaseStatus status, long staffOrder) {

    /** Declaration order is the tie-break at equal times: staff changes first, then the citizen's reaction. */
    public enum Kind { OPENED, TYPED, STATUS, AGENCY_REPLY, CITIZEN_MESSAGE }

    public static final Comparator<Moment> ORDER = Comparator.comparing(Moment::at)
            .thenComparing(Moment::kind).thenComparingLong(Moment::staffOrder);

    public Moment {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.STATUS) != (status != null)) {
            throw new IllegalArgumentException("a status moment needs a status, the others none");
        }
    }

    public boolean fromStaff() {
        return kind == Kind.OPENED || kind == Kind.TYPED || kind == Kind.STATUS;
    }
}
