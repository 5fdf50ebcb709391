package de.amtsdesk.crypto;

import static de.amtsdesk.crypto.TestEvents.ALICE;
import static de.amtsdesk.crypto.TestEvents.BOB;
import static de.amtsdesk.crypto.TestEvents.ROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Megolm through the key-export trick: A creates the room key, B imports it from A's export. */
class RoomEncryptionTest {

    private static final String PASSPHRASE = "Korrekt Pferd Batterie Heftklammer";

    private OlmMachineHandle alice;
    private OlmMachineHandle bob;

    @BeforeEach
    void machines() {
        alice = OlmMachineHandle.createInMemory(ALICE, "ALICEDEVICE");
        bob = OlmMachineHandle.createInMemory(BOB, "BOBDEVICE");
    }

    @AfterEach
    void close() {
        alice.close();
        bob.close();
    }

    private String encryptedEvent(String body, String eventId) {
        String content = alice.encryptRoomEvent(ROOM, "m.room.message", TestEvents.textContent(body));
        return TestEvents.roomEvent(content, ALICE, eventId, ROOM);
    }

    @Test
    void anImportedRoomKeyDecryptsTheExactPlaintext() {
        assertThat(alice.shareRoomKey(ROOM, List.of(ALICE))).isEmpty();
        String export = alice.exportRoomKeys(PASSPHRASE);
        assertThat(export).contains("BEGIN MEGOLM SESSION DATA");
        assertThat(bob.importRoomKeys(export, PASSPHRASE)).isEqualTo(1);

        String body = "Guten Tag, Frau Müller – Ihr Bescheid (Az. 4711/25) liegt bei: \"ok\" \\ ✓";
        String content = alice.encryptRoomEvent(ROOM, "m.room.message", TestEvents.textContent(body));
        assertThat(TestEvents.parse(content).path("algorithm").asText()).isEqualTo("m.megolm.v1.aes-sha2");
        assertThat(content).doesNotContain("Müller");

        DecryptedEvent decrypted = bob.decryptRoomEvent(ROOM, TestEvents.roomEvent(content, ALICE, "$x", ROOM));

        assertThat(TestEvents.bodyOf(decrypted)).isEqualTo(body);
        var clear = TestEvents.parse(decrypted.clearEventJson());
        assertThat(clear.path("type").asText()).isEqualTo("m.room.message");
        assertThat(clear.path("sender").asText()).isEqualTo(ALICE);
        assertThat(clear.path("event_id").asText()).isEqualTo("$x");
        assertThat(decrypted.senderCurve25519Key()).isEqualTo(alice.identityKeys().curve25519());
        assertThat(decrypted.claimedEd25519Key()).isEqualTo(alice.identityKeys().ed25519());
        // Keys from an export are an insecure source: the sending device cannot be vouched for.
        assertThat(decrypted.verificationState()).isEqualTo(VerificationState.INSECURE_SOURCE);
    }

    @Test
    void theSenderDecryptsItsOwnEventsFromItsOwnUnsignedDevice() {
        alice.shareRoomKey(ROOM, List.of(ALICE));
        DecryptedEvent own = alice.decryptRoomEvent(ROOM, encryptedEvent("an mich selbst", "$own"));

        assertThat(TestEvents.bodyOf(own)).isEqualTo("an mich selbst");
        assertThat(own.verificationState()).isEqualTo(VerificationState.UNSIGNED_DEVICE);
    }

