package de.amtsdesk.crypto;

import static de.amtsdesk.crypto.TestEvents.ALICE;
import static de.amtsdesk.crypto.TestEvents.BOB;
import static de.amtsdesk.crypto.TestEvents.JSON;
import static de.amtsdesk.crypto.TestEvents.ROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two devices that only talk through the requests the machines emit, with this test standing in
 * for the homeserver: key upload, key query, one-time key claim, room key over Olm to-device,
 * Megolm message. This is the path the Java core drives against Synapse.
 */
class OlmConversationTest {

    /** A tiny homeserver: remembers uploaded device and one-time keys, queues to-device messages. */
    private static final class FakeHomeserver {
        final Map<String, Map<String, JsonNode>> deviceKeys = new HashMap<>();
        final Map<String, Map<String, ObjectNode>> oneTimeKeys = new HashMap<>();
        final Map<String, List<JsonNode>> inbox = new HashMap<>();
        /** Cross-signing keys per user: master_key, self_signing_key, user_signing_key. */
        final Map<String, JsonNode> signingKeys = new HashMap<>();

        /** Stores what {@code bootstrapCrossSigning} asks to upload, and the signatures that go with it. */
        void uploadCrossSigning(OlmMachineHandle machine) {
            flush(machine);
            CrossSigningBootstrap bootstrap = machine.bootstrapCrossSigning();
            signingKeys.put(machine.userId(), TestEvents.parse(bootstrap.uploadSigningKeysBodyJson()));
            OutgoingRequest signatures = bootstrap.signatureUpload();
            machine.markRequestAsSent(signatures.requestId(), signatures.type(), handle(machine, signatures));
        }

        /** Uploads the machines' keys and lets each track the members (and query their devices). */
        void introduce(List<String> members, OlmMachineHandle... machines) {
            for (OlmMachineHandle machine : machines) {
                flush(machine);
            }
            for (OlmMachineHandle machine : machines) {
                machine.updateTrackedUsers(members);
                flush(machine);
            }
        }

        /** Sends what the machine wants sent (uploads and queries), as a sync loop would. */
        void flush(OlmMachineHandle machine) {
            for (OutgoingRequest request : machine.outgoingRequests()) {
                machine.markRequestAsSent(request.requestId(), request.type(), handle(machine, request));
            }
        }

        String handle(OlmMachineHandle machine, OutgoingRequest request) {
            JsonNode body = TestEvents.parse(request.bodyJson());
            return switch (request.type()) {
                case KEYS_UPLOAD -> {
                    if (body.has("device_keys")) {
                        deviceKeys.computeIfAbsent(machine.userId(), u -> new HashMap<>())
                                .put(machine.deviceId(), body.get("device_keys"));
                    }
                    ObjectNode keys = oneTimeKeys.computeIfAbsent(machine.userId(), u -> new HashMap<>())
                            .computeIfAbsent(machine.deviceId(), d -> JSON.createObjectNode());
                    body.path("one_time_keys").properties().forEach(e -> keys.set(e.getKey(), e.getValue()));
                    yield "{\"one_time_key_counts\":{\"signed_curve25519\":" + keys.size() + "}}";
                }
                case KEYS_QUERY -> {
                    ObjectNode response = JSON.createObjectNode();
                    ObjectNode devices = response.putObject("device_keys");
                    body.path("device_keys").fieldNames().forEachRemaining(user -> {
                        ObjectNode userDevices = devices.putObject(user);
                        deviceKeys.getOrDefault(user, Map.of()).forEach(userDevices::set);
                        JsonNode signing = signingKeys.get(user);
                        if (signing != null) {
                            response.withObjectProperty("master_keys").set(user, signing.get("master_key"));
                            response.withObjectProperty("self_signing_keys").set(user, signing.get("self_signing_key"));
                            if (user.equals(machine.userId())) {
                                response.withObjectProperty("user_signing_keys").set(user, signing.get("user_signing_key"));
                            }
                        }
                    });
                    response.putObject("failures");
                    yield TestEvents.write(response);
                }
                case KEYS_CLAIM -> {
                    ObjectNode response = JSON.createObjectNode();
                    ObjectNode claimed = response.putObject("one_time_keys");
                    body.path("one_time_keys").properties().forEach(user -> user.getValue().fieldNames()
                            .forEachRemaining(device -> {
                                ObjectNode available = oneTimeKeys.get(user.getKey()).get(device);
                                Iterator<String> ids = available.fieldNames();
                                String id = ids.next();
                                claimed.putObject(user.getKey()).putObject(device).set(id, available.remove(id));
                            }));
                    response.putObject("failures");
                    yield TestEvents.write(response);
                }
                case TO_DEVICE -> {
                    String type = request.path().split("/")[5];
                    body.path("messages").properties().forEach(user -> user.getValue().properties()
                            .forEach(device -> {
                                ObjectNode event = JSON.createObjectNode();
                                event.put("type", type);
                                event.put("sender", machine.userId());
                                event.set("content", device.getValue());
                                inbox.computeIfAbsent(user.getKey() + "|" + device.getKey(), k -> new ArrayList<>())
                                        .add(event);
                            }));
                    yield "{}";
                }
                case SIGNATURE_UPLOAD -> {
                    // Adds the uploaded signatures to the stored device keys (the master key's own signatures
                    // are not needed by these tests).
                    body.properties().forEach(user -> user.getValue().properties().forEach(key -> {
                        JsonNode device = deviceKeys.getOrDefault(user.getKey(), Map.of()).get(key.getKey());
                        if (device != null) {
                            key.getValue().path("signatures").properties().forEach(signer -> signer.getValue()
                                    .properties().forEach(signature -> ((ObjectNode) device).withObjectProperty("signatures")
                                            .withObjectProperty(signer.getKey()).set(signature.getKey(), signature.getValue())));
                        }
                    }));
                    yield "{\"failures\":{}}";
                }
                default -> throw new AssertionError("unexpected request " + request);
            };
        }

