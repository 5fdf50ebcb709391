package de.amtsdesk.app.conversation;

import de.amtsdesk.core.conversation.Attachment;
import de.amtsdesk.core.conversation.ConversationListener;
import de.amtsdesk.core.conversation.Conversations;
import de.amtsdesk.core.conversation.PollDraft;
import de.amtsdesk.core.conversation.PollTally;
import de.amtsdesk.core.conversation.TimelineEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A conversation that only shows the given entries; sending is not part of these tests. Records what the view model
 * asks for that reaches the server or the engine: read receipts, retries, and its listeners.
 */
public final class StubConversations implements Conversations {

    public final List<String> receipts = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final List<String> retried = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final List<ConversationListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final List<PollDraft> polls = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Poll results by poll start event ID (a poll without one here is a test error). */
    public final Map<String, PollTally.Result> pollResults = new java.util.concurrent.ConcurrentHashMap<>();
    /** How often older history was asked of the server. */
    public final java.util.concurrent.atomic.AtomicInteger olderRequests = new java.util.concurrent.atomic.AtomicInteger();

    private final List<TimelineEntry> entries;
    private final Map<String, String> names;

    public StubConversations(List<TimelineEntry> entries, Map<String, String> names) {
        this.entries = entries;
        this.names = names;
    }

    @Override
    public List<TimelineEntry> timeline(String roomId) {
        return List.copyOf(entries);
    }

    @Override
    public String senderName(String roomId, String userId) {
        return names.getOrDefault(userId, userId);
    }

    @Override
    public String sendText(String roomId, String body) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String sendFile(String roomId, Path file) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String sendPoll(String roomId, String question, List<String> answers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String sendPoll(String roomId, PollDraft draft) {
        polls.add(draft);
        return "txn-poll-" + polls.size();
    }

    @Override
    public void retry(String transactionId) {
        retried.add(transactionId);
    }

    @Override
    public java.util.Optional<String> discard(String transactionId) {
        return java.util.Optional.empty();
    }

    /** What a "decrypted" attachment contains; null: saving is not part of the test. */
    public volatile byte[] attachmentContent;

    @Override
    public String saveAttachment(Attachment attachment, Path target) throws java.io.IOException {
        if (attachmentContent == null) {
            throw new UnsupportedOperationException();
        }
        java.nio.file.Files.write(target, attachmentContent);
        return "sha256";
    }

    @Override
    public PollTally.Result pollResult(String roomId, String pollStartEventId) {
        PollTally.Result result = pollResults.get(pollStartEventId);
        if (result == null) {
            throw new UnsupportedOperationException("no result for " + pollStartEventId);
        }
        return result;
    }

    @Override
    public int loadOlder(String roomId) {
        olderRequests.incrementAndGet();
        return 0;
    }

    @Override
    public void markRead(String roomId, String eventId) {
        receipts.add(eventId);
    }

    @Override
    public void addListener(ConversationListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ConversationListener listener) {
        listeners.remove(listener);
    }

    /** What the engine does when a message arrives. */
    void arrive(TimelineEntry entry) {
        entries.add(entry);
        listeners.forEach(l -> l.timelineChanged(entry.roomId()));
    }
}
