package de.amtsdesk.core.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * Delivery evidence of one signed notice sent to the case's citizen (ADR 0017): the SHA-256 of the exact PDF bytes
 * sent, the approved draft it was signed from, the Matrix event ID of the encrypted file event, who sent it and when
 * (the staff event's sender and server time), and, once the citizen's client acknowledged it, the citizen's read
 * receipt (who, and the receipt's own timestamp).
 *
 * @param readBy null until the citizen's read receipt was recorded
 * @param readAt the {@code ts} of the citizen's {@code m.read} receipt; null with {@code readBy}
 */
public record NoticeDelivery(String caseId, String sha256, String draftSha256, String eventId, String sentBy,
        Instant sentAt, String readBy, Instant readAt) {

    public NoticeDelivery {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(draftSha256, "draftSha256");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(sentBy, "sentBy");
        Objects.requireNonNull(sentAt, "sentAt");
        if ((readBy == null) != (readAt == null)) {
            throw new IllegalArgumentException("a read receipt names who read and when, or nothing");
        }
    }

    static NoticeDelivery sent(String caseId, String sha256, String draftSha256, String eventId, String by,
            Instant at) {
        return new NoticeDelivery(caseId, sha256, draftSha256, eventId, by, at, null, null);
    }

    NoticeDelivery read(String reader, Instant at) {
        return new NoticeDelivery(caseId, sha256, draftSha256, eventId, sentBy, sentAt, reader, at);
    }

    public boolean isRead() {
        return readBy != null;
    }
}
