package de.amtsdesk.core.store;

/**
 * A timeline event as stored. {@code streamOrder} is the order of arrival and the timeline order.
 * {@link #toString()} shows ids and status only, never content.
 *
 * @param relatesToEventId the target of {@code m.relates_to} when it has a {@code rel_type}, else {@code null}
 * @param relationType     that {@code rel_type} ({@code m.replace}, {@code m.reference}, {@code m.thread}, …)
 */
public record StoredEvent(long streamOrder, String roomId, String eventId, String sender, long originServerTs,
        String eventType, String contentJson, String rawJson, DecryptionStatus decryptionStatus,
        String decryptionError, String sessionId, String verificationState, String relatesToEventId,
        String relationType) {

    @Override
    public String toString() {
        return "StoredEvent[#" + streamOrder + " " + eventId + " in " + roomId + ", " + eventType + ", "
                + decryptionStatus + "]";
    }
}
