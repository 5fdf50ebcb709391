package de.amtsdesk.core.cases.log;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One decrypted custom event from the unit's staff room ({@code de.amtsdesk.case.*}), handed to the fold in the
 * room's server order. {@code sender} is the Matrix user the homeserver vouches for (and, for encrypted events,
 * whose device the transport has matched to the Megolm session); {@code content} is the decrypted content as is,
 * validated by the fold, not by the transport.
 */
public record StaffEvent(String eventId, String type, String sender, Instant serverTime, JsonNode content)
        implements FoldInput {

    public StaffEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(serverTime, "serverTime");
    }
}
