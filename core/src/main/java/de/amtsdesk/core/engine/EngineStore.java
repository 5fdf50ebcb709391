package de.amtsdesk.core.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the engine keeps on disk, inside the encrypted local store. A narrow port so the engine's logic does not
 * depend on table layouts; {@code H2EngineStore} implements it over the store's repositories.
 */
public interface EngineStore {

    record SyncState(String since, String directorySnapshot) { }

    enum Decryption { PLAINTEXT, DECRYPTED, UNABLE_TO_DECRYPT }

    /**
     * @param trust the stored name of the message's {@link de.amtsdesk.core.conversation.MessageTrust}, {@code null}
     *     when there is nothing to record (plaintext in an unencrypted room, undecryptable) or it was not recorded
     */
    record StoredEvent(String roomId, String eventId, String sender, long originServerTs, String type,
            String contentJson, String rawJson, Decryption decryption, String problem, String sessionId,
            String trust) {

        public StoredEvent(String roomId, String eventId, String sender, long originServerTs, String type,
                String contentJson, String rawJson, Decryption decryption, String problem, String sessionId) {
            this(roomId, eventId, sender, originServerTs, type, contentJson, rawJson, decryption, problem, sessionId,
                    null);
        }
    }

    enum OutboxState { QUEUED, SENDING, SENT, FAILED }

    record OutboxItem(String txnId, String roomId, String eventType, String contentJson, Path attachment,
            OutboxState state, long createdAt, String eventId, String error) { }

    /**
     * Runs the work in one transaction: a sync batch's events, late decryptions and its since token commit
     * together (one disk write instead of one per event) or not at all.
     */
    void atomically(Runnable work);

    Optional<SyncState> loadSyncState();

    void saveSyncState(String since, String directorySnapshot);

    /** Idempotent: the same event ID twice keeps one row (a later decryption may update it). */
    void saveEvent(StoredEvent event);

    /** {@link #saveEvent} for a sync batch's events in order; a store may write them in fewer statements. */
    default void saveEvents(List<StoredEvent> events) {
        events.forEach(this::saveEvent);
    }

    /** Older history of a room (oldest first), placed before everything stored; returns how many were new. */
    int saveOlder(String roomId, List<StoredEvent> oldestFirst);

    /** The room's first event in stored order: where paging into older history starts. */
    Optional<String> oldestEventId(String roomId);

    List<StoredEvent> timeline(String roomId, int limit);

    List<StoredEvent> undecryptable(String roomId, String sessionId);

    List<StoredEvent> allUndecryptable(java.util.Collection<String> roomIds);

    void markDecrypted(String eventId, String type, String contentJson);

    /** {@link #markDecrypted(String, String, String)} recording the message's trust (a stored MessageTrust name). */
    default void markDecrypted(String eventId, String type, String contentJson, String trust) {
        markDecrypted(eventId, type, contentJson);
    }

    Optional<StoredEvent> lastMessage(String roomId);

    String enqueue(String roomId, String eventType, String contentJson, Path attachment);

    /** The next entry that may be sent now (a room's older unsent message always goes first). */
    Optional<OutboxItem> nextPending();

    /** Everything for this room not yet seen back from the server, for the local echo. */
    List<OutboxItem> outboxOf(String roomId);

    Optional<OutboxItem> outboxItem(String txnId);

    /** Queued, sending or failed entries in all rooms. */
    long unsentCount();

    void markSending(String txnId);

    void markSent(String txnId, String eventId);

    /** Back into the queue: after a transient failure (SENDING) or on the caseworker's retry (FAILED). */
    void markQueued(String txnId);

    void markFailed(String txnId, String error);

    /** Deletes a queued or failed entry; false when it was sent meanwhile (or is being sent). */
    boolean discard(String txnId);

    /** Whether an event with this ID is stored already (gap filling stops there). */
    boolean hasEvent(String eventId);

    /** Whether any event of the room is stored. */
    boolean hasEvents(String roomId);

    /** Sticky: once recorded, a room counts as encrypted for the outbox forever (see V4 migration). */
    void rememberEncrypted(String roomId, String algorithm);

    boolean wasEverEncrypted(String roomId);

    List<String> everEncryptedRooms();
}
