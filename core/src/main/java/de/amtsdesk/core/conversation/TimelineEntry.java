package de.amtsdesk.core.conversation;

import java.time.Instant;

/**
 * One line of a conversation as the caseworker sees it, decrypted. Built from stored events and from the outbox
 * (local echo with its send state), so the UI needs no Matrix knowledge.
 */
public record TimelineEntry(
        String id,
        String roomId,
        String sender,
        Instant timestamp,
        Kind kind,
        String body,
        Attachment attachment,
        Poll poll,
        String relatesTo,
        SendState sendState,
        String problem) {

    public enum Kind { TEXT, NOTICE, FILE, IMAGE, POLL_START, POLL_RESPONSE, POLL_END, UNDECRYPTABLE, MALFORMED, OTHER }

    /** Null for messages from others; the outbox state for our own messages. */
    public enum SendState { QUEUED, SENDING, SENT, FAILED }

    public boolean isOwnPending() {
        return sendState != null && sendState != SendState.SENT;
    }
}
