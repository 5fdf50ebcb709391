package de.amtsdesk.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.core.matrix.MatrixClient;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.RoomDirectory;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.crypto.OlmMachineHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the persistent outbox in order. Each entry carries its transaction ID from the moment it was queued, so a
 * crash, a kill or an outage between "sent" and "marked sent" yields the same event on retry, never a duplicate.
 * A transient failure stops the pass (later messages must not overtake earlier ones); a rejection marks only that
 * message as failed, for the caseworker to retry.
 */
final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MatrixClient client;
    private final Session session;
    private final OlmMachineHandle machine;
    private final CryptoRequestPump pump;
    private final RoomDirectory directory;
    private final EngineStore store;
    private final EncryptionGuard guard;
    /** Messages delivered since {@link #takeProgress()} was last asked: a pass that got some out made progress. */
    private final java.util.concurrent.atomic.AtomicInteger delivered = new java.util.concurrent.atomic.AtomicInteger();

    OutboxSender(MatrixClient client, Session session, OlmMachineHandle machine, CryptoRequestPump pump,
            RoomDirectory directory, EngineStore store, EncryptionGuard guard) {
        this.client = client;
        this.session = session;
        this.machine = machine;
        this.pump = pump;
        this.directory = directory;
        this.store = store;
        this.guard = guard;
    }

    /**
     * One pass over the queue.
     *
     * @return rooms whose outbox changed
     * @throws MatrixException on a transient failure; the entry is queued again and the caller backs off
     */
    Set<String> sendPending() throws MatrixException {
        Set<String> changed = new TreeSet<>();
        // Rooms whose members' devices were queried in this pass: once per room and pass is enough (a burst of
        // queued messages costs one /keys/query, not one each).
        Set<String> devicesQueried = new java.util.HashSet<>();
        for (var next = store.nextPending(); next.isPresent(); next = store.nextPending()) {
            EngineStore.OutboxItem item = next.get();
            store.markSending(item.txnId());
            changed.add(item.roomId());
            try {
                String eventId = deliver(item, devicesQueried);
                store.markSent(item.txnId(), eventId);
                delivered.incrementAndGet();
                deleteMedia(item);
                LOG.info("outbox {} delivered", item.txnId());
            } catch (SendRefusedException e) {
                LOG.warn("outbox {} refused: {}", item.txnId(), e.getMessage());
                store.markFailed(item.txnId(), e.reason());
            } catch (MatrixException e) {
                if (e.isTransient() || e.endsSession()) {
                    // A logout is no verdict on the message: it waits for the next session, like after an outage.
                    store.markQueued(item.txnId());
                    throw e;
                }
                LOG.warn("outbox {} rejected: {} {}", item.txnId(), e.failure(), e.errcode().orElse(""));
                // The server's own reason (M_TOO_LARGE, M_FORBIDDEN, …) when it gave one: the UI says it in words.
                store.markFailed(item.txnId(), e.errcode().orElse(e.failure().name()));
            } catch (IOException | RuntimeException e) {
                LOG.warn("outbox {} failed: {}", item.txnId(), e.getClass().getSimpleName());
                store.markFailed(item.txnId(), e.getClass().getSimpleName());
            }
        }
        return changed;
    }

    /** How many messages went out since the last call (and resets the count). */
    int takeProgress() {
        return delivered.getAndSet(0);
    }

    /** Whether both user IDs name the same homeserver (the part after the first colon). */
    static boolean sameServer(String userId, String ownUserId) {
        int colon = userId.indexOf(':');
        int ownColon = ownUserId.indexOf(':');
        return colon > 0 && ownColon > 0 && userId.substring(colon + 1).equals(ownUserId.substring(ownColon + 1));
    }

    /** The ciphertext of a sent file is on the server now; a copy on disk would only grow the data folder. */
    private static void deleteMedia(EngineStore.OutboxItem item) {
        if (item.attachment() == null) {
            return;
        }
        try {
            Files.deleteIfExists(item.attachment());
        } catch (IOException e) {
            LOG.warn("outbox {}: sent file not deleted ({})", item.txnId(), e.getClass().getSimpleName());
        }
    }

    private String deliver(EngineStore.OutboxItem item, Set<String> devicesQueried) throws MatrixException, IOException, SendRefusedException {
        ObjectNode content = (ObjectNode) JSON.readTree(item.contentJson());
        // Before anything leaves (even ciphertext media): never in clear, whatever the directory forgot.
        guard.requireEncrypted(item.roomId());
        if (item.attachment() != null) {
            // The file was encrypted when it was queued; only ciphertext lies on disk and goes to the server.
            byte[] ciphertext = Files.readAllBytes(item.attachment());
            String mxc = client.uploadMedia(session, ciphertext, "application/octet-stream");
            ((ObjectNode) content.path("file")).put("url", mxc);
        }
        // The members the sync told us about (full member lists, no lazy loading); only a room the directory has no
        // members for (e.g. after a damaged snapshot) costs a request to the server.
        var members = new TreeSet<>(directory.membersToShareWith(item.roomId()));
        if (members.isEmpty()) {
            members.addAll(client.joinedMembers(session, item.roomId()));
        }
        var users = members.stream().toList();
        machine.updateTrackedUsers(users);
        pump.flush();
        if (!devicesQueried.contains(item.roomId())) {
            // The members' devices as the server knows them now, not as far as this device's last sync told: a
            // device a member added since then (a second workstation, a restored profile) would otherwise miss
            // the room key and get it only with a later message, from that message's index on; everything this
            // session encrypted before would stay unreadable there (UNKNOWN_MESSAGE_INDEX). The machine waits
            // for a pending query only for members it knows no device of.
            // Only members on this homeserver: it answers from its own database at once. For members elsewhere it
            // would ask their server, and a failure there keeps the crypto machine from claiming their keys for a
            // while; their device changes reach us by sync as before.
            var local = users.stream().filter(user -> sameServer(user, session.userId())).toList();
            if (!local.isEmpty()) {
                pump.send(machine.queryKeys(local));
            }
            devicesQueried.add(item.roomId()); // only once it went through: a failed query is tried again
        }
        var claim = machine.missingSessions(users);
        if (claim.isPresent()) {
            pump.send(claim.get());
        }
        pump.sendAll(machine.shareRoomKey(item.roomId(), users));
        JsonNode encrypted = JSON.readTree(machine.encryptRoomEvent(item.roomId(), item.eventType(), content.toString()));
        String eventId = client.sendRoomEvent(session, item.roomId(), TimelineDecryptor.ENCRYPTED, item.txnId(),
                encrypted);
        pump.flush();
        return eventId;
    }
}