        /** One sync for the machine: its queued to-device events, and users whose devices changed. */
        JsonNode sync(OlmMachineHandle machine, String... changedUsers) {
            ObjectNode changes = JSON.createObjectNode();
            ArrayNode changed = changes.putObject("changed_devices").putArray("changed");
            for (String user : changedUsers) {
                changed.add(user);
            }
            ArrayNode events = changes.putArray("to_device_events");
            inbox.getOrDefault(machine.userId() + "|" + machine.deviceId(), List.of()).forEach(events::add);
            inbox.remove(machine.userId() + "|" + machine.deviceId());
            changes.putObject("one_time_key_counts").put("signed_curve25519",
                    oneTimeKeys.getOrDefault(machine.userId(), Map.of()).getOrDefault(machine.deviceId(),
                            JSON.createObjectNode()).size());
            changes.put("next_batch_token", "s1");
            return TestEvents.parse(machine.receiveSyncChanges(TestEvents.write(changes)));
        }
    }

    @Test
    void aRoomKeyTravelsOverOlmAndDecryptsTheMessage() {
        FakeHomeserver server = new FakeHomeserver();
        try (OlmMachineHandle caseworker = OlmMachineHandle.createInMemory(ALICE, "AMTSDESK");
                OlmMachineHandle citizen = OlmMachineHandle.createInMemory(BOB, "HANDY")) {
            List<String> members = List.of(ALICE, BOB);
            server.introduce(members, caseworker, citizen);

            OutgoingRequest claim = caseworker.missingSessions(members).orElseThrow();
            assertThat(claim.type()).isEqualTo(OutgoingRequest.Type.KEYS_CLAIM);
            assertThat(claim.path()).isEqualTo("/_matrix/client/v3/keys/claim");
            caseworker.markRequestAsSent(claim.requestId(), claim.type(), server.handle(caseworker, claim));
            assertThat(caseworker.missingSessions(members)).isEmpty();

            List<OutgoingRequest> shares = caseworker.shareRoomKey(ROOM, members);
            assertThat(shares).isNotEmpty().allSatisfy(share -> {
                assertThat(share.type()).isEqualTo(OutgoingRequest.Type.TO_DEVICE);
                assertThat(share.method()).isEqualTo("PUT");
                assertThat(share.path()).isEqualTo("/_matrix/client/v3/sendToDevice/m.room.encrypted/" + share.requestId());
            });
            for (OutgoingRequest share : shares) {
                caseworker.markRequestAsSent(share.requestId(), share.type(), server.handle(caseworker, share));
            }
            assertThat(caseworker.shareRoomKey(ROOM, members)).isEmpty();

            String content = caseworker.encryptRoomEvent(ROOM, "m.room.message",
                    TestEvents.textContent("Bitte reichen Sie die Meldebescheinigung nach."));
            String event = TestEvents.roomEvent(content, ALICE, "$olm", ROOM);

            JsonNode synced = server.sync(citizen);
            JsonNode update = synced.path("room_key_updates").get(0);
            assertThat(update.path("room_id").asText()).isEqualTo(ROOM);
            assertThat(update.path("session_id").asText()).isEqualTo(TestEvents.parse(content).path("session_id").asText());
            assertThat(synced.path("to_device_events").get(0).path("type").asText()).isEqualTo("m.room_key");

            DecryptedEvent decrypted = citizen.decryptRoomEvent(ROOM, event);
            assertThat(TestEvents.bodyOf(decrypted)).isEqualTo("Bitte reichen Sie die Meldebescheinigung nach.");
            assertThat(decrypted.senderCurve25519Key()).isEqualTo(caseworker.identityKeys().curve25519());
            // Known device, but nobody cross-signed it.
            assertThat(decrypted.verificationState()).isEqualTo(VerificationState.UNSIGNED_DEVICE);

            // The citizen logs in on a second device: it gets the room key from the current
            // message index on, so it cannot read the earlier message.
            try (OlmMachineHandle tablet = OlmMachineHandle.createInMemory(BOB, "TABLET")) {
                server.flush(tablet);
                server.sync(caseworker, BOB);
                server.flush(caseworker);
                OutgoingRequest tabletClaim = caseworker.missingSessions(members).orElseThrow();
                assertThat(tabletClaim.bodyJson()).contains("TABLET").doesNotContain("HANDY");
                caseworker.markRequestAsSent(tabletClaim.requestId(), tabletClaim.type(),
                        server.handle(caseworker, tabletClaim));
                for (OutgoingRequest share : caseworker.shareRoomKey(ROOM, members)) {
                    assertThat(share.bodyJson()).contains("TABLET").doesNotContain("HANDY");
                    caseworker.markRequestAsSent(share.requestId(), share.type(), server.handle(caseworker, share));
                }
                String later = TestEvents.roomEvent(caseworker.encryptRoomEvent(ROOM, "m.room.message",
                        TestEvents.textContent("Danke, eingegangen.")), ALICE, "$later", ROOM);
                assertThat(server.sync(tablet).path("room_key_updates").size()).isEqualTo(1);

                assertThat(TestEvents.bodyOf(tablet.decryptRoomEvent(ROOM, later))).isEqualTo("Danke, eingegangen.");
                assertThatThrownBy(() -> tablet.decryptRoomEvent(ROOM, event))
                        .isInstanceOfSatisfying(DecryptionFailedException.class, e -> assertThat(e.reason())
                                .isEqualTo(DecryptionFailedException.Reason.UNKNOWN_MESSAGE_INDEX))
                        .hasMessageContaining("message index");
                assertThat(TestEvents.bodyOf(citizen.decryptRoomEvent(ROOM, later))).isEqualTo("Danke, eingegangen.");
            }
        }
    }

