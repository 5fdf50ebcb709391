package de.amtsdesk.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsdesk.core.matrix.MatrixClient;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.MatrixFailure;
import de.amtsdesk.core.matrix.RoomDirectory;
import de.amtsdesk.core.matrix.Session;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails closed: nothing leaves this workstation unless the room is encrypted. A room counts as encrypted when the
 * sticky record in the store or the room directory says so; when neither does, the server's state is asked, and a
 * room without encryption gets it turned on by the agency (a member with enough power) before the first message.
 * When the agency may not do that, sending is refused with a reason the caseworker sees. There is no path that
 * sends a message in clear.
 */
final class EncryptionGuard {

    private static final Logger LOG = LoggerFactory.getLogger(EncryptionGuard.class);
    static final String MEGOLM = "m.megolm.v1.aes-sha2";
    private static final String ENCRYPTION_EVENT = "m.room.encryption";

    private final MatrixClient client;
    private final Session session;
    private final RoomDirectory directory;
    private final EngineStore store;

    EncryptionGuard(MatrixClient client, Session session, RoomDirectory directory, EngineStore store) {
        this.client = client;
        this.session = session;
        this.directory = directory;
        this.store = store;
    }

    /**
     * Returns normally only when the room is (now) encrypted.
     *
     * @throws SendRefusedException the room is not encrypted and the agency may not change that
     * @throws MatrixException the server could not be asked (transient ones are retried by the outbox)
     */
    void requireEncrypted(String roomId) throws SendRefusedException, MatrixException {
        if (store.wasEverEncrypted(roomId)) {
            directory.markEncrypted(java.util.List.of(roomId));
            return;
        }
        if (directory.isEncrypted(roomId)) {
            store.rememberEncrypted(roomId, MEGOLM);
            return;
        }
        var state = client.getState(session, roomId, ENCRYPTION_EVENT, "");
        if (state.isPresent() && state.get().hasNonNull("algorithm")) {
            store.rememberEncrypted(roomId, state.get().path("algorithm").asText());
            directory.markEncrypted(java.util.List.of(roomId));
            return;
        }
        turnOnEncryption(roomId);
    }

    /** Best effort, right after joining: a citizen's unencrypted room becomes encrypted before anyone writes. */
    void encryptIfPossible(String roomId) {
        try {
            requireEncrypted(roomId);
        } catch (SendRefusedException e) {
            LOG.warn("room {} stays unencrypted: {}", roomId, e.getMessage());
        } catch (MatrixException e) {
            LOG.info("could not check the encryption of room {} now ({}); the outbox checks again before sending",
                    roomId, e.failure());
        }
    }

    private void turnOnEncryption(String roomId) throws SendRefusedException, MatrixException {
        try {
            client.putState(session, roomId, ENCRYPTION_EVENT, "", Map.of("algorithm", MEGOLM));
        } catch (MatrixException e) {
            if (e.failure() == MatrixFailure.REQUEST_REJECTED) {
                throw new SendRefusedException(SendRefusedException.NOT_ENCRYPTED,
                        "room " + roomId + " is not encrypted and the agency may not turn encryption on ("
                                + e.errcode().orElse("rejected") + ")");
            }
            throw e;
        }
        LOG.info("turned on encryption in room {} before sending", roomId);
        store.rememberEncrypted(roomId, MEGOLM);
        directory.markEncrypted(java.util.List.of(roomId));
    }

    /** The sticky record, fed from every sync batch: rooms whose state carries m.room.encryption. */
    static void rememberFrom(JsonNode sync, EngineStore store, RoomDirectory directory) {
        JsonNode rooms = sync.path("rooms");
        for (String section : new String[] {"join", "leave"}) {
            rooms.path(section).properties().forEach(room -> {
                scan(room.getKey(), room.getValue().path("state").path("events"), store, directory);
                scan(room.getKey(), room.getValue().path("timeline").path("events"), store, directory);
            });
        }
        rooms.path("invite").properties().forEach(room ->
                scan(room.getKey(), room.getValue().path("invite_state").path("events"), store, directory));
    }

    private static void scan(String roomId, JsonNode events, EngineStore store, RoomDirectory directory) {
        for (JsonNode event : events) {
            if (ENCRYPTION_EVENT.equals(event.path("type").asText()) && "".equals(event.path("state_key").asText(null))
                    && event.path("content").hasNonNull("algorithm")) {
                store.rememberEncrypted(roomId, event.path("content").path("algorithm").asText());
                directory.markEncrypted(java.util.List.of(roomId));
            }
        }
    }
}
