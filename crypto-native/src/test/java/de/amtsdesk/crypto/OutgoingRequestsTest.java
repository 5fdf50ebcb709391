package de.amtsdesk.crypto;

import static de.amtsdesk.crypto.TestEvents.ALICE;
import static de.amtsdesk.crypto.TestEvents.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutgoingRequestsTest {

    private static List<OutgoingRequest> ofType(OlmMachineHandle machine, OutgoingRequest.Type type) {
        return machine.outgoingRequests().stream().filter(r -> r.type() == type).toList();
    }

    @Test
    void aFreshMachineUploadsItsKeysOnce() {
        try (OlmMachineHandle machine = OlmMachineHandle.createInMemory(ALICE, "ALICEDEVICE")) {
            List<OutgoingRequest> uploads = ofType(machine, OutgoingRequest.Type.KEYS_UPLOAD);
            assertThat(uploads).hasSize(1);
            OutgoingRequest upload = uploads.getFirst();
            assertThat(upload.method()).isEqualTo("POST");
            assertThat(upload.path()).isEqualTo("/_matrix/client/v3/keys/upload");
            assertThat(upload.requestId()).isNotBlank();
            JsonNode body = TestEvents.parse(upload.bodyJson());
            assertThat(body.path("device_keys").path("user_id").asText()).isEqualTo(ALICE);
            assertThat(body.path("device_keys").path("device_id").asText()).isEqualTo("ALICEDEVICE");
            assertThat(body.path("device_keys").path("keys").path("curve25519:ALICEDEVICE").asText())
                    .isEqualTo(machine.identityKeys().curve25519());
            assertThat(body.path("one_time_keys").size()).isPositive();

            machine.markRequestAsSent(upload.requestId(), OutgoingRequest.Type.KEYS_UPLOAD,
                    "{\"one_time_key_counts\":{\"signed_curve25519\":50}}");

            assertThat(ofType(machine, OutgoingRequest.Type.KEYS_UPLOAD)).isEmpty();
        }
    }

    @Test
    void trackedUsersAreQueried() {
        try (OlmMachineHandle machine = OlmMachineHandle.createInMemory(ALICE, "ALICEDEVICE")) {
            machine.updateTrackedUsers(List.of(BOB));

            List<OutgoingRequest> queries = ofType(machine, OutgoingRequest.Type.KEYS_QUERY);
            assertThat(queries).hasSize(1);
            OutgoingRequest query = queries.getFirst();
            assertThat(query.method()).isEqualTo("POST");
            assertThat(query.path()).isEqualTo("/_matrix/client/v3/keys/query");
            assertThat(TestEvents.parse(query.bodyJson()).path("device_keys").has(BOB)).isTrue();

            machine.markRequestAsSent(query.requestId(), OutgoingRequest.Type.KEYS_QUERY,
                    "{\"device_keys\":{\"" + BOB + "\":{}},\"failures\":{}}");
            // Only the machine's own user may still be queried; Bob is done.
            assertThat(ofType(machine, OutgoingRequest.Type.KEYS_QUERY))
                    .noneMatch(q -> TestEvents.parse(q.bodyJson()).path("device_keys").has(BOB));
            assertThat(machine.missingSessions(List.of(BOB))).isEmpty();
        }
    }

    @Test
    void malformedResponsesAndTypesAreNamed() {
        try (OlmMachineHandle machine = OlmMachineHandle.createInMemory(ALICE, "ALICEDEVICE")) {
            OutgoingRequest upload = ofType(machine, OutgoingRequest.Type.KEYS_UPLOAD).getFirst();

            assertThatThrownBy(() -> machine.markRequestAsSent(upload.requestId(), OutgoingRequest.Type.KEYS_UPLOAD, "{\"one_time_key_counts\":7}"))
                    .isExactlyInstanceOf(CryptoNativeException.class)
                    .hasMessageContaining("markRequestAsSent")
                    .hasMessageContaining("not a valid response to a KEYS_UPLOAD request");
            assertThatThrownBy(() -> machine.markRequestAsSent(upload.requestId(), OutgoingRequest.Type.KEYS_UPLOAD, "<html>"))
                    .isExactlyInstanceOf(CryptoNativeException.class)
                    .hasMessageContaining("KEYS_UPLOAD");
            assertThatThrownBy(() -> CryptoNative.markRequestAsSent(0, "x", "KEYS", "{}"))
                    .isExactlyInstanceOf(CryptoNativeException.class);
        }
    }

    @Test
    void syncChangesAreCheckedByName() {
        try (OlmMachineHandle machine = OlmMachineHandle.createInMemory(ALICE, "ALICEDEVICE")) {
            JsonNode empty = TestEvents.parse(machine.receiveSyncChanges("{}"));
            assertThat(empty.path("to_device_events").isArray()).isTrue();
            assertThat(empty.path("room_key_updates").isArray()).isTrue();

            String full = "{\"to_device_events\":[],\"changed_devices\":{\"changed\":[\"" + BOB + "\"],\"left\":[]},"
                    + "\"one_time_key_counts\":{\"signed_curve25519\":50},\"unused_fallback_key_types\":null,"
                    + "\"next_batch_token\":\"s123\"}";
            assertThat(TestEvents.parse(machine.receiveSyncChanges(full)).path("room_key_updates").size()).isZero();

            assertThatThrownBy(() -> machine.receiveSyncChanges("{\"to_device\":[]}"))
                    .isExactlyInstanceOf(CryptoNativeException.class)
                    .hasMessageContaining("receiveSyncChanges")
                    .hasMessageContaining("syncChangesJson")
                    .hasMessageContaining("to_device");
            assertThatThrownBy(() -> machine.receiveSyncChanges("{\"changed_devices\":{\"changed\":[\"bob\"]}}"))
                    .isExactlyInstanceOf(CryptoNativeException.class)
                    .hasMessageContaining("syncChangesJson");
            assertThatThrownBy(() -> machine.receiveSyncChanges("nicht json"))
                    .isExactlyInstanceOf(CryptoNativeException.class)
                    .hasMessageContaining("syncChangesJson");
        }
    }
}