    /**
     * The defect behind intermittent UNKNOWN_MESSAGE_INDEX in the staff room: a new Olm session from the recipient
     * bumps its device's wedging index at the sender, so the sender re-shares its room key at the current message
     * index. When the first share (index 0) and the re-share (index 1) arrive in one sync, matrix-sdk-crypto 0.18
     * compared both only with the store and saved the later one; the first message stayed unreadable. The native
     * layer now feeds a device's repeated to-device events in separate runs.
     */
    @Test
    void aReShareAtALaterIndexInTheSameSyncDoesNotReplaceTheFirstKey() {
        FakeHomeserver server = new FakeHomeserver();
        try (OlmMachineHandle caseworker = OlmMachineHandle.createInMemory(ALICE, "AMTSDESK");
                OlmMachineHandle colleague = OlmMachineHandle.createInMemory(BOB, "BEN")) {
            List<String> members = List.of(ALICE, BOB);
            server.introduce(members, caseworker, colleague);
            OutgoingRequest claim = caseworker.missingSessions(members).orElseThrow();
            caseworker.markRequestAsSent(claim.requestId(), claim.type(), server.handle(caseworker, claim));
            for (OutgoingRequest share : caseworker.shareRoomKey(ROOM, members)) {
                caseworker.markRequestAsSent(share.requestId(), share.type(), server.handle(caseworker, share));
            }
            String first = TestEvents.roomEvent(caseworker.encryptRoomEvent(ROOM, "m.room.message",
                    TestEvents.textContent("Fall 4711 übernimmt Ben.")), ALICE, "$first", ROOM);

            // Before syncing, the colleague opens an Olm session of its own to the caseworker (sharing a key of
            // another room), which the caseworker takes in: the colleague's device is now "wedged" at the sender.
            OutgoingRequest back = colleague.missingSessions(List.of(ALICE)).orElseThrow();
            colleague.markRequestAsSent(back.requestId(), back.type(), server.handle(colleague, back));
            for (OutgoingRequest share : colleague.shareRoomKey("!anderer:amt.example", members)) {
                colleague.markRequestAsSent(share.requestId(), share.type(), server.handle(colleague, share));
            }
            server.sync(caseworker);
            List<OutgoingRequest> reShare = caseworker.shareRoomKey(ROOM, members);
            assertThat(reShare).as("the sender re-shares the same session at index 1").isNotEmpty();
            for (OutgoingRequest share : reShare) {
                caseworker.markRequestAsSent(share.requestId(), share.type(), server.handle(caseworker, share));
            }

            JsonNode synced = server.sync(colleague);
            List<String> roomKeys = new ArrayList<>();
            synced.path("to_device_events").forEach(e -> {
                if (e.path("type").asText().equals("m.room_key")) {
                    roomKeys.add(e.path("content").path("session_id").asText());
                }
            });
            String session = TestEvents.parse(first).path("content").path("session_id").asText();
            assertThat(roomKeys).as("both copies of the session arrived in this one sync")
                    .containsExactly(session, session);

            assertThat(TestEvents.bodyOf(colleague.decryptRoomEvent(ROOM, first)))
                    .isEqualTo("Fall 4711 übernimmt Ben.");
        }
    }