    @Test
    void withoutTheRoomKeyDecryptionFailsWithMissingRoomKey() {
        alice.shareRoomKey(ROOM, List.of(ALICE));
        String event = encryptedEvent("geheim", "$secret");

        assertThatThrownBy(() -> bob.decryptRoomEvent(ROOM, event))
                .isInstanceOfSatisfying(DecryptionFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DecryptionFailedException.Reason.MISSING_ROOM_KEY))
                .hasMessageContaining("decryptRoomEvent")
                .hasMessageContaining("room key");
    }

    @Test
    void garbageIsAMalformedEventNotACrash() {
        for (String garbage : List.of("not json at all", "{\"type\":\"m.room.encrypted\"}", "[]",
                "{\"type\":\"m.room.encrypted\",\"sender\":\"@a:b\",\"event_id\":\"$e\",\"origin_server_ts\":1,"
                        + "\"content\":{\"algorithm\":\"m.megolm.v1.aes-sha2\",\"ciphertext\":\"%%%\","
                        + "\"session_id\":\"abc\",\"sender_key\":\"x\",\"device_id\":\"D\"}}")) {
            assertThatThrownBy(() -> bob.decryptRoomEvent(ROOM, garbage))
                    .as(garbage)
                    .isInstanceOfSatisfying(DecryptionFailedException.class,
                            e -> assertThat(e.reason()).isEqualTo(DecryptionFailedException.Reason.MALFORMED_EVENT))
                    .hasMessageStartingWith("decryptRoomEvent: ");
        }
    }

    @Test
    void aForgedSenderIsRefused() {
        alice.shareRoomKey(ROOM, List.of(ALICE));
        String content = alice.encryptRoomEvent(ROOM, "m.room.message", TestEvents.textContent("von Alice"));
        String forged = TestEvents.roomEvent(content, "@mallory:evil.example", "$forged", ROOM);

        assertThatThrownBy(() -> alice.decryptRoomEvent(ROOM, forged))
                .isInstanceOfSatisfying(DecryptionFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DecryptionFailedException.Reason.MISMATCHED_SENDER))
                .hasMessageContaining("@mallory:evil.example");
    }

    @Test
    void callerMistakesAreClearExceptions() {
        assertThatThrownBy(() -> alice.encryptRoomEvent(ROOM, "m.room.message", TestEvents.textContent("x")))
                .isExactlyInstanceOf(CryptoNativeException.class)
                .hasMessageContaining("call shareRoomKey first");
        alice.shareRoomKey(ROOM, List.of(ALICE));
        assertThatThrownBy(() -> alice.encryptRoomEvent(ROOM, "m.room.message", "[1,2]"))
                .isExactlyInstanceOf(CryptoNativeException.class)
                .hasMessageContaining("contentJson is not a JSON object");
        assertThatThrownBy(() -> alice.decryptRoomEvent("kein-raum", "{}"))
                .isExactlyInstanceOf(CryptoNativeException.class)
                .hasMessageContaining("'kein-raum' is not a valid Matrix room id");
        assertThatThrownBy(() -> alice.shareRoomKey(ROOM, List.of("alice")))
                .isExactlyInstanceOf(CryptoNativeException.class)
                .hasMessageContaining("'alice' is not a valid Matrix user id");
        assertThatThrownBy(() -> bob.importRoomKeys(alice.exportRoomKeys(PASSPHRASE), "falsch"))
                .isExactlyInstanceOf(CryptoNativeException.class)
                .hasMessageContaining("wrong passphrase");
    }

    @Test
    void theRoomKeyRotatesAfter100Messages() {
        alice.shareRoomKey(ROOM, List.of(ALICE));
        String firstSession = TestEvents.parse(alice.encryptRoomEvent(ROOM, "m.room.message", TestEvents.textContent("0")))
                .path("session_id").asText();
        for (int i = 1; i < 100; i++) {
            alice.encryptRoomEvent(ROOM, "m.room.message", TestEvents.textContent(Integer.toString(i)));
        }
        assertThatThrownBy(() -> alice.encryptRoomEvent(ROOM, "m.room.message", TestEvents.textContent("101")))
                .isExactlyInstanceOf(CryptoNativeException.class)
                .hasMessageContaining("expired");

        alice.shareRoomKey(ROOM, List.of(ALICE));
        String next = TestEvents.parse(alice.encryptRoomEvent(ROOM, "m.room.message", TestEvents.textContent("101")))
                .path("session_id").asText();
        assertThat(next).isNotEqualTo(firstSession);
    }

    @Test
    void aBatchDecryptsEachEventOrReportsItsFailure() {
        alice.shareRoomKey(ROOM, List.of(ALICE));
        bob.importRoomKeys(alice.exportRoomKeys(PASSPHRASE), PASSPHRASE);
        List<String> events = List.of(encryptedEvent("eins", "$1"), "kaputt", encryptedEvent("drei", "$3"));

        List<DecryptionResult> results = bob.decryptRoomEvents(ROOM, events);

        assertThat(results).hasSize(3);
        assertThat(TestEvents.bodyOf(results.get(0).orThrow())).isEqualTo("eins");
        assertThat(results.get(1).failure().reason()).isEqualTo(DecryptionFailedException.Reason.MALFORMED_EVENT);
        assertThat(TestEvents.bodyOf(results.get(2).event())).isEqualTo("drei");
    }
}
