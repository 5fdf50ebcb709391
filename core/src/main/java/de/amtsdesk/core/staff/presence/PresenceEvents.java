package de.amtsdesk.core.staff.presence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The staff-room event {@code de.amtsdesk.presence} (ADR 0016): sent encrypted like every staff event, so the
 * homeserver sees that someone in the unit did something, never which case. It lies outside the case namespace
 * ({@code de.amtsdesk.case.}) on purpose: the fold never applies or audits it, it only feeds the {@link PresenceBoard}.
 *
 * <pre>{"case_id": "$created-event", "activity": "writing", "sent_ts": 1796000000000, "expires_in_ms": 20000}</pre>
 *
 * A signal is believed for {@code expires_in_ms} from {@code sent_ts}, at most {@link #LONGEST}; one that reached
 * the server later than that (an outbox that was offline) is dropped, so a stale "writing" never shows as fresh.
 */
public final class PresenceEvents {

    public static final String TYPE = "de.amtsdesk.presence";
    /** No announcement counts for longer than this, whatever its sender claims. */
    public static final Duration LONGEST = Duration.ofMinutes(2);
    /** The server's clock and the sender's may differ by this much before a signal is called late. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final int MAX_ID_LENGTH = 255;

    private PresenceEvents() {
    }

    public static ObjectNode content(String caseId, StaffPresence.Activity activity, Instant sentAt,
            Duration expiresIn) {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("case_id", caseId);
        content.put("activity", activity.wireName());
        content.put("sent_ts", sentAt.toEpochMilli());
        content.put("expires_in_ms", Math.min(expiresIn.toMillis(), LONGEST.toMillis()));
        return content;
    }

    /**
     * The signal in a decrypted staff-room event, or empty when it is malformed or arrived after it expired.
     *
     * @param serverTime the event's {@code origin_server_ts}
     */
    public static Optional<StaffPresence> parse(String sender, JsonNode content, Instant serverTime) {
        if (sender == null || content == null || !content.isObject()) {
            return Optional.empty();
        }
        JsonNode caseId = content.get("case_id");
        JsonNode activity = content.get("activity");
        JsonNode sent = content.get("sent_ts");
        JsonNode expires = content.get("expires_in_ms");
        if (caseId == null || !caseId.isTextual() || caseId.asText().isEmpty()
                || caseId.asText().length() > MAX_ID_LENGTH || activity == null || !activity.isTextual()
                || sent == null || !sent.canConvertToLong() || expires == null || !expires.canConvertToLong()) {
            return Optional.empty();
        }
        StaffPresence.Activity kind = switch (activity.asText()) {
            case "viewing" -> StaffPresence.Activity.VIEWING;
            case "writing" -> StaffPresence.Activity.WRITING;
            case "none" -> StaffPresence.Activity.NONE;
            default -> null;
        };
        long lifetime = expires.asLong();
        if (kind == null || lifetime < 0) {
            return Optional.empty();
        }
        Instant sentAt = Instant.ofEpochMilli(sent.asLong());
        Duration life = Duration.ofMillis(Math.min(lifetime, LONGEST.toMillis()));
        // The sender's clock is not trusted beyond the skew: a signal "sent" in the future counts from the server.
        Instant start = sentAt.isAfter(serverTime.plus(CLOCK_SKEW)) ? serverTime : sentAt;
        if (serverTime.isAfter(start.plus(life).plus(CLOCK_SKEW))) {
            return Optional.empty(); // reached the server after it was over
        }
        return Optional.of(new StaffPresence(sender, caseId.asText(), kind, start.plus(life)));
    }
}