    @Test
    void aDeviceAddedSinceTheLastSyncGetsTheRoomKeyOnlyAfterAFreshKeyQuery() {
        FakeHomeserver server = new FakeHomeserver();
        try (OlmMachineHandle caseworker = OlmMachineHandle.createInMemory(ALICE, "AMTSDESK");
                OlmMachineHandle citizen = OlmMachineHandle.createInMemory(BOB, "HANDY");
                OlmMachineHandle tablet = OlmMachineHandle.createInMemory(BOB, "TABLET")) {
            List<String> members = List.of(ALICE, BOB);
            server.flush(caseworker);
            server.flush(citizen);
            caseworker.updateTrackedUsers(members);
            server.flush(caseworker); // knows HANDY
            // The citizen's tablet publishes its keys; the caseworker has not synced since.
            server.flush(tablet);
            server.flush(caseworker);
            OutgoingRequest claim = caseworker.missingSessions(members).orElseThrow();
            assertThat(claim.bodyJson()).contains("HANDY").doesNotContain("TABLET");
            caseworker.markRequestAsSent(claim.requestId(), claim.type(), server.handle(caseworker, claim));
            for (OutgoingRequest share : caseworker.shareRoomKey(ROOM, members)) {
                assertThat(share.bodyJson()).doesNotContain("TABLET");
                caseworker.markRequestAsSent(share.requestId(), share.type(), server.handle(caseworker, share));
            }

            OutgoingRequest query = caseworker.queryKeys(members);
            assertThat(query.type()).isEqualTo(OutgoingRequest.Type.KEYS_QUERY);
            assertThat(query.bodyJson()).contains(BOB);
            caseworker.markRequestAsSent(query.requestId(), query.type(), server.handle(caseworker, query));
            OutgoingRequest tabletClaim = caseworker.missingSessions(members).orElseThrow();
            assertThat(tabletClaim.bodyJson()).contains("TABLET").doesNotContain("HANDY");
            caseworker.markRequestAsSent(tabletClaim.requestId(), tabletClaim.type(),
                    server.handle(caseworker, tabletClaim));
            List<OutgoingRequest> shares = caseworker.shareRoomKey(ROOM, members);
            assertThat(shares).singleElement().satisfies(share -> assertThat(share.bodyJson()).contains("TABLET"));
            caseworker.markRequestAsSent(shares.getFirst().requestId(), shares.getFirst().type(),
                    server.handle(caseworker, shares.getFirst()));
            String event = TestEvents.roomEvent(caseworker.encryptRoomEvent(ROOM, "m.room.message",
                    TestEvents.textContent("Ihr Antrag ist eingegangen.")), ALICE, "$first", ROOM);
            server.sync(tablet);
            assertThat(TestEvents.bodyOf(tablet.decryptRoomEvent(ROOM, event))).isEqualTo("Ihr Antrag ist eingegangen.");
        }
    }

