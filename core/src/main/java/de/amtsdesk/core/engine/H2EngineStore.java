package de.amtsdesk.core.engine;

import de.amtsdesk.core.store.AppDatabase;
import de.amtsdesk.core.store.IncomingEvent;
import de.amtsdesk.core.store.OutboxMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The engine's store port over the encrypted H2 database (ADR 0004). */
public final class H2EngineStore implements EngineStore {

    private final AppDatabase db;

    public H2EngineStore(AppDatabase db) {
        this.db = db;
    }

    @Override
    public void atomically(Runnable work) {
        db.inTransaction(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public Optional<SyncState> loadSyncState() {
        return db.syncState().since().map(since -> new SyncState(since,
                db.syncState().roomDirectory().orElse(null)));
    }

    @Override
    public void saveSyncState(String since, String directorySnapshot) {
        db.syncState().save(since, directorySnapshot);
    }

    @Override
    public void saveEvent(EngineStore.StoredEvent e) {
        db.events().upsert(toIncoming(e));
    }

    @Override
    public void saveEvents(List<EngineStore.StoredEvent> events) {
        db.events().upsertAll(events.stream().map(H2EngineStore::toIncoming).toList());
    }

    @Override
    public int saveOlder(String roomId, List<EngineStore.StoredEvent> oldestFirst) {
        return db.events().insertOlder(oldestFirst.stream().map(H2EngineStore::toIncoming).toList());
    }

    @Override
    public Optional<String> oldestEventId(String roomId) {
        return db.events().oldest(roomId).map(de.amtsdesk.core.store.StoredEvent::eventId);
    }

    private static IncomingEvent toIncoming(EngineStore.StoredEvent e) {
        return switch (e.decryption()) {
            case PLAINTEXT -> IncomingEvent.plaintext(e.roomId(), e.eventId(), e.sender(), e.originServerTs(),
                    e.type(), e.contentJson(), e.rawJson(), e.trust());
            case DECRYPTED -> IncomingEvent.decrypted(e.roomId(), e.eventId(), e.sender(), e.originServerTs(),
                    e.type(), e.contentJson(), e.rawJson(), e.sessionId(), e.trust());
            case UNABLE_TO_DECRYPT -> IncomingEvent.undecryptable(e.roomId(), e.eventId(), e.sender(),
                    e.originServerTs(), e.rawJson(), e.sessionId(), e.problem());
        };
    }

    @Override
    public List<EngineStore.StoredEvent> timeline(String roomId, int limit) {
        return db.events().timeline(roomId, limit).stream().map(H2EngineStore::toPort).toList();
    }

    @Override
    public List<EngineStore.StoredEvent> undecryptable(String roomId, String sessionId) {
        return db.events().undecryptableInSession(sessionId).stream()
                .filter(e -> e.roomId().equals(roomId))
                .map(H2EngineStore::toPort).toList();
    }

    @Override
    public List<EngineStore.StoredEvent> allUndecryptable(java.util.Collection<String> roomIds) {
        List<EngineStore.StoredEvent> all = new ArrayList<>();
        for (String roomId : roomIds) {
            db.events().undecryptable(roomId).forEach(e -> all.add(toPort(e)));
        }
        return all;
    }

    @Override
    public void markDecrypted(String eventId, String type, String contentJson) {
        markDecrypted(eventId, type, contentJson, null);
    }

    @Override
    public void markDecrypted(String eventId, String type, String contentJson, String trust) {
        db.events().markDecrypted(eventId, type, contentJson, trust);
    }

    @Override
    public Optional<EngineStore.StoredEvent> lastMessage(String roomId) {
        return db.events().lastMessage(roomId).map(H2EngineStore::toPort);
    }

    @Override
    public String enqueue(String roomId, String eventType, String contentJson, Path attachment) {
        return db.outbox().enqueue(roomId, eventType, contentJson, attachment == null ? null : attachment.toString());
    }

    @Override
    public Optional<OutboxItem> nextPending() {
        return db.outbox().nextPending().map(H2EngineStore::toPort);
    }

    @Override
    public List<OutboxItem> outboxOf(String roomId) {
        return db.outbox().unsent(roomId).stream().map(H2EngineStore::toPort).toList();
    }

    @Override
    public Optional<OutboxItem> outboxItem(String txnId) {
        return db.outbox().find(txnId).map(H2EngineStore::toPort);
    }

    @Override
    public long unsentCount() {
        return db.outbox().pendingCount();
    }

    @Override
    public void markSending(String txnId) {
        db.outbox().markSending(txnId);
    }

    @Override
    public void markSent(String txnId, String eventId) {
        db.outbox().markSent(txnId, eventId);
    }

    @Override
    public void markQueued(String txnId) {
        if (!db.outbox().retry(txnId)) {
            // Not FAILED, so it was SENDING: this process is the only sender, so requeueing all is exact.
            db.outbox().requeueInterrupted();
        }
    }

    @Override
    public void markFailed(String txnId, String error) {
        db.outbox().markFailed(txnId, error);
    }

    @Override
    public boolean discard(String txnId) {
        return db.outbox().discard(txnId);
    }

    @Override
    public boolean hasEvent(String eventId) {
        return db.events().find(eventId).isPresent();
    }

    @Override
    public boolean hasEvents(String roomId) {
        return db.events().count(roomId) > 0;
    }

    @Override
    public void rememberEncrypted(String roomId, String algorithm) {
        db.encryptedRooms().remember(roomId, algorithm);
    }

    @Override
    public boolean wasEverEncrypted(String roomId) {
        return db.encryptedRooms().isEncrypted(roomId);
    }

    @Override
    public List<String> everEncryptedRooms() {
        return db.encryptedRooms().all();
    }

    private static EngineStore.StoredEvent toPort(de.amtsdesk.core.store.StoredEvent e) {
        return new EngineStore.StoredEvent(e.roomId(), e.eventId(), e.sender(), e.originServerTs(), e.eventType(),
                e.contentJson(), e.rawJson(), Decryption.valueOf(e.decryptionStatus().name()), e.decryptionError(),
                e.sessionId(), e.verificationState());
    }

    private static OutboxItem toPort(OutboxMessage m) {
        return new OutboxItem(m.txnId(), m.roomId(), m.eventType(), m.contentJson(),
                m.attachmentPath() == null ? null : Path.of(m.attachmentPath()), OutboxState.valueOf(m.state().name()),
                m.createdAt(), m.eventId(), m.lastError());
    }
}
