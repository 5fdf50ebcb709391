package de.amtsdesk.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.core.conversation.Attachment;
import de.amtsdesk.core.conversation.ConversationListener;
import de.amtsdesk.core.conversation.Conversations;
import de.amtsdesk.core.conversation.EventInterpreter;
import de.amtsdesk.core.conversation.MessageContents;
import de.amtsdesk.core.conversation.MessageTrust;
import de.amtsdesk.core.conversation.PollDraft;
import de.amtsdesk.core.conversation.PollNamespace;
import de.amtsdesk.core.conversation.PollTally;
import de.amtsdesk.core.conversation.TimelineEntry;
import de.amtsdesk.core.matrix.Backoff;
import de.amtsdesk.core.matrix.MatrixClient;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.MatrixFailure;
import de.amtsdesk.core.matrix.RoomDirectory;
import de.amtsdesk.core.matrix.RoomListSyncHandler;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.core.matrix.SyncListener;
import de.amtsdesk.core.matrix.SyncService;
import de.amtsdesk.crypto.Attachments;
import de.amtsdesk.crypto.EncryptedAttachment;
import de.amtsdesk.crypto.OlmMachineHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One workstation device of the agency account, headless: sync with end-to-end decryption into the encrypted store,
 * the persistent outbox, attachments, polls and key backup. The UI talks to it through {@link Conversations}.
 */