    /**
     * The caseworker shares a room key with the citizen and encrypts one message. The citizen tracks (and so
     * downloads the device keys of) only {@code citizenTracks}.
     */
    private static String roomKeySharedAndMessageSent(FakeHomeserver server, OlmMachineHandle caseworker,
            OlmMachineHandle citizen, List<String> citizenTracks, String body) {
        server.flush(caseworker);
        server.flush(citizen);
        List<String> members = List.of(ALICE, BOB);
        caseworker.updateTrackedUsers(members);
        citizen.updateTrackedUsers(citizenTracks);
        server.flush(caseworker);
        server.flush(citizen);
        OutgoingRequest claim = caseworker.missingSessions(members).orElseThrow();
        caseworker.markRequestAsSent(claim.requestId(), claim.type(), server.handle(caseworker, claim));
        for (OutgoingRequest share : caseworker.shareRoomKey(ROOM, members)) {
            caseworker.markRequestAsSent(share.requestId(), share.type(), server.handle(caseworker, share));
        }
        String content = caseworker.encryptRoomEvent(ROOM, "m.room.message", TestEvents.textContent(body));
        assertThat(server.sync(citizen).path("room_key_updates").size()).isEqualTo(1);
        return TestEvents.roomEvent(content, ALICE, "$" + Math.abs(body.hashCode()), ROOM);
    }

    @Test
    void aDeviceTheCitizenNeverQueriedIsKnownFromTheRoomKeyMessageItself() {
        FakeHomeserver server = new FakeHomeserver();
        try (OlmMachineHandle caseworker = OlmMachineHandle.createInMemory(ALICE, "AMTSDESK");
                OlmMachineHandle citizen = OlmMachineHandle.createInMemory(BOB, "HANDY")) {
            // The citizen does not track the caseworker, so it never downloads the caseworker's device keys. The
            // SDK still knows the device: matrix-sdk-crypto puts the sender's device keys into the Olm-encrypted
            // room key message (MSC4147). So a current sender is never "unknown device" (MissingDevice); only keys
            // from clients that leave them out are. That mapping is checked by the Rust unit test in room.rs, the
            // other unlinked case (InsecureSource) by RoomEncryptionTest.
            String event = roomKeySharedAndMessageSent(server, caseworker, citizen, List.of(BOB), "Von wem?");

            DecryptedEvent decrypted = citizen.decryptRoomEvent(ROOM, event);

            assertThat(TestEvents.bodyOf(decrypted)).isEqualTo("Von wem?");
            assertThat(decrypted.verificationState()).isEqualTo(VerificationState.UNSIGNED_DEVICE);
            // The same event in a batch reports the same state.
            assertThat(citizen.decryptRoomEvents(ROOM, List.of(event))).singleElement()
                    .satisfies(r -> assertThat(r.orThrow().verificationState())
                            .isEqualTo(VerificationState.UNSIGNED_DEVICE));
        }
    }

    @Test
    void aKnownDeviceWithoutCrossSigningIsAnUnsignedDevice() {
        FakeHomeserver server = new FakeHomeserver();
        try (OlmMachineHandle caseworker = OlmMachineHandle.createInMemory(ALICE, "AMTSDESK");
                OlmMachineHandle citizen = OlmMachineHandle.createInMemory(BOB, "HANDY")) {
            String event = roomKeySharedAndMessageSent(server, caseworker, citizen, List.of(ALICE, BOB), "Bekannt");

            assertThat(citizen.decryptRoomEvent(ROOM, event).verificationState())
                    .isEqualTo(VerificationState.UNSIGNED_DEVICE);
        }
    }

    @Test
    void aCrossSignedDeviceOfAnUnverifiedUserIsAnUnverifiedIdentity() {
        FakeHomeserver server = new FakeHomeserver();
        try (OlmMachineHandle caseworker = OlmMachineHandle.createInMemory(ALICE, "AMTSDESK");
                OlmMachineHandle citizen = OlmMachineHandle.createInMemory(BOB, "HANDY")) {
            server.uploadCrossSigning(caseworker);
            assertThat(server.deviceKeys.get(ALICE).get("AMTSDESK").path("signatures").path(ALICE).size())
                    .as("device signature plus self-signing signature").isEqualTo(2);

            String event = roomKeySharedAndMessageSent(server, caseworker, citizen, List.of(ALICE, BOB),
                    "Signiert, aber nicht verifiziert");

            assertThat(citizen.decryptRoomEvent(ROOM, event).verificationState())
                    .isEqualTo(VerificationState.UNVERIFIED_IDENTITY);
        }
    }
}
