package de.amtsdesk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentStoreTest {

    private static final String USER = "@sachbearbeitung:amt.example";
    private static final String DEVICE = "AMTSDESK01";

    @TempDir
    Path temp;

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        key[0] = 42;
        return key;
    }

    /** Every file below {@code directory} with the SHA-256 of its content. */
    private static Map<String, String> snapshot(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            Map<String, String> hashes = new TreeMap<>();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                hashes.put(directory.relativize(file).toString(),
                        HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
            }
            return hashes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reopeningWithTheSameKeyGivesTheSameDeviceAndIdentityKeys() {
        Path store = temp.resolve("crypto");
        IdentityKeys first;
        try (OlmMachineHandle machine = OlmMachineHandle.open(USER, DEVICE, store, key(1))) {
            first = machine.identityKeys();
            assertThat(machine.userId()).isEqualTo(USER);
            assertThat(machine.deviceId()).isEqualTo(DEVICE);
        }
        assertThat(store).isNotEmptyDirectory();

        try (OlmMachineHandle again = OlmMachineHandle.open(USER, DEVICE, store, key(1))) {
            assertThat(again.deviceId()).isEqualTo(DEVICE);
            assertThat(again.identityKeys()).isEqualTo(first);
        }
    }

    @Test
    void aWrongKeyIsRefusedAndLeavesTheStoreFilesUntouched() {
        Path store = temp.resolve("crypto");
        IdentityKeys keys;
        try (OlmMachineHandle machine = OlmMachineHandle.open(USER, DEVICE, store, key(1))) {
            keys = machine.identityKeys();
        }
        Map<String, String> before = snapshot(store);
        assertThat(before).isNotEmpty();

        assertThatThrownBy(() -> OlmMachineHandle.open(USER, DEVICE, store, key(2)))
                .isExactlyInstanceOf(CryptoStoreKeyException.class)
                .hasMessageContaining("openMachine")
                .hasMessageContaining("the crypto store cannot be opened with this key");

        assertThat(snapshot(store)).isEqualTo(before);
        try (OlmMachineHandle machine = OlmMachineHandle.open(USER, DEVICE, store, key(1))) {
            assertThat(machine.identityKeys()).isEqualTo(keys);
        }
    }

    @Test
    void aStoreOfAnotherDeviceIsRefusedByName() {
        Path store = temp.resolve("crypto");
        try (OlmMachineHandle machine = OlmMachineHandle.open(USER, DEVICE, store, key(1))) {
            assertThat(machine.identityKeys()).isNotNull();
        }

        assertThatThrownBy(() -> OlmMachineHandle.open(USER, "OTHERDEVICE", store, key(1)))
                .isExactlyInstanceOf(CryptoNativeException.class)
                .hasMessageContaining("belongs to")
                .hasMessageContaining(DEVICE)
                .hasMessageContaining("OTHERDEVICE");
    }

    @Test
    void theKeyMustBe32Bytes() {
        assertThatThrownBy(() -> OlmMachineHandle.open(USER, DEVICE, temp.resolve("crypto"), new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> {
            NativeLibraryLoader.ensureLoaded();
            CryptoNative.openMachine(USER, DEVICE, temp.resolve("crypto").toString(), new byte[31]);
        }).isExactlyInstanceOf(CryptoNativeException.class).hasMessageContaining("exactly 32 bytes, got 31");
    }

    @Test
    void roomKeysSurviveAReopen() {
        Path store = temp.resolve("crypto");
        String event;
        try (OlmMachineHandle machine = OlmMachineHandle.open(USER, DEVICE, store, key(1))) {
            machine.shareRoomKey(TestEvents.ROOM, java.util.List.of(USER));
            String encrypted = machine.encryptRoomEvent(TestEvents.ROOM, "m.room.message",
                    TestEvents.textContent("Ihr Antrag ist eingegangen."));
            event = TestEvents.roomEvent(encrypted, USER, "$persisted", TestEvents.ROOM);
        }
        try (OlmMachineHandle machine = OlmMachineHandle.open(USER, DEVICE, store, key(1))) {
            assertThat(TestEvents.bodyOf(machine.decryptRoomEvent(TestEvents.ROOM, event)))
                    .isEqualTo("Ihr Antrag ist eingegangen.");
        }
    }
}
