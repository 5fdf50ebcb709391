package de.amtsdesk.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.RoomDirectory;
import de.amtsdesk.core.matrix.RoomListSyncHandler;
import de.amtsdesk.core.matrix.SyncHandler;
import de.amtsdesk.crypto.OlmMachineHandle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One sync batch in the order the crypto crate requires: to-device events, device lists and key counts go to the
 * machine first, its requests go out, then room timelines are decrypted and stored, late keys unlock older events,
 * and only then the new sync token is saved together with the room directory.
 */
final class EngineSyncHandler implements SyncHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OlmMachineHandle machine;
    private final CryptoRequestPump pump;
    private final RoomDirectory directory;
    private final TimelineDecryptor decryptor;
    private final EngineStore store;
    private final RoomListSyncHandler roomList;
    private final Consumer<Set<String>> roomsChanged;
    private final GapFiller gaps;
    private final java.util.function.BiConsumer<String, String> bundleArrived;
    private Consumer<List<ReadReceipt>> receiptsArrived = receipts -> { };
    private Consumer<Set<String>> stored = rooms -> { };

    /**
     * Told the rooms whose stored timeline a batch changed, right after it commits and before the room list is
     * published (so cached previews of those rooms are dropped in time).
     */
    void onStored(Consumer<Set<String>> stored) {
        this.stored = stored;
    }

    /** Told the {@code m.read} receipts of each batch, after the batch is stored (so the receipted events are). */
    void onReceipts(Consumer<List<ReadReceipt>> receiptsArrived) {
        this.receiptsArrived = receiptsArrived;
    }

    /**
     * @param bundleArrived told (room ID, sender) about each MSC4268 room key bundle that arrived, after the batch is
     *     stored (ADR 0015)
     */
    EngineSyncHandler(OlmMachineHandle machine, CryptoRequestPump pump, RoomDirectory directory,
            TimelineDecryptor decryptor, EngineStore store, RoomListSyncHandler roomList,
            Consumer<Set<String>> roomsChanged, GapFiller gaps, java.util.function.BiConsumer<String, String> bundleArrived) {
        this.gaps = gaps;
        this.bundleArrived = bundleArrived;
        this.machine = machine;
        this.pump = pump;
        this.directory = directory;
        this.decryptor = decryptor;
        this.store = store;
        this.roomList = roomList;
        this.roomsChanged = roomsChanged;
    }

    /**
     * The machine's answer to each response's to-device events, taken in before the next response was fetched
     * (keyed by the response's next_batch), waiting for {@link #handle} to use its room keys and bundles. Bounded:
     * when handling fails midway the rest of a drain is fetched anew, and its old answers are not needed.
     */
    private final java.util.Map<String, JsonNode> takenIn = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, JsonNode> eldest) {
                    return size() > 2 * de.amtsdesk.core.matrix.SyncService.MAX_DRAIN_PAGES;
                }
            });

    /** To-device events into the machine now: the server deletes them once the next request names a later token. */
    @Override
    public void takeToDevice(JsonNode response, String nextBatch) throws MatrixException {
        takenIn.put(nextBatch, feedCrypto(response, nextBatch));
        pump.flush();
    }

    @Override
    public void handle(JsonNode response, String nextBatch) throws MatrixException {
        JsonNode taken = takenIn.remove(nextBatch);
        JsonNode cryptoResult = taken != null ? taken : feedCrypto(response, nextBatch);
        if (taken == null) {
            pump.flush();
        }

        directory.apply(response);
        Set<String> changed = new HashSet<>();
        Set<String> tracked = new java.util.TreeSet<>();
        response.path("rooms").path("join").properties().forEach(room -> {
            if (directory.isEncrypted(room.getKey())) {
                tracked.addAll(directory.membersToShareWith(room.getKey()));
            }
        });
        if (!tracked.isEmpty()) {
            // One call for the whole batch: each call is a write to the crypto store.
            machine.updateTrackedUsers(List.copyOf(tracked));
        }
        // Network first, outside the transaction: the events a limited timeline left out. A failure here fails the
        // batch before its token is saved, so the same batch (and the same gap) comes again.
        java.util.Map<String, List<JsonNode>> missing = new java.util.HashMap<>();
        for (var room : response.path("rooms").path("join").properties()) {
            List<JsonNode> gap = gaps.missingBefore(room.getKey(), room.getValue().path("timeline"));
            if (!gap.isEmpty()) {
                missing.put(room.getKey(), gap);
            }
        }
        store.atomically(() -> {
            EncryptionGuard.rememberFrom(response, store, directory);
            List<EngineStore.StoredEvent> batch = new ArrayList<>();
            response.path("rooms").path("join").properties().forEach(room -> {
                String roomId = room.getKey();
                // Server order, which folds over the room (e.g. the staff log) rely on: the filled gap first (it
                // is older than everything in this batch), then the state at the start of the timeline
                // (membership, power levels; what the gap held is stored already), then the timeline.
                for (JsonNode event : missing.getOrDefault(roomId, List.of())) {
                    if (decryptor.decodeInto(roomId, event, batch)) {
                        changed.add(roomId);
                    }
                }
                for (JsonNode event : room.getValue().path("state").path("events")) {
                    decryptor.decodeInto(roomId, event, batch);
                }
                for (JsonNode event : room.getValue().path("timeline").path("events")) {
                    if (decryptor.decodeInto(roomId, event, batch)) {
                        changed.add(roomId);
                    }
                }
            });
            store.saveEvents(batch);
            changed.addAll(retryWithNewKeys(cryptoResult));
            store.saveSyncState(nextBatch, directory.snapshot());
        });
        if (!changed.isEmpty()) {
            stored.accept(changed);
        }
        roomList.afterApply();
        pump.flush();
        if (!changed.isEmpty()) {
            roomsChanged.accept(changed);
        }
        List<ReadReceipt> receipts = readReceipts(response);
        if (!receipts.isEmpty()) {
            receiptsArrived.accept(receipts);
        }
        for (JsonNode bundle : cryptoResult.path("room_key_bundles")) {
            String roomId = bundle.path("room_id").asText("");
            String sender = bundle.path("sender").asText("");
            if (!roomId.isEmpty() && !sender.isEmpty()) {
                bundleArrived.accept(roomId, sender);
            }
        }
    }

    /** The {@code m.read} receipts in the joined rooms' ephemeral events of one batch. */
    static List<ReadReceipt> readReceipts(JsonNode response) {
        List<ReadReceipt> receipts = new ArrayList<>();
        for (var room : response.path("rooms").path("join").properties()) {
            for (JsonNode event : room.getValue().path("ephemeral").path("events")) {
                if (!"m.receipt".equals(event.path("type").asText())) {
                    continue;
                }
                for (var acknowledged : event.path("content").properties()) {
                    for (var user : acknowledged.getValue().path("m.read").properties()) {
                        JsonNode receipt = user.getValue();
                        JsonNode thread = receipt.path("thread_id");
                        receipts.add(new ReadReceipt(room.getKey(), acknowledged.getKey(), user.getKey(),
                                receipt.path("ts").canConvertToLong() ? receipt.path("ts").asLong() : 0L,
                                thread.isTextual() ? thread.asText() : null));
                    }
                }
            }
        }
        return receipts;
    }

    private JsonNode feedCrypto(JsonNode response, String nextBatch) {
        ObjectNode changes = JSON.createObjectNode();
        changes.set("to_device_events", arrayOrEmpty(response.path("to_device").path("events")));
        ObjectNode devices = changes.putObject("changed_devices");
        devices.set("changed", arrayOrEmpty(response.path("device_lists").path("changed")));
        devices.set("left", arrayOrEmpty(response.path("device_lists").path("left")));
        JsonNode counts = response.path("device_one_time_keys_count");
        changes.set("one_time_key_counts", counts.isObject() ? counts : JSON.createObjectNode());
        JsonNode fallback = response.path("device_unused_fallback_key_types");
        changes.set("unused_fallback_key_types", fallback.isArray() ? fallback : null);
        changes.put("next_batch_token", nextBatch);
        try {
            return JSON.readTree(machine.receiveSyncChanges(changes.toString()));
        } catch (Exception e) {
            throw new IllegalStateException("crypto machine returned unreadable sync result", e);
        }
    }

    private Set<String> retryWithNewKeys(JsonNode cryptoResult) {
        List<EngineStore.StoredEvent> candidates = new ArrayList<>();
        for (JsonNode update : cryptoResult.path("room_key_updates")) {
            candidates.addAll(store.undecryptable(update.path("room_id").asText(""),
                    update.path("session_id").asText("")));
        }
        return candidates.isEmpty() ? Set.of() : decryptor.retry(candidates);
    }

    private static JsonNode arrayOrEmpty(JsonNode node) {
        return node.isArray() ? node : JSON.createArrayNode();
    }
}
