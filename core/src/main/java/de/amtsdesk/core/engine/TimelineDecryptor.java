package de.amtsdesk.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsdesk.crypto.CryptoNativeException;
import de.amtsdesk.crypto.DecryptedEvent;
import de.amtsdesk.crypto.DecryptionFailedException;
import de.amtsdesk.crypto.OlmMachineHandle;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores timeline events, decrypted where possible. An event whose key has not arrived is kept encrypted with its
 * session ID and decrypted later, when the key comes (to-device, forwarded, or from the backup).
 */
final class TimelineDecryptor {

    private static final Logger LOG = LoggerFactory.getLogger(TimelineDecryptor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ENCRYPTED = "m.room.encrypted";

    private final OlmMachineHandle machine;
    private final EngineStore store;

    TimelineDecryptor(OlmMachineHandle machine, EngineStore store) {
        this.machine = machine;
        this.store = store;
    }

    /** @return whether something visible changed */
    boolean store(String roomId, JsonNode event) {
        String eventId = event.path("event_id").asText(null);
        String type = event.path("type").asText(null);
        if (eventId == null || type == null || !event.path("content").isObject()) {
            LOG.debug("skipping malformed timeline event in {}", roomId);
            return false;
        }
        String sender = event.path("sender").asText("");
        long ts = event.path("origin_server_ts").asLong(0);
        if (!type.equals(ENCRYPTED)) {
            store.saveEvent(new EngineStore.StoredEvent(roomId, eventId, sender, ts, type,
                    event.path("content").toString(), event.toString(), EngineStore.Decryption.PLAINTEXT, null, null));
            return true;
        }
        String sessionId = event.path("content").path("session_id").asText(null);
        try {
            JsonNode clear = decrypt(roomId, event);
            store.saveEvent(new EngineStore.StoredEvent(roomId, eventId, sender, ts, clear.path("type").asText(type),
                    clear.path("content").toString(), event.toString(), EngineStore.Decryption.DECRYPTED, null,
                    sessionId));
        } catch (DecryptionFailedException e) {
            LOG.info("event {} in {} not decryptable yet: {}", eventId, roomId, e.reason());
            store.saveEvent(new EngineStore.StoredEvent(roomId, eventId, sender, ts, ENCRYPTED, null, event.toString(),
                    EngineStore.Decryption.UNABLE_TO_DECRYPT, e.reason().name(), sessionId));
        } catch (CryptoNativeException | IllegalArgumentException e) {
            LOG.warn("event {} in {} could not be decrypted: {}", eventId, roomId, e.getClass().getSimpleName());
            store.saveEvent(new EngineStore.StoredEvent(roomId, eventId, sender, ts, ENCRYPTED, null, event.toString(),
                    EngineStore.Decryption.UNABLE_TO_DECRYPT, "MALFORMED_EVENT", sessionId));
        }
        return true;
    }

    /** Tries again for events of the given sessions; returns the rooms where something became readable. */
    Set<String> retry(Iterable<EngineStore.StoredEvent> candidates) {
        Set<String> changed = new HashSet<>();
        for (EngineStore.StoredEvent stored : candidates) {
            try {
                JsonNode clear = decrypt(stored.roomId(), JSON.readTree(stored.rawJson()));
                store.markDecrypted(stored.eventId(), clear.path("type").asText(ENCRYPTED),
                        clear.path("content").toString());
                changed.add(stored.roomId());
            } catch (DecryptionFailedException e) {
                LOG.debug("event {} still not decryptable: {}", stored.eventId(), e.reason());
            } catch (Exception e) {
                LOG.warn("retrying event {} failed: {}", stored.eventId(), e.getClass().getSimpleName());
            }
        }
        return changed;
    }

    private JsonNode decrypt(String roomId, JsonNode event) {
        DecryptedEvent decrypted = machine.decryptRoomEvent(roomId, event.toString());
        try {
            return JSON.readTree(decrypted.clearEventJson());
        } catch (Exception e) {
            throw new IllegalArgumentException("decrypted payload is not JSON", e);
        }
    }
}
