package de.amtsdesk.crypto;

import static de.amtsdesk.crypto.TestEvents.ALICE;
import static de.amtsdesk.crypto.TestEvents.BOB;
import static de.amtsdesk.crypto.TestEvents.ROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MSC4268 room key bundles through the JNI seam, without a homeserver: what a bundle holds, that it leaves the
 * machine only encrypted, and the refusals. Sharing with and importing on a second cross-signed account needs key
 * queries answered by a server: LateMemberReadsHistoryTest (src-test) covers that against Synapse.
 */
class RoomKeyBundleTest {

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

    @Test
    void aRoomWithoutKeysGivesAnEmptyBundle() {
        RoomKeyBundle bundle = alice.buildRoomKeyBundle(ROOM);

        assertThat(bundle.isEmpty()).isTrue();
        JsonNode plain = TestEvents.parse(new String(Attachments.decrypt(bundle.ciphertext(),
                bundle.encryptedFileJson()), StandardCharsets.UTF_8));
        assertThat(plain.path("room_keys").size()).isZero();
    }

    @Test
    void theBundleCarriesTheRoomsSharedHistoryKeysEncrypted() {
        alice.shareRoomKey(ROOM, List.of(ALICE));
        String sessionId = TestEvents.parse(alice.encryptRoomEvent(ROOM, "m.room.message",
                TestEvents.textContent("vorher"))).path("session_id").asText();

        RoomKeyBundle bundle = alice.buildRoomKeyBundle(ROOM);

        assertThat(bundle.roomKeys()).isEqualTo(1);
        assertThat(bundle.withheld()).isZero();
        assertThat(new String(bundle.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(ROOM)
                .doesNotContain(sessionId);
        assertThat(TestEvents.parse(bundle.encryptedFileJson()).has("url")).isFalse();
        JsonNode plain = TestEvents.parse(new String(Attachments.decrypt(bundle.ciphertext(),
                bundle.encryptedFileJson()), StandardCharsets.UTF_8));
        JsonNode key = plain.path("room_keys").get(0);
        assertThat(key.path("room_id").asText()).isEqualTo(ROOM);
        assertThat(key.path("session_id").asText()).isEqualTo(sessionId);
        assertThat(key.path("session_key").asText()).isNotBlank();
    }

    private String uploadedFile() {
        alice.shareRoomKey(ROOM, List.of(ALICE));
        RoomKeyBundle bundle = alice.buildRoomKeyBundle(ROOM);
        ObjectNode file = (ObjectNode) TestEvents.parse(bundle.encryptedFileJson());
        return file.put("url", "mxc://amt.example/bundle").toString();
    }

    @Test
    void onlyACrossSignedAccountSharesHistory() {
        String file = uploadedFile();

        assertThatThrownBy(() -> alice.shareRoomKeyBundle(ROOM, BOB, file))
                .isExactlyInstanceOf(CryptoNativeException.class)
                .hasMessageContaining("cross-signing is not set up on your account");
    }

    @Test
    void nothingIsSentToAUserWithoutKnownCrossSignedDevices() {
        String file = uploadedFile();
        OutgoingRequest upload = alice.outgoingRequests().stream()
                .filter(r -> r.type() == OutgoingRequest.Type.KEYS_UPLOAD).findFirst().orElseThrow();
        alice.markRequestAsSent(upload.requestId(), upload.type(), "{\"one_time_key_counts\":{}}");
        OutgoingRequest signatures = alice.bootstrapCrossSigning().signatureUpload();
        alice.markRequestAsSent(signatures.requestId(), signatures.type(), "{\"failures\":{}}");

        assertThat(alice.shareRoomKeyBundle(ROOM, BOB, file)).isEmpty();
    }

    @Test
    void aFileWithoutUrlIsRefused() {
        RoomKeyBundle bundle = alice.buildRoomKeyBundle(ROOM);

        assertThatThrownBy(() -> alice.shareRoomKeyBundle(ROOM, BOB, bundle.encryptedFileJson()))
                .isExactlyInstanceOf(CryptoNativeException.class).hasMessageContaining("shareRoomKeyBundle")
                .hasMessageContaining("EncryptedFile");
    }

    @Test
    void withoutAReceivedBundleThereIsNothingToImport() {
        assertThat(bob.receivedRoomKeyBundle(ROOM, ALICE)).isEmpty();
        assertThatThrownBy(() -> bob.importRoomKeyBundle(ROOM, ALICE, new byte[16]))
                .isExactlyInstanceOf(CryptoNativeException.class)
                .hasMessageContaining("no room key bundle for " + ROOM + " from " + ALICE);
        assertThatThrownBy(() -> bob.receivedRoomKeyBundle("not a room", ALICE))
                .isExactlyInstanceOf(CryptoNativeException.class).hasMessageContaining("not a valid Matrix room id");
    }

    @Test
    void syncChangesListTheBundlesThatArrived() {
        JsonNode result = TestEvents.parse(bob.receiveSyncChanges("{}"));

        assertThat(result.path("room_key_bundles").isArray()).isTrue();
        assertThat(result.path("room_key_bundles").size()).isZero();
    }
}
