package de.amtsdesk.e2e.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsdesk.e2e.harness.CitizenClient;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A hostile or broken peer: garbage ciphertexts, events without the fields they need, unknown algorithms, an
 * oversized body and junk to-device messages, sent over the real Synapse. The agency workstation must keep
 * running, mark what it cannot read, and still decrypt the honest message that follows.
 */
@ExtendWith(SynapseExtension.class)
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void garbageIsMarkedAndTheNextHonestMessageStillDecrypts(SynapseServer synapse) throws Exception {
        RegisteredUser agency = SynapseExtension.registerUser("amt");
        RegisteredUser attacker = SynapseExtension.registerUser("stoerer");
        try (CitizenClient citizen = CitizenClient.start("hostile-citizen")) {
            citizen.login(synapse, attacker);
            String roomId = citizen.createEncryptedRoom(List.of(agency.userId()), null, true);
            AgencyProcess workstation = new AgencyProcess(AgencyProcess.newRoot("hostile"), "ws1",
                    "passphrase-hostile-0815", agency.password());
            String agencyDevice = workstation.run("login", "--homeserver", synapse.baseUrl(), "--user",
                    agency.localpart()).path("deviceId").asText();
            citizen.sendText(roomId, "Erste ehrliche Nachricht");
            workstation.run("sync", "--room", roomId, "--until-text", "Erste ehrliche Nachricht");

            String token = attacker.accessToken();
            List<String> hostile = new ArrayList<>();
            hostile.add(send(synapse, token, roomId, "m.room.encrypted", Map.of("algorithm", "m.megolm.v1.aes-sha2",
                    "ciphertext", "AwgAEiBnYXJiYWdl", "session_id", "keine-session", "sender_key", "xyz",
                    "device_id", "FAKE")));
            hostile.add(send(synapse, token, roomId, "m.room.encrypted", Map.of()));
            hostile.add(send(synapse, token, roomId, "m.room.encrypted", Map.of("algorithm", "m.olm.v999",
                    "ciphertext", Map.of("x", 1))));
            hostile.add(send(synapse, token, roomId, "org.matrix.msc3381.poll.start", Map.of("unsinn", 7)));
            hostile.add(send(synapse, token, roomId, "m.room.message", Map.of("msgtype", "m.file",
                    "body", "kein-anhang.pdf")));
            String huge = "Ü".repeat(30_000);
            String hugeEvent = send(synapse, token, roomId, "m.room.message", Map.of("msgtype", "m.text", "body", huge));
            sendToDevice(synapse, token, agency.userId(), agencyDevice, Map.of("algorithm",
                    "m.olm.v1.curve25519-aes-sha2", "sender_key", "nicht-echt", "ciphertext", Map.of("foo", "bar")));
            sendToDevice(synapse, token, agency.userId(), agencyDevice, Map.of("nonsense", List.of(1, 2, 3)));

            citizen.sendText(roomId, "Zweite ehrliche Nachricht nach dem Müll");
            JsonNode synced = workstation.run("sync", "--room", roomId, "--until-text",
                    "Zweite ehrliche Nachricht nach dem Müll");
            assertThat(synced.path("ok").asBoolean()).isTrue();

            JsonNode timeline = workstation.run("timeline", "--room", roomId, "--offline", "yes");
            Map<String, JsonNode> byId = new HashMap<>();
            timeline.path("entries").forEach(e -> byId.put(e.path("id").asText(), e));
            for (String eventId : hostile) {
                assertThat(byId).as("hostile event %s kept and marked", eventId).containsKey(eventId);
                assertThat(byId.get(eventId).path("kind").asText()).as(eventId).isIn("UNDECRYPTABLE", "MALFORMED");
            }
            assertThat(byId.get(hugeEvent).path("kind").asText()).isEqualTo("TEXT");
            // Synapse caps events at 64 KiB, so this near-maximal body must arrive whole (the display cap for
            // anything longer is covered by EventInterpreterTest).
            assertThat(byId.get(hugeEvent).path("body").asText()).isEqualTo(huge);
            List<String> honest = new ArrayList<>();
            timeline.path("entries").forEach(e -> {
                if (e.path("kind").asText().equals("TEXT") && e.path("body").asText().contains("ehrliche")) {
                    honest.add(e.path("body").asText());
                }
            });
            assertThat(honest).containsExactly("Erste ehrliche Nachricht", "Zweite ehrliche Nachricht nach dem Müll");
        }
    }

    private static String send(SynapseServer synapse, String token, String roomId, String type, Object content)
            throws Exception {
        String path = "/_matrix/client/v3/rooms/" + enc(roomId) + "/send/" + enc(type) + "/" + UUID.randomUUID();
        JsonNode answer = put(synapse, token, path, content);
        return answer.path("event_id").asText();
    }

    private static void sendToDevice(SynapseServer synapse, String token, String user, String device, Object content)
            throws Exception {
        String path = "/_matrix/client/v3/sendToDevice/m.room.encrypted/" + UUID.randomUUID();
        put(synapse, token, path, Map.of("messages", Map.of(user, Map.of(device, content))));
    }

    private static JsonNode put(SynapseServer synapse, String token, String path, Object body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(synapse.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s → %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
