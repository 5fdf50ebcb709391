package de.amtsdesk.core.cases.query;

import java.util.OptionalDouble;

/** How many targets of one kind were met and how many breached in a period. */
public record SlaShare(int met, int breached) {

    public static final SlaShare NONE = new SlaShare(0, 0);

    public int total() {
        return met + breached;
    }

    /** Share met, 0..1; empty when nothing was decided in the period (a bar the chart leaves out, not 0 %). */
    public OptionalDouble metShare() {
        return total() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) met / total());
    }

    SlaShare plus(boolean wasMet) {
        return wasMet ? new SlaShare(met + 1, breached) : new SlaShare(met, breached + 1);
    }
}
