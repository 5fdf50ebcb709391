package de.amtsdesk.core.conversation;

import de.amtsdesk.core.matrix.MatrixException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the conversation screen can ask of the engine. Every method returns quickly: sending only queues (the
 * outbox delivers), reading comes from the local encrypted store. Download may block and must run off the UI thread.
 */
public interface Conversations {

    /** Decrypted history plus our own queued/failed messages, oldest first. */
    List<TimelineEntry> timeline(String roomId);

    /** @return the transaction ID of the queued message */
    String sendText(String roomId, String body);

    String sendFile(String roomId, Path file) throws IOException;

    /** A single-choice poll with results visible at once (the form polls had before they could be configured). */
    String sendPoll(String roomId, String question, List<String> answers);

    /**
     * Sends a poll as composed: options, how many answers one person may pick, when results are visible.
     *
     * <p>The default is for implementations written before drafts existed: it delegates to
     * {@link #sendPoll(String, String, List)} when that sends the same poll (single choice, disclosed) and refuses
     * anything else rather than send a different poll than the caseworker composed.
     *
     * @throws UnsupportedOperationException for a multiple-choice or undisclosed draft, unless overridden
     */
    default String sendPoll(String roomId, PollDraft draft) {
        if (draft.maxSelections() != 1 || draft.kind() != Poll.Kind.DISCLOSED) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " sends only single-choice polls"
                    + " with results visible at once");
        }
        return sendPoll(roomId, draft.question(), draft.options());
    }

    /** Puts a failed message back into the queue. */
    void retry(String transactionId);

    /**
     * Pages older history in from the server (scrolling up): up to a page of events before the oldest one shown.
     *
     * @return how many were new; 0 at the start of the room
     */
    default int loadOlder(String roomId) throws MatrixException {
        return 0;
    }

    /** Whether the room is (or ever was) encrypted; the composer warns where it is not. */
    default boolean isEncrypted(String roomId) {
        return true;
    }

    /**
     * Drops a message that was not sent (queued or refused), so it stops holding up its room; returns its content
     * JSON so the caseworker can edit and send it again, or empty when it was sent meanwhile.
     */
    java.util.Optional<String> discard(String transactionId);

    /** Downloads, decrypts (checking the hash) and writes an attachment; returns the SHA-256 of the plaintext. */
    String saveAttachment(Attachment attachment, Path target) throws MatrixException, IOException;

    PollTally.Result pollResult(String roomId, String pollStartEventId);

    /** Tells the server (and so the citizen's client) how far the caseworker has read. */
    void markRead(String roomId, String eventId);

    /** How to call a sender in this room (display name), falling back to the user ID. */
    default String senderName(String roomId, String userId) {
        return userId;
    }

    void addListener(ConversationListener listener);

    void removeListener(ConversationListener listener);
}
