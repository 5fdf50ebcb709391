package de.amtsdesk.core.staff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.store.AppDatabase;
import de.amtsdesk.core.store.Argon2idParameters;
import de.amtsdesk.core.store.IncomingEvent;
import de.amtsdesk.core.store.UnlockedVault;
import de.amtsdesk.core.store.Vault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Test fixture: an encrypted profile store, and a writer that stores staff-room and citizen-room events the way
 * the engine's sync does (state events plaintext with their raw JSON, case events decrypted, some undecryptable).
 */
final class StoreFixture implements AutoCloseable {

    static final String STAFF_ROOM = "!staff:amt.example";
    static final String LEAD = "@lena.lead:amt.example";
    static final String ANNA = "@anna:amt.example";
    static final String BEN = "@ben:amt.example";
    static final String AMT = "@amt:amt.example";
    static final String PASSPHRASE = "korrekt Pferd Batterie Heftklammer";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UnlockedVault vault;
    final AppDatabase db;
    private static int counter;
    private static Instant clock = Instant.parse("2026-12-01T08:00:00Z");

    private StoreFixture(UnlockedVault vault, AppDatabase db) {
        this.vault = vault;
        this.db = db;
    }

    static StoreFixture create(Path dir) throws Exception {
        UnlockedVault vault = Vault.create(dir, PASSPHRASE.toCharArray(), Argon2idParameters.MINIMUM);
        return new StoreFixture(vault, AppDatabase.open(vault));
    }

    static StoreFixture reopen(Path dir) throws Exception {
        UnlockedVault vault = Vault.unlock(dir, PASSPHRASE.toCharArray());
        return new StoreFixture(vault, AppDatabase.open(vault));
    }

    static synchronized String nextId() {
        return "$ev" + (++counter) + "-" + System.nanoTime() + ":amt.example";
    }

    static synchronized long tick() {
        Instant at = clock;
        clock = clock.plus(Duration.ofMinutes(1));
        return at.toEpochMilli();
    }

    /** Lead at 100, Anna and Ben caseworkers; returns nothing, the events are in the store. */
    StoreFixture standardRoom() {
        member(LEAD, "Lena Lead");
        power(Map.of(LEAD, 100));
        member(ANNA, "Anna Arbeit");
        member(BEN, "Ben Bearbeiter");
        return this;
    }

    /** The room's m.room.create event, sent by the lead. */
    String create(String roomVersion) {
        return state("m.room.create", "", LEAD, JSON.createObjectNode().put("room_version", roomVersion));
    }

    String member(String userId, String name) {
        ObjectNode content = JSON.createObjectNode().put("membership", "join").put("displayname", name);
        return state("m.room.member", userId, userId, content);
    }

    String leave(String userId) {
        return state("m.room.member", userId, userId, JSON.createObjectNode().put("membership", "leave"));
    }

    String power(Map<String, Integer> users) {
        ObjectNode content = JSON.createObjectNode().put("users_default", 0);
        ObjectNode u = content.putObject("users");
        users.forEach(u::put);
        return state("m.room.power_levels", "", LEAD, content);
    }

    private String state(String type, String stateKey, String sender, ObjectNode content) {
        String id = nextId();
        long ts = tick();
        ObjectNode raw = JSON.createObjectNode().put("type", type).put("state_key", stateKey).put("sender", sender)
                .put("event_id", id).put("origin_server_ts", ts);
        raw.set("content", content);
        db.events().upsert(IncomingEvent.plaintext(STAFF_ROOM, id, sender, ts, type, content.toString(),
                raw.toString()));
        return id;
    }

    /** A case event as it is stored after Megolm decryption. */
    String send(String sender, OutgoingStaffEvents.Outgoing change) {
        return decrypted(STAFF_ROOM, sender, change.type(), change.content().toString());
    }

    String decrypted(String room, String sender, String type, String contentJson) {
        String id = nextId();
        long ts = tick();
        db.events().upsert(IncomingEvent.decrypted(room, id, sender, ts, type, contentJson,
                encryptedRaw(id, sender, ts), "session-1", null));
        return id;
    }

    /** A case event someone sent without encryption (a modified client). */
    String plaintext(String sender, String type, String contentJson) throws Exception {
        String id = nextId();
        long ts = tick();
        ObjectNode raw = JSON.createObjectNode().put("type", type).put("sender", sender).put("event_id", id)
                .put("origin_server_ts", ts);
        raw.set("content", JSON.readTree(contentJson));
        db.events().upsert(IncomingEvent.plaintext(STAFF_ROOM, id, sender, ts, type, contentJson, raw.toString()));
        return id;
    }

    String undecryptable(String room, String sender, String problem) {
        String id = nextId();
        long ts = tick();
        db.events().upsert(IncomingEvent.undecryptable(room, id, sender, ts, encryptedRaw(id, sender, ts),
                "session-2", problem));
        return id;
    }

    /** The key came: the stored event gets its clear type and content (what the engine's retry does). */
    void keyArrives(String eventId, OutgoingStaffEvents.Outgoing change) {
        db.events().markDecrypted(eventId, change.type(), change.content().toString(), null);
    }

    /** A message in a citizen room, as the functional account's store holds it. */
    String message(String room, String sender, String body) {
        return decrypted(room, sender, "m.room.message",
                JSON.createObjectNode().put("msgtype", "m.text").put("body", body).toString());
    }

    private static String encryptedRaw(String id, String sender, long ts) {
        return "{\"type\":\"m.room.encrypted\",\"event_id\":\"" + id + "\",\"sender\":\"" + sender
                + "\",\"origin_server_ts\":" + ts + ",\"content\":{\"algorithm\":\"m.megolm.v1.aes-sha2\","
                + "\"ciphertext\":\"AwgA\",\"session_id\":\"s\"}}";
    }

    @Override
    public void close() {
        db.close();
        vault.close();
    }
}
