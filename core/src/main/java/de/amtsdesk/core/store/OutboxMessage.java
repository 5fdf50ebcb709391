package de.amtsdesk.core.store;

/**
 * An outgoing message as stored. {@link #toString()} leaves the content out.
 *
 * @param sequence       local order of writing; messages of a room are sent in this order
 * @param txnId          the Matrix transaction id: sending twice with it creates the event once
 * @param contentJson    clear content; encrypted for the room only when it is sent
 * @param attachmentPath a local file to upload first, or {@code null}
 * @param eventId        the homeserver's event id once {@link OutboxState#SENT}
 */
public record OutboxMessage(long sequence, String txnId, String roomId, String eventType, String contentJson,
        String attachmentPath, OutboxState state, int attempts, String lastError, String eventId, long createdAt) {

    @Override
    public String toString() {
        return "OutboxMessage[#" + sequence + " " + txnId + " in " + roomId + ", " + eventType + ", " + state
                + ", attempts " + attempts + "]";
    }
}
