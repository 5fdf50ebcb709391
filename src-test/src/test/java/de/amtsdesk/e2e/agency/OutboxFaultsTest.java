package de.amtsdesk.e2e.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsdesk.e2e.harness.CitizenClient;
import de.amtsdesk.e2e.harness.HarnessPaths;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import de.amtsdesk.e2e.harness.ToxiproxyServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7, faults on the wire: the agency talks to Synapse through a real fault proxy (Toxiproxy) while the citizen
 * talks to Synapse directly. Covers the case the plain outage test never reached: the send arrived at Synapse, the
 * answer did not arrive before the client died; and the back-off of a workstation whose server is down.
 */
@ExtendWith(SynapseExtension.class)
class OutboxFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private record Peers(RegisteredUser agency, CitizenClient citizen, String roomId, AgencyProcess ws,
            ToxiproxyServer proxy) { }

    private static Peers peers(SynapseServer synapse, String test) throws Exception {
        RegisteredUser agency = SynapseExtension.registerUser("amt");
        RegisteredUser account = SynapseExtension.registerUser("buerger");
        CitizenClient citizen = CitizenClient.start(test + "-citizen");
        citizen.login(synapse, account);
        String roomId = citizen.createEncryptedRoom(List.of(agency.userId()), null, true);
        ToxiproxyServer proxy = ToxiproxyServer.startInFrontOf(synapse.port(),
                HarnessPaths.reportsDir().resolve("toxiproxy-" + test));
        AgencyProcess ws = new AgencyProcess(AgencyProcess.newRoot(test), "ws1", "passphrase-" + test + "-1",
                agency.password());
        ws.run("login", "--homeserver", proxy.baseUrl(), "--user", agency.localpart());
        citizen.sendText(roomId, "Guten Tag");
        ws.run("sync", "--room", roomId, "--until-text", "Guten Tag");
        // One reply first: room key shared, Olm sessions set up; later sends are one request each.
        ws.run("send-text", "--room", roomId, "--text", "Willkommen");
        citizen.awaitEvent("welcome", e -> "Willkommen".equals(e.body()), WAIT);
        return new Peers(agency, citizen, roomId, ws, proxy);
    }

    private static List<String> agencyBodies(CitizenClient citizen, String roomId, String agencyUserId) {
        List<String> bodies = new ArrayList<>();
        citizen.call("timeline", JSON.createObjectNode().put("roomId", roomId)).path("events").forEach(e -> {
            if (agencyUserId.equals(e.path("sender").asText()) && "m.room.message".equals(e.path("type").asText())) {
                bodies.add(e.path("body").asText());
            }
        });
        return bodies;
    }

    @Test
    void aSendThatReachedTheServerButWhoseAnswerWasLostIsNotDuplicated(SynapseServer synapse) throws Exception {
        Peers p = peers(synapse, "lost-answer");
        try (CitizenClient citizen = p.citizen(); ToxiproxyServer proxy = p.proxy()) {
            // Answers from Synapse to the agency take 15 s: the send reaches Synapse at once (the citizen sees
            // it), its answer is still on the way when the workstation is killed.
            proxy.addToxic("slow-answers", "latency", "downstream", 1.0, Map.of("latency", 15_000));
            Process ws = p.ws().startAndAwaitFirstLine("send-text", "--room", p.roomId(), "--text",
                    "Bescheid folgt", "--then-hang", "yes");
            citizen.awaitEvent("the reply, before the agency heard back", e -> "Bescheid folgt".equals(e.body()),
                    Duration.ofSeconds(90));
            ws.destroyForcibly().waitFor();

            JsonNode outbox = p.ws().run("outbox", "--room", p.roomId());
            assertThat(outbox.path("items")).as("the workstation never learned it was sent").hasSize(1);
            proxy.heal();
            p.ws().run("drain", "--timeout", "120");
            assertThat(p.ws().run("outbox", "--room", p.roomId()).path("items")).isEmpty();

            citizen.sendText(p.roomId(), "Danke");  // a later event: anything sent twice would be before it
            citizen.awaitEvent("thanks", e -> "Danke".equals(e.body()), WAIT);
            Thread.sleep(2000);
            assertThat(agencyBodies(citizen, p.roomId(), p.agency().userId()))
                    .as("sent again with the same transaction ID: one event")
                    .containsExactly("Willkommen", "Bescheid folgt");
        }
    }

    @Test
    void whileTheServerIsDownQueuedMessagesShareOneBackOff(SynapseServer synapse) throws Exception {
        Peers p = peers(synapse, "one-backoff");
        try (CitizenClient citizen = p.citizen(); ToxiproxyServer proxy = p.proxy()) {
            proxy.setEnabled(false); // connection refused: the server is down for the workstation
            Process ws = p.ws().startAndAwaitFirstLine("send-text", "--room", p.roomId(), "--text", "Nachricht",
                    "--count", "20", "--spread-ms", "150", "--then-hang", "yes");
            Thread.sleep(6000);
            ws.destroyForcibly().waitFor();

            JsonNode items = p.ws().run("outbox", "--room", p.roomId()).path("items");
            assertThat(items).hasSize(20);
            int attempts = 0;
            for (JsonNode item : items) {
                attempts += item.path("attempts").asInt();
            }
            // Exponential back-off from 1 s with jitter: at most 1 + 1 + 2 + 4 tries fit into 6 s. Twenty queued
            // messages waking the outbox once each would have made about twenty.
            assertThat(attempts).as("attempts while the server was down for 6 s").isBetween(1, 5);

            proxy.setEnabled(true);
            p.ws().run("drain", "--timeout", "120");
            citizen.awaitEvent("the last one", e -> "Nachricht 20".equals(e.body()), WAIT);
            List<String> expected = new ArrayList<>(List.of("Willkommen"));
            for (int i = 1; i <= 20; i++) {
                expected.add("Nachricht " + i);
            }
            Thread.sleep(2000);
            assertThat(agencyBodies(citizen, p.roomId(), p.agency().userId())).containsExactlyElementsOf(expected);
        }
    }
}
