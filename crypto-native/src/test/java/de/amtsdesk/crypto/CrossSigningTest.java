package de.amtsdesk.crypto;

import static de.amtsdesk.crypto.TestEvents.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CrossSigningTest {

    private static void uploadDeviceKeys(OlmMachineHandle machine) {
        OutgoingRequest upload = machine.outgoingRequests().stream()
                .filter(r -> r.type() == OutgoingRequest.Type.KEYS_UPLOAD).findFirst().orElseThrow();
        machine.markRequestAsSent(upload.requestId(), upload.type(), "{\"one_time_key_counts\":{\"signed_curve25519\":50}}");
    }

    @Test
    void bootstrapCreatesAllThreeKeys() {
        try (OlmMachineHandle machine = OlmMachineHandle.createInMemory(ALICE, "ALICEDEVICE")) {
            assertThat(machine.crossSigningStatus()).isEqualTo(new CrossSigningStatus(false, false, false));
            uploadDeviceKeys(machine);

            CrossSigningBootstrap bootstrap = machine.bootstrapCrossSigning();

            JsonNode body = TestEvents.parse(bootstrap.uploadSigningKeysBodyJson());
            for (String key : new String[] {"master_key", "self_signing_key", "user_signing_key"}) {
                assertThat(body.path(key).path("user_id").asText()).as(key).isEqualTo(ALICE);
                assertThat(body.path(key).path("keys").size()).as(key).isEqualTo(1);
            }
            assertThat(body.has("auth")).isFalse();
            OutgoingRequest signatures = bootstrap.signatureUpload();
            assertThat(signatures.type()).isEqualTo(OutgoingRequest.Type.SIGNATURE_UPLOAD);
            assertThat(signatures.method()).isEqualTo("POST");
            assertThat(signatures.path()).isEqualTo("/_matrix/client/v3/keys/signatures/upload");
            assertThat(TestEvents.parse(signatures.bodyJson()).path(ALICE).has("ALICEDEVICE")).isTrue();
            assertThat(machine.crossSigningStatus()).isEqualTo(new CrossSigningStatus(true, true, true));

            machine.markRequestAsSent(signatures.requestId(), signatures.type(), "{\"failures\":{}}");
            // Retrying returns the same identity instead of replacing it.
            String masterKey = body.path("master_key").path("keys").toString();
            assertThat(TestEvents.parse(machine.bootstrapCrossSigning().uploadSigningKeysBodyJson())
                    .path("master_key").path("keys").toString()).isEqualTo(masterKey);
        }
    }

    @Test
    void bootstrapWantsTheDeviceKeysUploadedFirst() {
        try (OlmMachineHandle machine = OlmMachineHandle.createInMemory(ALICE, "ALICEDEVICE")) {
            assertThatThrownBy(machine::bootstrapCrossSigning)
                    .isExactlyInstanceOf(CryptoNativeException.class)
                    .hasMessageContaining("KEYS_UPLOAD");
        }
    }
}
