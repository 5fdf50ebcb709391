package de.amtsdesk.core.conversation;

import java.time.Instant;

/**
 * One line of a conversation as the caseworker sees it, decrypted. Built from stored events and from the outbox
 * (local echo with its send state), so the UI needs no Matrix knowledge.
 *
 * @param trust how far the message can be trusted to come from its sender's device (never {@code null};
 *     {@link MessageTrust#NONE} for local echoes and plaintext in unencrypted rooms)
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
        String problem,
        MessageTrust trust) {

    /**
     * {@code INTERNAL_NOTE} and {@code CASE_CHANGE} never come from the citizen room: the workspace weaves the case's
     * staff-room notes and changes into the conversation so the caseworker reads one story. They have no send state
     * and no path into the outbox.
     */
    public enum Kind { TEXT, NOTICE, FILE, IMAGE, POLL_START, POLL_RESPONSE, POLL_END, UNDECRYPTABLE, MALFORMED, OTHER,
        INTERNAL_NOTE, CASE_CHANGE }

    public boolean isInternal() {
        return kind == Kind.INTERNAL_NOTE || kind == Kind.CASE_CHANGE;
    }

    /** Null for messages from others; the outbox state for our own messages. */
    public enum SendState { QUEUED, SENDING, SENT, FAILED }

    public TimelineEntry {
        trust = trust == null ? MessageTrust.NONE : trust;
    }

    /** An entry without a trust verdict ({@link MessageTrust#NONE}), as the interpreter builds it. */
    public TimelineEntry(String id, String roomId, String sender, Instant timestamp, Kind kind, String body,
            Attachment attachment, Poll poll, String relatesTo, SendState sendState, String problem) {
        this(id, roomId, sender, timestamp, kind, body, attachment, poll, relatesTo, sendState, problem,
                MessageTrust.NONE);
    }

    /** This entry with the given trust. */
    public TimelineEntry withTrust(MessageTrust newTrust) {
        return new TimelineEntry(id, roomId, sender, timestamp, kind, body, attachment, poll, relatesTo, sendState,
                problem, newTrust);
    }

    public boolean isOwnPending() {
        return sendState != null && sendState != SendState.SENT;
    }
}
