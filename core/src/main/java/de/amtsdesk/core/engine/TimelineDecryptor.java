package de.amtsdesk.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsdesk.core.conversation.MessageTrust;
import de.amtsdesk.crypto.CryptoNativeException;
import de.amtsdesk.crypto.DecryptedEvent;
import de.amtsdesk.crypto.DecryptionFailedException;
import de.amtsdesk.crypto.OlmMachineHandle;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores timeline events, decrypted where possible. An event whose key has not arrived is kept encrypted with its
 * session ID and decrypted later, when the key comes (to-device, forwarded, or from the backup).
 *
 * <p>Each message's {@link MessageTrust} is decided here and stored with it (ADR 0007): the crypto layer's
 * verification state for a decrypted event, {@link MessageTrust#OWN_DEVICE} for what this workstation encrypted
 * itself, and {@link MessageTrust#UNENCRYPTED} for a message that arrived in the clear in an encrypted room.
 */
final class TimelineDecryptor {

    private static final Logger LOG = LoggerFactory.getLogger(TimelineDecryptor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ENCRYPTED = "m.room.encrypted";

    private final OlmMachineHandle machine;
    private final EngineStore store;
    private final Predicate<String> roomEncrypted;
    /** This device's Curve25519 key, read on first use (a JNI call, so never in the constructor). */
    private volatile String ownCurve25519Key;

    /**
     * @param roomEncrypted whether a room has {@code m.room.encryption} (the room directory's view, which the sync
     *     handler updates before the batch's events are stored)
     */
    TimelineDecryptor(OlmMachineHandle machine, EngineStore store, Predicate<String> roomEncrypted) {
        this.machine = machine;
        this.store = store;
        this.roomEncrypted = roomEncrypted;
    }

    /** @return whether something visible changed */
    boolean store(String roomId, JsonNode event) {
        var decoded = decode(roomId, event);
        decoded.ifPresent(store::saveEvent);
        return decoded.isPresent();
    }

    /**
     * Decodes the event into the batch that the caller stores in one go ({@link EngineStore#saveEvents}).
     *
     * @return whether something visible changed
     */
    boolean decodeInto(String roomId, JsonNode event, java.util.List<EngineStore.StoredEvent> batch) {
        var decoded = decode(roomId, event);
        decoded.ifPresent(batch::add);
        return decoded.isPresent();
    }

    /**
     * Older history paged in on request: the events (oldest first) are decoded like any other and stored before
     * everything the room has.
     *
     * @return how many of them were new
     */
    int storeOlder(String roomId, java.util.List<JsonNode> oldestFirst) {
        java.util.List<EngineStore.StoredEvent> decoded = new java.util.ArrayList<>();
        for (JsonNode event : oldestFirst) {
            decode(roomId, event).ifPresent(decoded::add);
        }
        return store.saveOlder(roomId, decoded);
    }

    /** The event as it is stored: decrypted where possible, with its trust; empty for a malformed event. */
    private java.util.Optional<EngineStore.StoredEvent> decode(String roomId, JsonNode event) {
        String eventId = event.path("event_id").asText(null);
        String type = event.path("type").asText(null);
        if (eventId == null || type == null || !event.path("content").isObject()) {
            LOG.debug("skipping malformed timeline event in {}", roomId);
            return java.util.Optional.empty();
        }
        String sender = event.path("sender").asText("");
        long ts = event.path("origin_server_ts").asLong(0);
        if (!type.equals(ENCRYPTED)) {
            String trust = unencryptedInEncryptedRoom(roomId, type, event) ? MessageTrust.UNENCRYPTED.storedName()
                    : null;
            if (trust != null) {
                LOG.warn("event {} in encrypted room {} arrived unencrypted ({})", eventId, roomId, type);
            }
            return java.util.Optional.of(new EngineStore.StoredEvent(roomId, eventId, sender, ts, type,
                    event.path("content").toString(), event.toString(), EngineStore.Decryption.PLAINTEXT, null, null,
                    trust));
        }
        String sessionId = event.path("content").path("session_id").asText(null);
        try {
            DecryptedEvent decrypted = machine.decryptRoomEvent(roomId, event.toString());
            JsonNode clear = clearEvent(decrypted);
            return java.util.Optional.of(new EngineStore.StoredEvent(roomId, eventId, sender, ts,
                    clear.path("type").asText(type), clear.path("content").toString(), event.toString(),
                    EngineStore.Decryption.DECRYPTED, null, sessionId, trustOf(decrypted).storedName()));
        } catch (DecryptionFailedException e) {
            LOG.info("event {} in {} not decryptable yet: {}", eventId, roomId, e.reason());
            return java.util.Optional.of(new EngineStore.StoredEvent(roomId, eventId, sender, ts, ENCRYPTED, null,
                    event.toString(), EngineStore.Decryption.UNABLE_TO_DECRYPT, e.reason().name(), sessionId));
        } catch (CryptoNativeException | IllegalArgumentException e) {
            LOG.warn("event {} in {} could not be decrypted: {}", eventId, roomId, e.getClass().getSimpleName());
            return java.util.Optional.of(new EngineStore.StoredEvent(roomId, eventId, sender, ts, ENCRYPTED, null,
                    event.toString(), EngineStore.Decryption.UNABLE_TO_DECRYPT, "MALFORMED_EVENT", sessionId));
        }
    }

    /** Tries again for events of the given sessions; returns the rooms where something became readable. */
    Set<String> retry(Iterable<EngineStore.StoredEvent> candidates) {
        Set<String> changed = new HashSet<>();
        for (EngineStore.StoredEvent stored : candidates) {
            try {
                DecryptedEvent decrypted = machine.decryptRoomEvent(stored.roomId(),
                        JSON.readTree(stored.rawJson()).toString());
                JsonNode clear = clearEvent(decrypted);
                store.markDecrypted(stored.eventId(), clear.path("type").asText(ENCRYPTED),
                        clear.path("content").toString(), trustOf(decrypted).storedName());
                changed.add(stored.roomId());
            } catch (DecryptionFailedException e) {
                LOG.debug("event {} still not decryptable: {}", stored.eventId(), e.reason());
            } catch (Exception e) {
                LOG.warn("retrying event {} failed: {}", stored.eventId(), e.getClass().getSimpleName());
            }
        }
        return changed;
    }

    /**
     * A message-like event in the clear in a room that has encryption: the server or anyone between could have read
     * or written it. State events (membership, the encryption event itself, names) are never encrypted in Matrix,
     * redactions are not either, and a redacted event has no content left to warn about. Like Element, this looks
     * at the room's encryption now, so a message from before encryption was switched on that arrives in the same
     * sync as the switch is warned about too (it was indeed sent in the clear).
     */
    private boolean unencryptedInEncryptedRoom(String roomId, String type, JsonNode event) {
        return !event.has("state_key")
                && !type.equals("m.room.redaction")
                && !event.path("unsigned").has("redacted_because")
                && roomEncrypted.test(roomId);
    }

    /** The crypto layer's verdict as a {@link MessageTrust}; what this device encrypted itself is its own. */
    MessageTrust trustOf(DecryptedEvent decrypted) {
        if (decrypted.senderCurve25519Key().equals(ownCurve25519Key())) {
            return MessageTrust.OWN_DEVICE;
        }
        return switch (decrypted.verificationState()) {
            case VERIFIED -> MessageTrust.VERIFIED;
            case UNVERIFIED_IDENTITY -> MessageTrust.UNVERIFIED_IDENTITY;
            case VERIFICATION_VIOLATION -> MessageTrust.VERIFICATION_VIOLATION;
            case UNSIGNED_DEVICE -> MessageTrust.UNSIGNED_DEVICE;
            case UNKNOWN_DEVICE -> MessageTrust.UNKNOWN_DEVICE;
            case INSECURE_SOURCE -> MessageTrust.INSECURE_SOURCE;
        };
    }

    private String ownCurve25519Key() {
        String key = ownCurve25519Key;
        if (key == null) {
            key = machine.identityKeys().curve25519();
            ownCurve25519Key = key;
        }
        return key;
    }

    private static JsonNode clearEvent(DecryptedEvent decrypted) {
        try {
            return JSON.readTree(decrypted.clearEventJson());
        } catch (Exception e) {
            throw new IllegalArgumentException("decrypted payload is not JSON", e);
        }
    }
}
