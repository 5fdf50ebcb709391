package de.amtsdesk.crypto;

import static de.amtsdesk.crypto.TestEvents.ALICE;
import static de.amtsdesk.crypto.TestEvents.ROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupTest {

    @TempDir
    Path temp;

    @Test
    void aBackedUpRoomKeyRestoresIntoAFreshMachine() {
        try (OlmMachineHandle alice = OlmMachineHandle.createInMemory(ALICE, "ALICEDEVICE");
                OlmMachineHandle restored = OlmMachineHandle.createInMemory(ALICE, "NEWDEVICE")) {
            BackupCreation backup = alice.createBackup();
            JsonNode version = TestEvents.parse(backup.versionRequestBodyJson());
            assertThat(version.path("algorithm").asText()).isEqualTo("m.megolm_backup.v1.curve25519-aes-sha2");
            assertThat(version.path("auth_data").path("public_key").asText()).isNotEmpty();
            assertThat(version.path("auth_data").path("signatures").path(ALICE).has("ed25519:ALICEDEVICE")).isTrue();
            // 2 prefix bytes + 32 key bytes + 1 parity byte in base58.
            assertThat(backup.recoveryKey()).matches("[1-9A-HJ-NP-Za-km-z]{46,48}");
            assertThat(backup.toString()).doesNotContain(backup.recoveryKey());

            assertThat(alice.backupRoomKeys()).isEmpty();
            alice.enableBackup("1", backup.recoveryKey());
            alice.shareRoomKey(ROOM, List.of(ALICE));
            String content = alice.encryptRoomEvent(ROOM, "m.room.message", TestEvents.textContent("gesichert"));

            OutgoingRequest request = alice.backupRoomKeys().orElseThrow();
            assertThat(request.type()).isEqualTo(OutgoingRequest.Type.KEYS_BACKUP);
            assertThat(request.method()).isEqualTo("PUT");
            assertThat(request.path()).isEqualTo("/_matrix/client/v3/room_keys/keys?version=1");
            JsonNode body = TestEvents.parse(request.bodyJson());
            assertThat(body.fieldNames()).toIterable().containsExactly("rooms");
            assertThat(body.path("rooms").path(ROOM).path("sessions").size()).isEqualTo(1);
            assertThat(request.bodyJson()).doesNotContain("gesichert");

            assertThat(restored.restoreFromBackup(backup.recoveryKey(), "1", request.bodyJson())).isGreaterThanOrEqualTo(1);
            DecryptedEvent decrypted = restored.decryptRoomEvent(ROOM, TestEvents.roomEvent(content, ALICE, "$b", ROOM));
            assertThat(TestEvents.bodyOf(decrypted)).isEqualTo("gesichert");

            alice.markRequestAsSent(request.requestId(), OutgoingRequest.Type.KEYS_BACKUP, "{\"etag\":\"1\",\"count\":1}");
            assertThat(alice.backupRoomKeys()).isEmpty();
        }
    }

    /** A restore hands batches over from one reused buffer: only its first {@code length} bytes are the JSON. */
    @Test
    void aBackupIsRestoredFromThePrefixOfALargerBuffer() {
        try (OlmMachineHandle alice = OlmMachineHandle.createInMemory(ALICE, "ALICEDEVICE");
                OlmMachineHandle restored = OlmMachineHandle.createInMemory(ALICE, "RESTOREDDEVICE")) {
            BackedUp backedUp = backUpOneRoomKey(alice, "3", "aus dem Puffer");
            BackupCreation backup = backedUp.backup();
            String content = backedUp.content();
            byte[] body = backedUp.body().getBytes(StandardCharsets.UTF_8);
            byte[] buffer = Arrays.copyOf(body, body.length + 64);
            Arrays.fill(buffer, body.length, buffer.length, (byte) '}'); // a stale tail that is not JSON

            assertThatThrownBy(() -> restored.restoreFromBackup(backup.recoveryKey(), "3", buffer, buffer.length + 1))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> restored.restoreFromBackup(backup.recoveryKey(), "3", buffer, buffer.length))
                    .isExactlyInstanceOf(CryptoNativeException.class)
                    .hasMessageContaining("roomKeysResponseJson");
            assertThat(restored.restoreFromBackup(backup.recoveryKey(), "3", buffer, body.length)).isEqualTo(1);
            DecryptedEvent decrypted = restored.decryptRoomEvent(ROOM, TestEvents.roomEvent(content, ALICE, "$p", ROOM));
            assertThat(TestEvents.bodyOf(decrypted)).isEqualTo("aus dem Puffer");
        }
    }

    @Test
    void aWrongOrInvalidRecoveryKeyIsReportedClearly() {
        try (OlmMachineHandle alice = OlmMachineHandle.createInMemory(ALICE, "ALICEDEVICE");
                OlmMachineHandle other = OlmMachineHandle.createInMemory(ALICE, "OTHERDEVICE")) {
            BackedUp backedUp = backUpOneRoomKey(alice, "7", "egal");
            BackupCreation backup = backedUp.backup();
            String body = backedUp.body();
            String someOtherKey = other.createBackup().recoveryKey();

            assertThatThrownBy(() -> other.restoreFromBackup(someOtherKey, "7", body))
                    .isExactlyInstanceOf(CryptoNativeException.class)
                    .hasMessageContaining("recovery key does not match this backup");
            assertThatThrownBy(() -> other.restoreFromBackup("EsTc LW2K PGiF wKEA 3As5 g5c4 BXwk qeeJ ZJV8 Q9fu", "7", body))
                    .isExactlyInstanceOf(CryptoNativeException.class)
                    .hasMessageContaining("invalid recovery key");
            assertThatThrownBy(() -> other.enableBackup("7", "kein Schlüssel"))
                    .isExactlyInstanceOf(CryptoNativeException.class)
                    .hasMessageContaining("invalid recovery key");
            assertThatThrownBy(() -> other.restoreFromBackup(backup.recoveryKey(), "7", "{\"räume\":{}}"))
                    .isExactlyInstanceOf(CryptoNativeException.class)
                    .hasMessageContaining("roomKeysResponseJson");
        }
    }

    @Test
    void aPersistentMachineResumesItsBackupAfterReopening() {
        Path store = temp.resolve("crypto");
        byte[] key = new byte[32];
        key[3] = 7;
        try (OlmMachineHandle alice = OlmMachineHandle.open(ALICE, "ALICEDEVICE", store, key)) {
            alice.enableBackup("3", alice.createBackup().recoveryKey());
        }
        try (OlmMachineHandle alice = OlmMachineHandle.open(ALICE, "ALICEDEVICE", store, key)) {
            alice.shareRoomKey(ROOM, List.of(ALICE));
            Optional<OutgoingRequest> request = alice.backupRoomKeys();
            assertThat(request).isPresent();
            assertThat(request.get().path()).endsWith("?version=3");
        }
    }

    /** A backup of one room key: the backup, an event encrypted with that key, and the upload's body. */
    private record BackedUp(BackupCreation backup, String content, String body) {
    }

    private static BackedUp backUpOneRoomKey(OlmMachineHandle machine, String version, String text) {
        BackupCreation backup = machine.createBackup();
        machine.enableBackup(version, backup.recoveryKey());
        machine.shareRoomKey(ROOM, List.of(ALICE));
        String content = machine.encryptRoomEvent(ROOM, "m.room.message", TestEvents.textContent(text));
        return new BackedUp(backup, content, machine.backupRoomKeys().orElseThrow().bodyJson());
    }
}
