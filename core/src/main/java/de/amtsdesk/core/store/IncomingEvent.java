package de.amtsdesk.core.store;

import java.util.Objects;

/**
 * A timeline event as the sync hands it to the store, after the decryption attempt. The relation (edit, poll
 * response, thread) is read by the store from the clear content, or for an undecryptable event from the
 * {@code m.relates_to} that Matrix leaves unencrypted in the raw event.
 *
 * <p>{@link #toString()} shows ids and status only, never content.
 *
 * @param eventType         the clear type after decryption, {@code m.room.encrypted} if undecryptable
 * @param contentJson       the clear content as JSON, {@code null} if undecryptable
 * @param rawJson           the event exactly as received
 * @param decryptionError   why decryption failed (no content in it), {@code null} otherwise
 * @param sessionId         the Megolm session id of an encrypted event, {@code null} for plaintext
 * @param verificationState the message's trust as decided on arrival: the name of a
 *     {@code de.amtsdesk.core.conversation.MessageTrust} (the crypto layer's verdict on the sender's device for a
 *     decrypted event, {@code UNENCRYPTED} for plaintext in an encrypted room), {@code null} when there is nothing to
 *     record (plaintext in an unencrypted room, undecryptable)
 */
public record IncomingEvent(String roomId, String eventId, String sender, long originServerTs, String eventType,
        String contentJson, String rawJson, DecryptionStatus decryptionStatus, String decryptionError,
        String sessionId, String verificationState) {

    public IncomingEvent {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(rawJson, "rawJson");
        Objects.requireNonNull(decryptionStatus, "decryptionStatus");
        if (decryptionStatus == DecryptionStatus.UNABLE_TO_DECRYPT ? contentJson != null : contentJson == null) {
            throw new IllegalArgumentException("content is required exactly when the event could be read");
        }
    }

    /** An event that arrived unencrypted. */
    public static IncomingEvent plaintext(String roomId, String eventId, String sender, long originServerTs,
            String eventType, String contentJson, String rawJson) {
        return plaintext(roomId, eventId, sender, originServerTs, eventType, contentJson, rawJson, null);
    }

    /** An event that arrived unencrypted, with a trust verdict ({@code UNENCRYPTED} in an encrypted room). */
    public static IncomingEvent plaintext(String roomId, String eventId, String sender, long originServerTs,
            String eventType, String contentJson, String rawJson, String verificationState) {
        return new IncomingEvent(roomId, eventId, sender, originServerTs, eventType, contentJson, rawJson,
                DecryptionStatus.PLAINTEXT, null, null, verificationState);
    }

    /** An encrypted event that was decrypted on arrival. */
    public static IncomingEvent decrypted(String roomId, String eventId, String sender, long originServerTs,
            String clearType, String clearContentJson, String rawJson, String sessionId, String verificationState) {
        return new IncomingEvent(roomId, eventId, sender, originServerTs, clearType, clearContentJson, rawJson,
                DecryptionStatus.DECRYPTED, null, sessionId, verificationState);
    }

    /** An encrypted event that could not be decrypted (yet). */
    public static IncomingEvent undecryptable(String roomId, String eventId, String sender, long originServerTs,
            String rawJson, String sessionId, String decryptionError) {
        return new IncomingEvent(roomId, eventId, sender, originServerTs, "m.room.encrypted", null, rawJson,
                DecryptionStatus.UNABLE_TO_DECRYPT, decryptionError, sessionId, null);
    }

    @Override
    public String toString() {
        return "IncomingEvent[" + eventId + " in " + roomId + ", " + eventType + ", " + decryptionStatus + "]";
    }
}
