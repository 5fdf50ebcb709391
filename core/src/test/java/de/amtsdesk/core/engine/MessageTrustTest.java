package de.amtsdesk.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.core.conversation.MessageTrust;
import de.amtsdesk.core.conversation.TimelineEntry;
import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.matrix.MatrixClient;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.core.store.AppDatabase;
import de.amtsdesk.core.store.Argon2idParameters;
import de.amtsdesk.core.store.IncomingEvent;
import de.amtsdesk.core.store.StoreAccessException;
import de.amtsdesk.core.store.UnlockedVault;
import de.amtsdesk.core.store.Vault;
import de.amtsdesk.crypto.DecryptedEvent;
import de.amtsdesk.crypto.OlmMachineHandle;
import de.amtsdesk.crypto.VerificationState;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each message's trust from the crypto layer (or from the room's encryption) through the timeline decryptor into the
 * encrypted store and back out as a {@link TimelineEntry}, with real matrix-sdk-crypto machines and a real store.
 */
class MessageTrustTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENCY = "@amt:amt.example";
    private static final String CITIZEN = "@erika:buerger.example";
    private static final String ENCRYPTED_ROOM = "!verschluesselt:amt.example";
    private static final String PLAIN_ROOM = "!offen:amt.example";
    private static final String PASSPHRASE = "Korrekt Pferd Batterie Heftklammer";

    @TempDir
    Path tmp;

    private UnlockedVault vault;
    private AppDatabase db;
    private H2EngineStore store;
    private OlmMachineHandle agency;
    private OlmMachineHandle citizen;
    private TimelineDecryptor decryptor;

    @BeforeEach
    void open() throws Exception {
        vault = Vault.create(tmp.resolve("profile"), PASSPHRASE.toCharArray(), Argon2idParameters.MINIMUM);
        db = AppDatabase.open(vault);
        store = new H2EngineStore(db);
        agency = OlmMachineHandle.createInMemory(AGENCY, "AMTSDESK");
        citizen = OlmMachineHandle.createInMemory(CITIZEN, "HANDY");
        decryptor = new TimelineDecryptor(agency, store, Set.of(ENCRYPTED_ROOM)::contains);
    }

    @AfterEach
    void close() {
        agency.close();
        citizen.close();
        db.close();
        vault.close();
    }

    private static ObjectNode event(String type, String sender, String eventId, JsonNode content) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", type);
        event.put("sender", sender);
        event.put("event_id", eventId);
        event.put("origin_server_ts", 1_764_000_000_000L);
        event.set("content", content);
        return event;
    }

    private static ObjectNode text(String body) {
        return JSON.createObjectNode().put("msgtype", "m.text").put("body", body);
    }

    private ObjectNode encrypted(OlmMachineHandle sender, String userId, String eventId, String body) throws Exception {
        String content = sender.encryptRoomEvent(ENCRYPTED_ROOM, "m.room.message", text(body).toString());
        return event("m.room.encrypted", userId, eventId, JSON.readTree(content));
    }

    /** The citizen's room key reaches the agency through a key export: an insecure source. */
    private void agencyImportsTheCitizensRoomKey() {
        assertThat(citizen.shareRoomKey(ENCRYPTED_ROOM, List.of(CITIZEN))).isEmpty();
        assertThat(agency.importRoomKeys(citizen.exportRoomKeys(PASSPHRASE), PASSPHRASE)).isEqualTo(1);
    }

    private String storedTrust(String eventId) {
        return db.events().find(eventId).orElseThrow().verificationState();
    }

    private Map<String, TimelineEntry> timelineOf(String roomId) {
        AgencyEngine engine = new AgencyEngine(new MatrixClient(new HomeserverUrl(URI.create("https://amt.example"))),
                new Session(new HomeserverUrl(URI.create("https://amt.example")), AGENCY, "AMTSDESK", "token"),
                agency, store, tmp.resolve("media"), false, rooms -> { });
        return engine.timeline(roomId).stream().collect(Collectors.toMap(TimelineEntry::id, Function.identity()));
    }

    @Test
    void theCryptoLayersVerdictIsStoredAndComesBackInTheTimeline() throws Exception {
        agencyImportsTheCitizensRoomKey();
        assertThat(decryptor.store(ENCRYPTED_ROOM, encrypted(citizen, CITIZEN, "$buerger", "Mein Antrag"))).isTrue();

        assertThat(storedTrust("$buerger")).isEqualTo("INSECURE_SOURCE");
        TimelineEntry entry = timelineOf(ENCRYPTED_ROOM).get("$buerger");
        assertThat(entry.body()).isEqualTo("Mein Antrag");
        assertThat(entry.trust()).isEqualTo(MessageTrust.INSECURE_SOURCE);
    }

    @Test
    void whatThisWorkstationEncryptedItselfIsItsOwn() throws Exception {
        agency.shareRoomKey(ENCRYPTED_ROOM, List.of(AGENCY));
        decryptor.store(ENCRYPTED_ROOM, encrypted(agency, AGENCY, "$selbst", "Antwort des Amts"));

        assertThat(storedTrust("$selbst")).isEqualTo("OWN_DEVICE");
        TimelineEntry entry = timelineOf(ENCRYPTED_ROOM).get("$selbst");
        assertThat(entry.trust()).isEqualTo(MessageTrust.OWN_DEVICE);
        assertThat(entry.sendState()).as("own messages keep their trust next to the send state")
                .isEqualTo(TimelineEntry.SendState.SENT);
    }

    @Test
    void aLateDecryptionRecordsTheTrustToo() throws Exception {
        assertThat(citizen.shareRoomKey(ENCRYPTED_ROOM, List.of(CITIZEN))).isEmpty();
        decryptor.store(ENCRYPTED_ROOM, encrypted(citizen, CITIZEN, "$spaet", "kommt später an"));
        assertThat(db.events().find("$spaet").orElseThrow().verificationState()).isNull();
        assertThat(timelineOf(ENCRYPTED_ROOM).get("$spaet").kind()).isEqualTo(TimelineEntry.Kind.UNDECRYPTABLE);

        agency.importRoomKeys(citizen.exportRoomKeys(PASSPHRASE), PASSPHRASE);
        assertThat(decryptor.retry(store.allUndecryptable(List.of(ENCRYPTED_ROOM)))).containsExactly(ENCRYPTED_ROOM);

        assertThat(storedTrust("$spaet")).isEqualTo("INSECURE_SOURCE");
        assertThat(timelineOf(ENCRYPTED_ROOM).get("$spaet").trust()).isEqualTo(MessageTrust.INSECURE_SOURCE);
    }

    @Test
    void plaintextInAnEncryptedRoomIsWarnedAbout() {
        decryptor.store(ENCRYPTED_ROOM, event("m.room.message", CITIZEN, "$klartext", text("unverschlüsselt")));

        assertThat(storedTrust("$klartext")).isEqualTo("UNENCRYPTED");
        TimelineEntry entry = timelineOf(ENCRYPTED_ROOM).get("$klartext");
        assertThat(entry.body()).isEqualTo("unverschlüsselt");
        assertThat(entry.trust()).isEqualTo(MessageTrust.UNENCRYPTED);
        assertThat(entry.trust().severity()).isEqualTo(MessageTrust.Severity.WARNING);
    }

    @Test
    void stateEventsRedactionsAndUnencryptedRoomsAreNotWarnedAbout() {
        ObjectNode member = event("m.room.member", CITIZEN, "$mitglied", JSON.createObjectNode().put("membership",
                "join"));
        member.put("state_key", CITIZEN);
        decryptor.store(ENCRYPTED_ROOM, member);
        decryptor.store(ENCRYPTED_ROOM, event("m.room.redaction", CITIZEN, "$weg",
                JSON.createObjectNode().put("redacts", "$x")));
        ObjectNode redacted = event("m.room.message", CITIZEN, "$geschwaerzt", JSON.createObjectNode());
        redacted.putObject("unsigned").putObject("redacted_because");
        decryptor.store(ENCRYPTED_ROOM, redacted);
        decryptor.store(PLAIN_ROOM, event("m.room.message", CITIZEN, "$offen", text("in einem offenen Raum")));

        for (String eventId : List.of("$mitglied", "$weg", "$geschwaerzt", "$offen")) {
            assertThat(storedTrust(eventId)).as(eventId).isNull();
        }
        assertThat(timelineOf(PLAIN_ROOM).get("$offen").trust()).isEqualTo(MessageTrust.NONE);
    }

    @Test
    void rowsFromBeforeTheTrustWasRecordedReadAsUnknown() {
        // What every decrypted event looked like before schema 4: DECRYPTED with a NULL verification state.
        db.events().upsert(IncomingEvent.decrypted(ENCRYPTED_ROOM, "$alt", CITIZEN, 1, "m.room.message",
                text("von früher").toString(), "{}", "SESSION", null));
        db.events().upsert(IncomingEvent.plaintext(PLAIN_ROOM, "$altklar", CITIZEN, 2, "m.room.message",
                text("klar").toString(), "{}"));

        assertThat(storedTrust("$alt")).isNull();
        assertThat(timelineOf(ENCRYPTED_ROOM).get("$alt").trust()).isEqualTo(MessageTrust.UNKNOWN);
        assertThat(timelineOf(PLAIN_ROOM).get("$altklar").trust()).isEqualTo(MessageTrust.NONE);
    }

    @Test
    void everyStoredTrustSurvivesTheStoreAndAStrayValueIsRefused() {
        List<MessageTrust> storable = Arrays.stream(MessageTrust.values()).filter(MessageTrust::stored).toList();
        assertThat(storable).hasSize(8);
        for (MessageTrust trust : storable) {
            store.saveEvent(new EngineStore.StoredEvent(ENCRYPTED_ROOM, "$" + trust, CITIZEN, 1, "m.room.message",
                    text(trust.name()).toString(), "{}", EngineStore.Decryption.DECRYPTED, null, "S",
                    trust.storedName()));
        }
        Map<String, TimelineEntry> timeline = timelineOf(ENCRYPTED_ROOM);
        for (MessageTrust trust : storable) {
            assertThat(timeline.get("$" + trust).trust()).as(trust.name()).isEqualTo(trust);
        }
        assertThatThrownBy(() -> db.events().upsert(IncomingEvent.decrypted(ENCRYPTED_ROOM, "$fremd", CITIZEN, 1,
                "m.room.message", "{}", "{}", "S", "TRUSTED"))).isInstanceOf(StoreAccessException.class);
    }

    @Test
    void everyVerificationStateOfTheCryptoLayerHasItsOwnTrust() {
        String otherDevice = "c29tZSBvdGhlciBkZXZpY2UncyBjdXJ2ZTI1NTE5IGtleQ";
        Map<VerificationState, MessageTrust> expected = Map.of(
                VerificationState.VERIFIED, MessageTrust.VERIFIED,
                VerificationState.UNVERIFIED_IDENTITY, MessageTrust.UNVERIFIED_IDENTITY,
                VerificationState.VERIFICATION_VIOLATION, MessageTrust.VERIFICATION_VIOLATION,
                VerificationState.UNSIGNED_DEVICE, MessageTrust.UNSIGNED_DEVICE,
                VerificationState.UNKNOWN_DEVICE, MessageTrust.UNKNOWN_DEVICE,
                VerificationState.INSECURE_SOURCE, MessageTrust.INSECURE_SOURCE);
        assertThat(expected.keySet()).containsExactlyInAnyOrder(VerificationState.values());
        expected.forEach((state, trust) -> assertThat(decryptor.trustOf(new DecryptedEvent("{}", otherDevice, null,
                state))).as(state.name()).isEqualTo(trust));
        // From this device itself, whatever the state says.
        assertThat(decryptor.trustOf(new DecryptedEvent("{}", agency.identityKeys().curve25519(), null,
                VerificationState.UNSIGNED_DEVICE))).isEqualTo(MessageTrust.OWN_DEVICE);
    }
}
