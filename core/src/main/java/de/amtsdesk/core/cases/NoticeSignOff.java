package de.amtsdesk.core.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * The Mitzeichnung of one notice draft in a case, named by the SHA-256 of its exact PDF bytes: requested by the
 * drafter, then approved or rejected by a second member of the unit (never the drafter). A changed draft has a
 * new hash and needs a new request, so an approval can never be carried over to text the approver did not see.
 *
 * @param decidedBy null while the request is open
 */
public record NoticeSignOff(String caseId, String sha256, String title, String requestedBy, Instant requestedAt,
        Status status, String decidedBy, Instant decidedAt, String reason) {

    public enum Status {
        REQUESTED, APPROVED, REJECTED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public NoticeSignOff {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(status, "status");
        if ((status == Status.REQUESTED) != (decidedBy == null)) {
            throw new IllegalArgumentException("a decided sign-off names who decided, an open one nobody");
        }
    }

    static NoticeSignOff requested(String caseId, String sha256, String title, String by, Instant at) {
        return new NoticeSignOff(caseId, sha256, title, by, at, Status.REQUESTED, null, null, null);
    }

    NoticeSignOff decided(Status decision, String by, Instant at, String why) {
        return new NoticeSignOff(caseId, sha256, title, requestedBy, requestedAt, decision, by, at, why);
    }

    public boolean approved() {
        return status == Status.APPROVED;
    }
}
