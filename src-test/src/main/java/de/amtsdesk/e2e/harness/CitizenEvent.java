package de.amtsdesk.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A timeline event as the citizen's client saw it, after decryption was attempted. An event that could
 * not be decrypted at first is reported again once a late key decrypts it, so the same eventId can appear
 * twice: match on {@link #isDecrypted()} when waiting for readable content.
 *
 * @param eventType the decrypted type (e.g. m.room.message); "m.room.encrypted" while undecryptable
 * @param content the decrypted content; on a decryption failure only algorithm/session_id of the ciphertext
 * @param encrypted whether the event travelled encrypted
 * @param decryptionFailure the SDK's failure code (e.g. MEGOLM_UNKNOWN_INBOUND_SESSION_ID), or null
 */
public record CitizenEvent(String roomId, String eventId, String sender, String eventType, String stateKey,
        JsonNode content, boolean encrypted, String decryptionFailure, long originServerTs) {

    /** content.body, or null. */
    public String body() {
        JsonNode body = content.get("body");
        return body == null || !body.isTextual() ? null : body.asText();
    }

    /** content.msgtype, or null. */
    public String msgtype() {
        JsonNode msgtype = content.get("msgtype");
        return msgtype == null || !msgtype.isTextual() ? null : msgtype.asText();
    }

    /** Sent encrypted and decrypted fine: the case E2EE tests are about. */
    public boolean isDecrypted() {
        return encrypted && decryptionFailure == null;
    }

    public boolean isState() {
        return stateKey != null;
    }

    /** One line for failure messages. */
    public String summary() {
        StringBuilder s = new StringBuilder(eventType).append(' ').append(eventId).append(" from ").append(sender)
                .append(" in ").append(roomId);
        if (encrypted) {
            s.append(decryptionFailure == null ? " [decrypted]" : " [UNDECRYPTABLE: " + decryptionFailure + "]");
        }
        if (stateKey != null) {
            s.append(" state_key=").append(stateKey);
        }
        String body = body();
        if (body != null) {
            s.append(" body=\"").append(body.length() > 80 ? body.substring(0, 80) + "…" : body).append('"');
        }
        return s.toString();
    }

    static CitizenEvent fromJson(JsonNode n) {
        JsonNode stateKey = n.get("stateKey");
        JsonNode failure = n.get("decryptionFailure");
        return new CitizenEvent(n.path("roomId").asText(), n.path("eventId").asText(), n.path("sender").asText(),
                n.path("eventType").asText(), stateKey == null || stateKey.isNull() ? null : stateKey.asText(),
                n.path("content"), n.path("encrypted").asBoolean(),
                failure == null || failure.isNull() ? null : failure.asText(), n.path("originServerTs").asLong());
    }
}