public final class AgencyEngine implements Conversations, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyEngine.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMELINE_LIMIT = 500;

    private final MatrixClient client;
    private final Session session;
    private final OlmMachineHandle machine;
    private final EngineStore store;
    private final Path outboxMediaDir;
    private final RoomDirectory directory;
    private final CryptoRequestPump pump;
    private final TimelineDecryptor decryptor;
    private final OutboxSender outbox;
    private final KeyBackup keyBackup;
    private final SyncService sync;
    private final RoomListSyncHandler roomList;
    private final GapFiller gaps;
    private final List<java.util.function.BiConsumer<String, String>> bundleListeners = new CopyOnWriteArrayList<>();
    private final List<ConversationListener> listeners = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<List<ReadReceipt>>> receiptListeners = new CopyOnWriteArrayList<>();
    private final Semaphore outboxWake = new Semaphore(0);
    private final Semaphore reconnect = new Semaphore(0);
    private volatile boolean running;
    private Thread outboxThread;

    public AgencyEngine(MatrixClient client, Session session, OlmMachineHandle machine, EngineStore store,
            Path outboxMediaDir, boolean autoJoinInvites, SyncListener roomListener) {
        this.client = client;
        this.session = session;
        this.machine = machine;
        this.store = store;
        this.outboxMediaDir = outboxMediaDir;
        this.directory = new RoomDirectory(session.userId(), Clock.systemUTC());
        var state = store.loadSyncState();
        state.ifPresent(s -> directory.restore(s.directorySnapshot()));
        directory.markEncrypted(store.everEncryptedRooms());
        this.pump = new CryptoRequestPump(client, session, machine);
        this.decryptor = new TimelineDecryptor(machine, store, directory::isEncrypted);
        EncryptionGuard guard = new EncryptionGuard(client, session, directory, store);
        this.outbox = new OutboxSender(client, session, machine, pump, directory, store, guard);
        this.keyBackup = new KeyBackup(client, session, machine, pump);
        this.roomList = new RoomListSyncHandler(client, session, directory, autoJoinInvites, roomListener,
                this::preview, guard::encryptIfPossible);
        this.gaps = new GapFiller(client, session, store);
        EngineSyncHandler handler = new EngineSyncHandler(machine, pump, directory, decryptor, store, roomList,
                this::timelinesChanged, gaps, this::bundleArrived);
        handler.onReceipts(this::receiptsArrived);
        handler.onStored(this::previewsStale);
        this.sync = new SyncService(client, session, state.map(EngineStore.SyncState::since).orElse(null), handler,
                new RecoveryForwarder(roomListener, this::retryNow));
    }

    public Session session() {
        return session;
    }

    /** The rooms from the local store, before any network: what the caseworker sees at once after unlocking. */
    public void publishStoredRooms() {
        roomList.publish();
    }

    /** How many rooms a first screenful shows: more than a queue's window holds on a large screen. */
    public static final int FIRST_SCREEN_ROOMS = 40;

    public void start() {
        running = true;
        if (sync.since() == null) {
            // Never synced: the first /sync answer grows with the number of rooms (seconds at 1,000), so the newest
            // rooms are shown from one sliding sync request meanwhile (ADR 0021).
            Thread.ofPlatform().daemon().name("first-screen-" + session.deviceId())
                    .start(() -> showFirstScreenful(FIRST_SCREEN_ROOMS));
        }
        sync.start();
        // A platform thread: the outbox calls into native crypto (key sharing can block for seconds), and a JNI call
        // on a virtual thread pins its carrier, stalling every other virtual thread of the process.
        outboxThread = Thread.ofPlatform().daemon().name("outbox-" + session.deviceId()).start(this::outboxLoop);
    }

    /**
     * Shows the {@code count} newest rooms from one sliding sync request (MSC4186), unless the full room list went out
     * already; nothing is stored (see {@link de.amtsdesk.core.matrix.FirstScreenful}).
     *
     * @return the rooms shown, empty when none were (no sliding sync, a failure, or {@code /sync} was first)
     */
    public List<de.amtsdesk.core.matrix.RoomSummary> showFirstScreenful(int count) {
        return new de.amtsdesk.core.matrix.FirstScreenful(client, session).fetch(count)
                .filter(roomList::publishFirstScreen)
                .orElse(List.of());
    }

    /** One sync round trip; tests and tools use this instead of the background loop. */
    public void syncOnce(Duration timeout) throws MatrixException {
        sync.syncOnce(timeout);
    }

    /** One outbox pass; tests and tools use this instead of the background loop. */
    public void sendPendingNow() throws MatrixException {
        roomsChanged(outbox.sendPending());
    }

    public long unsentCount() {
        return store.unsentCount();
    }

    /**
     * Creates the account's first key backup and uploads every room key of this workstation to it.
     *
     * @return the recovery key, to be shown once and kept by the admin
     * @throws KeyBackupExistsException the account has a backup: restore it, or replace it explicitly
     */
    public String setUpKeyBackup() throws MatrixException, KeyBackupExistsException {
        return keyBackup.create();
    }

    /**
     * Replaces the account's backup with a new version and a new recovery key: only as an explicit, confirmed action
     * (the UI offers it to team leads). Every room key of this workstation goes into the new version.
     */
    public String replaceKeyBackup(String confirmedVersion) throws MatrixException {
        return keyBackup.replace(confirmedVersion);
    }

    public KeyBackupStatus keyBackupStatus() throws MatrixException {
        return keyBackup.status();
    }

    public boolean serverHasKeyBackup() throws MatrixException {
        return keyBackup.serverVersion().isPresent();
    }

    /** Restores room keys from the backup and decrypts whatever was waiting for them. */
    public int restoreKeyBackup(String recoveryKey) throws MatrixException {
        return restoreKeyBackup(recoveryKey, KeyRestoreProgress.NONE);
    }

    /** As {@link #restoreKeyBackup(String)}, telling {@code progress} after each batch of keys. */
    public int restoreKeyBackup(String recoveryKey, KeyRestoreProgress progress) throws MatrixException {
        // Minutes of decrypting and storing: on a low-priority thread, so the window keeps its frames meanwhile.
        return LowPriorityWork.call("amtsdesk-key-restore", () -> {
            int imported = keyBackup.restore(recoveryKey, progress);
            roomsChanged(decryptor.retry(store.allUndecryptable(
                    directory.summaries().stream().map(de.amtsdesk.core.matrix.RoomSummary::roomId).toList())));
            return imported;
        });
    }

    public RoomDirectory directory() {
        return directory;
    }

    // ---- Room history for members who join later (MSC4268, ADR 0015) ----

    /**
     * Gives this account a cross-signing identity and signs this device, unless it has one: room history is shared
     * only between cross-signed devices. Needs no password on Synapse for the first identity (MSC3967).
     *
     * @return whether this device is cross-signed now (false: the account has an identity elsewhere that this
     *     workstation must first restore from secret storage)
     */
    public boolean ensureCrossSigning() throws MatrixException {
        return keyBackup.crossSign();
    }

    /** The first sync of this room fetches its whole history, back to its creation (the staff log is folded whole). */
    public void wantWholeHistory(String roomId) {
        gaps.wantWholeHistory(roomId);
    }

    /**
     * Shares the room's history with a member who joins later: builds the room key bundle of every shareable room
     * key this device holds for the room, uploads it encrypted, and sends its key to the user's cross-signed devices.
     *
     * @return how many to-device requests went out (0: nothing to share, or the user has no cross-signed device)
     */
    public int shareRoomHistory(String roomId, String userId) throws MatrixException {
        if (!ensureCrossSigning()) {
            throw new MatrixException(MatrixFailure.REQUEST_REJECTED,
                    "this workstation is not cross-signed: room history cannot be shared", roomId);
        }
        machine.updateTrackedUsers(List.of(userId));
        pump.flush(); // the user's devices and cross-signing identity
        var claim = machine.missingSessions(List.of(userId));
        if (claim.isPresent()) {
            pump.send(claim.get());
        }
        de.amtsdesk.crypto.RoomKeyBundle bundle = machine.buildRoomKeyBundle(roomId);
        if (bundle.isEmpty()) {
            LOG.info("no room keys of {} to share with {}", roomId, userId);
            return 0;
        }
        String url = client.uploadMedia(session, bundle.ciphertext(), "application/octet-stream");
        ObjectNode file;
        try {
            file = (ObjectNode) JSON.readTree(bundle.encryptedFileJson());
        } catch (IOException e) {
            throw new IllegalStateException("the bundle's file info is not JSON", e);
        }
        file.put("url", url);
        var requests = machine.shareRoomKeyBundle(roomId, userId, file.toString());
        pump.sendAll(requests);
        if (requests.isEmpty()) {
            LOG.warn("{} has no cross-signed device: the history of {} was not shared", userId, roomId);
        } else {
            LOG.info("shared {} room keys of {} with {}", bundle.roomKeys(), roomId, userId);
        }
        return requests.size();
    }

    /**
     * Imports the room history {@code sender} shared with this device for the room, if its bundle arrived, and
     * decrypts the room's events that waited for those keys. The caller decides whom to accept history from.
     *
     * @return the room keys that were new, or empty when no bundle from {@code sender} arrived (yet)
     */
    public java.util.Optional<Long> acceptRoomHistory(String roomId, String sender) throws MatrixException {
        var file = machine.receivedRoomKeyBundle(roomId, sender);
        if (file.isEmpty()) {
            return java.util.Optional.empty();
        }
        String url;
        try {
            url = JSON.readTree(file.get()).path("url").asText(null);
        } catch (IOException e) {
            throw new IllegalStateException("the bundle's file info is not JSON", e);
        }
        byte[] ciphertext = client.downloadMedia(session, url);
        // The sender's device must be known with its cross-signing signature, or the machine refuses the bundle.
        machine.updateTrackedUsers(List.of(sender));
        pump.flush();
        de.amtsdesk.crypto.RoomKeyBundle.Imported imported = machine.importRoomKeyBundle(roomId, sender, ciphertext);
        LOG.info("room history of {} from {}: {} of {} room keys new", roomId, sender, imported.newRoomKeys(),
                imported.roomKeys());
        roomsChanged(decryptor.retry(store.allUndecryptable(List.of(roomId))));
        return java.util.Optional.of(imported.newRoomKeys());
    }

    /** Told (room ID, sender) whenever a room key bundle arrives by sync; see {@link #acceptRoomHistory}. */
    public void addRoomKeyBundleListener(java.util.function.BiConsumer<String, String> listener) {
        bundleListeners.add(listener);
    }

    public void removeRoomKeyBundleListener(java.util.function.BiConsumer<String, String> listener) {
        bundleListeners.remove(listener);
    }

    private void bundleArrived(String roomId, String sender) {
        LOG.info("room key bundle for {} from {} arrived", roomId, sender);
        for (var listener : bundleListeners) {
            try {
                listener.accept(roomId, sender);
            } catch (RuntimeException e) {
                LOG.warn("room key bundle listener failed: {}", e.getClass().getSimpleName());
            }
        }
    }

    /**
     * Sends whatever is queued; new messages wake it at once. After a failure it waits out one back-off for the
     * connection: messages queued meanwhile do not wake it (twenty queued messages must not become twenty attempts
     * and a minute-long back-off), only {@link #retryNow()} or a recovered sync does.
     */
    private void outboxLoop() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), new Random());
        while (running) {
            try {
                roomsChanged(outbox.sendPending());
                outbox.takeProgress();
                backoff.reset();
                if (outboxWake.tryAcquire(30, TimeUnit.SECONDS)) {
                    outboxWake.drainPermits(); // several messages queued at once: one pass sends them all
                }
            } catch (MatrixException e) {
                if (outbox.takeProgress() > 0) {
                    // Messages went out before this failure: the connection works now and then, so the next try
                    // starts from a short wait again instead of climbing towards a minute on a flaky line.
                    backoff.reset();
                }
                Duration wait = backoff.next(e);
                LOG.info("outbox paused ({}), next try in {} ms", e.failure(), wait.toMillis());
                if (!awaitRetry(wait)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("outbox pass failed unexpectedly", e);
                if (!awaitRetry(backoff.next(null))) {
                    return;
                }
            }
        }
    }

    private boolean awaitRetry(Duration wait) {
        try {
            if (reconnect.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.info("outbox back-off ended early (retry now, or the connection is back)");
            }
            reconnect.drainPermits();
            outboxWake.drainPermits();
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** The caseworker's "retry now" (or a recovered connection): ends the outbox's back-off at once. */
    public void retryNow() {
        reconnect.release();
        outboxWake.release();
        if (sync != null) {
            sync.retryNow();
        }
    }

    /** Outbox and backup changes: tell the open conversations, then republish the room list (previews). */
    private void roomsChanged(Set<String> rooms) {
        if (rooms.isEmpty()) {
            return;
        }
        timelinesChanged(rooms);
        roomList.publish();
    }

    /** Sync batches publish the room list themselves (after storing), so they only tell the conversations. */
    private void timelinesChanged(Set<String> rooms) {
        previewsStale(rooms);
        for (String roomId : rooms) {
            listeners.forEach(l -> l.timelineChanged(roomId));
        }
    }

    /**
     * Each room's preview, read from the store once and kept until something is stored in the room: publishing the
     * room list after every sync batch would otherwise query every room (1,000 queries a batch at 1,000 rooms).
     * A drop that meets a read of the same room in progress waits for it ({@link java.util.concurrent.ConcurrentHashMap#computeIfAbsent}
     * holds the entry), and rooms are dropped only after their writes committed, so no stale preview survives.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, String> previews =
            new java.util.concurrent.ConcurrentHashMap<>();

    private void previewsStale(Set<String> rooms) {
        rooms.forEach(previews::remove);
    }

    private String preview(String roomId) {
        return previews.computeIfAbsent(roomId, this::readPreview);
    }

    private String readPreview(String roomId) {
        return store.lastMessage(roomId)
                .map(this::toEntry)
                .map(e -> switch (e.kind()) {
                    case TEXT, NOTICE -> e.body();
                    case FILE, IMAGE -> e.attachment().name();
                    case POLL_START -> e.poll().question();
                    default -> "";
                })
                .orElse("");
    }

    // ---- Conversations ----

    @Override
    public List<TimelineEntry> timeline(String roomId) {
        return timeline(roomId, TIMELINE_LIMIT);
    }

    /** The newest {@code limit} stored events of the room in server order, then what the outbox still holds. */
    public List<TimelineEntry> timeline(String roomId, int limit) {
        List<TimelineEntry> entries = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (EngineStore.StoredEvent event : store.timeline(roomId, limit)) {
            TimelineEntry entry = toEntry(event);
            seen.add(entry.id());
            entries.add(entry);
        }
        for (EngineStore.OutboxItem item : store.outboxOf(roomId)) {
            if (item.eventId() != null && seen.contains(item.eventId())) {
                continue;
            }
            entries.add(echo(item));
        }
        return entries;
    }

    private TimelineEntry toEntry(EngineStore.StoredEvent event) {
        if (event.decryption() == EngineStore.Decryption.UNABLE_TO_DECRYPT) {
            return new TimelineEntry(event.eventId(), event.roomId(), event.sender(),
                    Instant.ofEpochMilli(event.originServerTs()), TimelineEntry.Kind.UNDECRYPTABLE, "", null, null,
                    null, null, event.problem());
        }
        ObjectNode clear = JSON.createObjectNode()
                .put("event_id", event.eventId()).put("sender", event.sender())
                .put("origin_server_ts", event.originServerTs()).put("type", event.type());
        clear.set("content", readOrEmpty(event.contentJson()));
        boolean wasEncrypted = event.decryption() == EngineStore.Decryption.DECRYPTED;
        TimelineEntry entry = EventInterpreter.interpret(event.roomId(), clear)
                .withTrust(MessageTrust.fromStored(event.trust(), wasEncrypted));
        if (session.userId().equals(event.sender())) {
            return withState(entry, TimelineEntry.SendState.SENT);
        }
        return entry;
    }

    private TimelineEntry echo(EngineStore.OutboxItem item) {
        // Until the server's copy arrives by sync, a sent message is known by the event ID the send returned;
        // unsent ones by their transaction ID (which is what "retry" takes).
        String id = item.eventId() != null ? item.eventId() : item.txnId();
        ObjectNode clear = JSON.createObjectNode()
                .put("event_id", id).put("sender", session.userId())
                .put("origin_server_ts", item.createdAt()).put("type", item.eventType());
        clear.set("content", readOrEmpty(item.contentJson()));
        TimelineEntry.SendState state = TimelineEntry.SendState.valueOf(item.state().name());
        TimelineEntry entry = EventInterpreter.interpret(item.roomId(), clear);
        // A failed message carries the outbox's reason (e.g. NOT_ENCRYPTED), for the caseworker to see why.
        return withState(entry, state, state == TimelineEntry.SendState.FAILED ? item.error() : entry.problem());
    }

    private static TimelineEntry withState(TimelineEntry e, TimelineEntry.SendState state) {
        return withState(e, state, e.problem());
    }

    private static TimelineEntry withState(TimelineEntry e, TimelineEntry.SendState state, String problem) {
        return new TimelineEntry(e.id(), e.roomId(), e.sender(), e.timestamp(), e.kind(), e.body(), e.attachment(),
                e.poll(), e.relatesTo(), state, problem, e.trust());
    }

    private static JsonNode readOrEmpty(String json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /**
     * Queues any event (e.g. a staff-log event); it goes out through the outbox, encrypted in encrypted rooms.
     * @return the transaction ID
     */
    public String sendEvent(String roomId, String eventType, String contentJson) {
        return queued(store.enqueue(roomId, eventType, contentJson, null), roomId);
    }

    /** Stored events of a room in server order (clear types and contents), for folds such as the staff log. */
    public List<EngineStore.StoredEvent> storedEvents(String roomId) {
        return store.timeline(roomId, Integer.MAX_VALUE);
    }

    /** The outbox entry of a transaction (state, and the event ID once sent); empty once discarded. */
    public java.util.Optional<EngineStore.OutboxItem> outboxItem(String transactionId) {
        return store.outboxItem(transactionId);
    }

    public MatrixClient client() {
        return client;
    }

    /**
     * Lets the unit's policy decide whether this engine joins citizen invitations by itself (it asks at every sync).
     * Only matters for an engine made to join invitations; without a policy it joins them all.
     */
    public void joinInvitesWhen(java.util.function.BooleanSupplier unitPolicy) {
        roomList.joinInvitesWhen(unitPolicy);
    }

    /** Invitations not joined (yet): with a unit policy that asks first, these wait for a caseworker. */
    public java.util.Set<String> pendingInvites() {
        return directory.pendingInvites();
    }

    /** A caseworker accepts an invitation: joined now, encryption turned on if the room lacks it, room list told. */
    public void acceptInvite(String roomId) throws MatrixException {
        roomList.join(roomId);
        roomList.publish();
    }

    /**
     * Decrypts an event fetched outside the sync (a link to one event, a report): nothing is stored.
     *
     * @throws de.amtsdesk.crypto.DecryptionFailedException if this device holds no key for it
     */
    public de.amtsdesk.crypto.DecryptedEvent decryptFetched(String roomId, String eventJson) {
        return machine.decryptRoomEvent(roomId, eventJson);
    }

    @Override
    public String sendText(String roomId, String body) {
        return queued(store.enqueue(roomId, "m.room.message", MessageContents.text(body).toString(), null), roomId);
    }

    @Override
    public String sendFile(String roomId, Path file) throws IOException {
        byte[] plaintext = Files.readAllBytes(file);
        String mimetype = Files.probeContentType(file);
        Path name = file.getFileName();
        return sendFile(roomId, plaintext, name == null ? "datei" : name.toString(),
                mimetype == null ? "application/octet-stream" : mimetype);
    }

    /**
     * Queues bytes as an encrypted attachment ({@code m.file}, or {@code m.image} for images): encrypted here with a
     * fresh key (AES-CTR, SHA-256 of the ciphertext in the event), only the ciphertext is uploaded by the outbox,
     * the key travels inside the Megolm-encrypted event.
     *
     * @return the transaction ID
     */
    public String sendFile(String roomId, byte[] plaintext, String fileName, String mimetype) throws IOException {
        EncryptedAttachment encrypted = Attachments.encrypt(plaintext);
        Files.createDirectories(outboxMediaDir);
        Path ciphertext = Files.createTempFile(outboxMediaDir, "outbox-", ".bin");
        Files.write(ciphertext, encrypted.ciphertext(), StandardOpenOption.TRUNCATE_EXISTING);
        ObjectNode fileInfo = (ObjectNode) JSON.readTree(encrypted.encryptedFileJson());
        ObjectNode content = MessageContents.encryptedFile(fileName, mimetype, plaintext.length, fileInfo);
        return queued(store.enqueue(roomId, "m.room.message", content.toString(), ciphertext), roomId);
    }

    /** Told the {@code m.read} receipts each sync batch brings (called on the sync thread, after storing). */
    public void addReceiptListener(java.util.function.Consumer<List<ReadReceipt>> listener) {
        receiptListeners.add(listener);
    }

    public void removeReceiptListener(java.util.function.Consumer<List<ReadReceipt>> listener) {
        receiptListeners.remove(listener);
    }

    private void receiptsArrived(List<ReadReceipt> receipts) {
        for (var listener : receiptListeners) {
            try {
                listener.accept(receipts);
            } catch (RuntimeException e) {
                LOG.warn("read receipt listener failed: {}", e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public String sendPoll(String roomId, String question, List<String> answers) {
        return queuePoll(roomId, MessageContents.pollStart(question, answers));
    }

    @Override
    public String sendPoll(String roomId, PollDraft draft) {
        return queuePoll(roomId, MessageContents.pollStart(draft));
    }

    private String queuePoll(String roomId, ObjectNode content) {
        return queued(store.enqueue(roomId, PollNamespace.UNSTABLE.start(), content.toString(), null), roomId);
    }

    private String queued(String txnId, String roomId) {
        outboxWake.release();
        listeners.forEach(l -> l.timelineChanged(roomId));
        return txnId;
    }

    @Override
    public void retry(String transactionId) {
        store.outboxItem(transactionId).ifPresent(item -> {
            store.markQueued(transactionId);
            queued(transactionId, item.roomId());
        });
    }

    /** Events per page when paging older history in. */
    private static final int OLDER_PAGE = 50;

    @Override
    public int loadOlder(String roomId) throws MatrixException {
        var oldest = store.oldestEventId(roomId);
        if (oldest.isEmpty()) {
            return 0;
        }
        String from = client.tokenBefore(session, roomId, oldest.get());
        JsonNode page = client.messagesBackwards(session, roomId, from, OLDER_PAGE);
        List<JsonNode> oldestFirst = new ArrayList<>();
        page.path("chunk").forEach(event -> oldestFirst.addFirst(event));
        int added = oldestFirst.isEmpty() ? 0 : decryptor.storeOlder(roomId, oldestFirst);
        if (added > 0) {
            timelinesChanged(Set.of(roomId));
        }
        return added;
    }

    @Override
    public boolean isEncrypted(String roomId) {
        return directory.isEncrypted(roomId) || store.wasEverEncrypted(roomId);
    }

    @Override
    public java.util.Optional<String> discard(String transactionId) {
        var item = store.outboxItem(transactionId);
        if (item.isEmpty() || !store.discard(transactionId)) {
            return java.util.Optional.empty();
        }
        if (item.get().attachment() != null) {
            try {
                Files.deleteIfExists(item.get().attachment());
            } catch (IOException e) {
                LOG.warn("discarded message's file not deleted: {}", e.getClass().getSimpleName());
            }
        }
        listeners.forEach(l -> l.timelineChanged(item.get().roomId()));
        outboxWake.release(); // the room's next message may go now
        return java.util.Optional.of(item.get().contentJson());
    }

    @Override
    public String saveAttachment(Attachment attachment, Path target) throws MatrixException, IOException {
        if (!attachment.encrypted()) {
            throw new MatrixException(MatrixFailure.REQUEST_REJECTED, "unencrypted attachments are not accepted",
                    attachment.name());
        }
        JsonNode file = JSON.readTree(attachment.encryptedFileJson());
        byte[] ciphertext = client.downloadMedia(session, file.path("url").asText(null));
        byte[] plaintext = Attachments.decrypt(ciphertext, attachment.encryptedFileJson());
        Files.write(target, plaintext);
        return sha256(plaintext);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public PollTally.Result pollResult(String roomId, String pollStartEventId) {
        var entries = store.timeline(roomId, TIMELINE_LIMIT);
        TimelineEntry start = null;
        List<PollTally.Vote> votes = new ArrayList<>();
        List<PollTally.End> ends = new ArrayList<>();
        for (EngineStore.StoredEvent event : entries) {
            TimelineEntry entry = toEntry(event);
            if (entry.id().equals(pollStartEventId) && entry.kind() == TimelineEntry.Kind.POLL_START) {
                start = entry;
            } else if (pollStartEventId.equals(entry.relatesTo())) {
                if (entry.kind() == TimelineEntry.Kind.POLL_RESPONSE) {
                    votes.add(new PollTally.Vote(entry.sender(), entry.timestamp(),
                            EventInterpreter.pollAnswers(readOrEmpty(event.contentJson()))));
                } else if (entry.kind() == TimelineEntry.Kind.POLL_END) {
                    ends.add(new PollTally.End(entry.sender(), entry.timestamp()));
                }
            }
        }
        if (start == null) {
            return new PollTally.Result(Map.of(), 0, false);
        }
        // MSC3381: only the poll's creator (or a moderator, which citizen rooms of the agency do not have) may end
        // it; anyone else's end event is ignored, so a citizen cannot close the agency's poll.
        Instant ended = PollTally.closedAt(Set.of(start.sender()), ends);
        return PollTally.tally(start.poll(), votes, ended);
    }

    @Override
    public void markRead(String roomId, String eventId) {
        Thread.ofVirtual().start(() -> {
            try {
                client.sendReadReceipt(session, roomId, eventId);
            } catch (MatrixException e) {
                LOG.debug("read receipt not sent: {}", e.failure());
            }
        });
    }

    @Override
    public String senderName(String roomId, String userId) {
        return directory.memberName(roomId, userId);
    }

    @Override
    public void addListener(ConversationListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ConversationListener listener) {
        listeners.remove(listener);
    }

    /** Passes everything on to the UI's listener; a recovered sync also ends the outbox's back-off. */
    private record RecoveryForwarder(SyncListener delegate, Runnable onRecovered) implements SyncListener {
        @Override
        public void roomsChanged(List<de.amtsdesk.core.matrix.RoomSummary> rooms) {
            delegate.roomsChanged(rooms);
        }

        @Override
        public void syncFailing(MatrixException problem) {
            delegate.syncFailing(problem);
        }

        @Override
        public void syncRecovered() {
            onRecovered.run();
            delegate.syncRecovered();
        }

        @Override
        public void sessionEnded(MatrixException reason) {
            delegate.sessionEnded(reason);
        }

        @Override
        public void caughtUp() {
            delegate.caughtUp();
        }
    }

    @Override
    public void close() {
        running = false;
        sync.close();
        if (outboxThread != null) {
            outboxThread.interrupt();
        }
    }
}
