package de.amtsdesk.core.cases;

import de.amtsdesk.core.cases.audit.Rejection;

/** Thrown inside parsing and checking to abandon an event; always caught by the fold and audited. */
final class InvalidStaffEvent extends Exception {

    private final Rejection rejection;

    InvalidStaffEvent(Rejection rejection, String detail) {
        super(detail, null, false, false);
        this.rejection = rejection;
    }

    Rejection rejection() {
        return rejection;
    }
}
