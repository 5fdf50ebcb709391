package de.amtsdesk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class OlmMachineHandleTest {

    // 32 bytes in unpadded standard base64 are 43 characters.
    private static final String UNPADDED_BASE64_32_BYTES = "[A-Za-z0-9+/]{43}";

    @Test
    void identityKeysAreTwoDistinct32ByteKeysInUnpaddedBase64() {
        try (OlmMachineHandle machine = OlmMachineHandle.createInMemory("@alice:amt.example", "ALICEDEVICE")) {
            IdentityKeys keys = machine.identityKeys();

            assertThat(keys.curve25519()).matches(UNPADDED_BASE64_32_BYTES);
            assertThat(keys.ed25519()).matches(UNPADDED_BASE64_32_BYTES);
            assertThat(Base64.getDecoder().decode(keys.curve25519())).hasSize(32);
            assertThat(Base64.getDecoder().decode(keys.ed25519())).hasSize(32);
            assertThat(keys.curve25519()).isNotEqualTo(keys.ed25519());
        }
    }

    @Test
    void identityKeysStayTheSameForOneMachine() {
        try (OlmMachineHandle machine = OlmMachineHandle.createInMemory("@alice:amt.example", "ALICEDEVICE")) {
            assertThat(machine.identityKeys()).isEqualTo(machine.identityKeys());
        }
    }

    @Test
    void twoMachinesHaveDifferentKeys() {
        try (OlmMachineHandle first = OlmMachineHandle.createInMemory("@alice:amt.example", "DEVICE1");
                OlmMachineHandle second = OlmMachineHandle.createInMemory("@alice:amt.example", "DEVICE2")) {
            IdentityKeys a = first.identityKeys();
            IdentityKeys b = second.identityKeys();

            assertThat(a.curve25519()).isNotEqualTo(b.curve25519());
            assertThat(a.ed25519()).isNotEqualTo(b.ed25519());
        }
    }

    @Test
    void badUserIdIsReportedByName() {
        assertThatThrownBy(() -> OlmMachineHandle.createInMemory("not-a-user", "DEVICE"))
                .isExactlyInstanceOf(CryptoNativeException.class)
                .hasMessageContaining("createInMemoryMachine")
                .hasMessageContaining("'not-a-user'")
                .hasMessageContaining("user id");
    }

    @Test
    void blankDeviceIdIsRefused() {
        assertThatThrownBy(() -> OlmMachineHandle.createInMemory("@alice:amt.example", "  "))
                .isExactlyInstanceOf(CryptoNativeException.class)
                .hasMessageContaining("device id");
    }

    @Test
    void aClosedMachineRefusesCallsAndClosesOnlyOnce() {
        OlmMachineHandle machine = OlmMachineHandle.createInMemory("@alice:amt.example", "ALICEDEVICE");
        machine.close();
        machine.close();

        assertThat(machine.isClosed()).isTrue();
        assertThatThrownBy(machine::identityKeys)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void nativeLayerRefusesTheNullHandleInsteadOfCrashing() {
        NativeLibraryLoader.ensureLoaded();

        assertThatThrownBy(() -> CryptoNative.identityKeysJson(0))
                .isExactlyInstanceOf(CryptoNativeException.class)
                .hasMessageContaining("handle is 0");
    }
}
