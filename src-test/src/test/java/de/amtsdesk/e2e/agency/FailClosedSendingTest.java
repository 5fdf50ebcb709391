package de.amtsdesk.e2e.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.e2e.harness.CitizenClient;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7, "fail closed": the agency never answers in clear. A citizen's unencrypted room gets encryption turned on
 * by the agency before its first reply; where the agency may not do that, the reply is refused with a reason and
 * never reaches the server; a damaged room directory or a leave and rejoin do not make the agency forget that a room
 * is encrypted. Every check is on what the citizen's own client (matrix-js-sdk) saw on the wire.
 */
@ExtendWith(SynapseExtension.class)
class FailClosedSendingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private record Peers(RegisteredUser agency, CitizenClient citizen, AgencyProcess workstation) { }

    private static Peers peers(SynapseServer synapse, String test) throws Exception {
        RegisteredUser agency = SynapseExtension.registerUser("amt");
        RegisteredUser account = SynapseExtension.registerUser("buerger");
        CitizenClient citizen = CitizenClient.start(test + "-citizen");
        citizen.login(synapse, account);
        AgencyProcess ws = new AgencyProcess(AgencyProcess.newRoot(test), "ws1", "passphrase-ws1-4711",
                agency.password());
        return new Peers(agency, citizen, ws);
    }

    private static String plainRoom(CitizenClient citizen, String agencyUserId, Integer encryptionPowerLevel) {
        ObjectNode args = JSON.createObjectNode();
        args.putArray("invite").add(agencyUserId);
        if (encryptionPowerLevel != null) {
            args.put("encryptionPowerLevel", encryptionPowerLevel);
        }
        return citizen.call("createPlainRoom", args).path("roomId").asText();
    }

    private static JsonNode citizenTimeline(CitizenClient citizen, String roomId) {
        return citizen.call("timeline", JSON.createObjectNode().put("roomId", roomId));
    }

    /** Every event the agency sent into the room, as the citizen's client saw it. */
    private static List<JsonNode> fromAgency(CitizenClient citizen, String roomId, String agencyUserId) {
        List<JsonNode> events = new ArrayList<>();
        citizenTimeline(citizen, roomId).path("events").forEach(e -> {
            if (agencyUserId.equals(e.path("sender").asText()) && e.path("type").asText().equals("m.room.message")) {
                events.add(e);
            }
        });
        return events;
    }

    @Test
    void aPlainRoomIsEncryptedByTheAgencyBeforeItsFirstReply(SynapseServer synapse) throws Exception {
        Peers p = peers(synapse, "plain-room-encrypted");
        try (CitizenClient citizen = p.citizen()) {
            String roomId = plainRoom(citizen, p.agency().userId(), 0);
            p.workstation().run("login", "--homeserver", synapse.baseUrl(), "--user", p.agency().localpart());

            String reply = "Guten Tag, Ihre Nachricht ist angekommen (Az. 2026-0815).";
            p.workstation().run("send-text", "--room", roomId, "--text", reply);
            var received = citizen.awaitEvent("the agency's reply", e -> reply.equals(e.body()), WAIT);

            assertThat(received.encrypted()).as("the reply travelled encrypted").isTrue();
            assertThat(citizenTimeline(citizen, roomId).path("encryptionEnabled").asBoolean())
                    .as("the agency turned encryption on in the citizen's room").isTrue();
            assertThat(fromAgency(citizen, roomId, p.agency().userId()))
                    .allSatisfy(e -> assertThat(e.path("wireType").asText()).isEqualTo("m.room.encrypted"));
        }
    }

    @Test
    void whereTheAgencyMayNotEncryptItRefusesToSendAndSaysWhy(SynapseServer synapse) throws Exception {
        Peers p = peers(synapse, "plain-room-refused");
        try (CitizenClient citizen = p.citizen()) {
            // Synapse's default: m.room.encryption needs power level 100; the invited agency has 0.
            String roomId = plainRoom(citizen, p.agency().userId(), 100);
            p.workstation().run("login", "--homeserver", synapse.baseUrl(), "--user", p.agency().localpart());

            String reply = "Diese Antwort darf nie im Klartext ankommen: Steuer-ID 12 345 678 901";
            JsonNode result = p.workstation().run("send-text", "--room", roomId, "--text", reply, "--once", "yes");

            JsonNode echo = null;
            for (JsonNode entry : result.path("entries")) {
                if (reply.equals(entry.path("body").asText())) {
                    echo = entry;
                }
            }
            assertThat(echo).as("the reply stays in the outbox for the caseworker").isNotNull();
            assertThat(echo.path("state").asText()).isEqualTo("FAILED");
            assertThat(echo.path("problem").asText()).isEqualTo("NOT_ENCRYPTED");

            citizen.sendText(roomId, "Hallo?", true);
            citizen.awaitEvent("the citizen's own message", e -> "Hallo?".equals(e.body()), WAIT);
            assertThat(fromAgency(citizen, roomId, p.agency().userId())).as("nothing from the agency on the wire")
                    .isEmpty();
            assertThat(citizenTimeline(citizen, roomId).path("encryptionEnabled").asBoolean()).isFalse();
        }
    }

    @Test
    void aDamagedDirectoryAndALeaveAndRejoinNeverLeadToCleartext(SynapseServer synapse) throws Exception {
        Peers p = peers(synapse, "sticky-encryption");
        try (CitizenClient citizen = p.citizen()) {
            String roomId = citizen.createEncryptedRoom(List.of(p.agency().userId()), null, true);
            AgencyProcess ws = p.workstation();
            ws.run("login", "--homeserver", synapse.baseUrl(), "--user", p.agency().localpart());
            citizen.sendText(roomId, "Guten Tag");
            ws.run("sync", "--room", roomId, "--until-text", "Guten Tag");

            ws.run("damage-directory");
            ws.run("send-text", "--room", roomId, "--text", "Antwort nach beschädigtem Verzeichnis");
            citizen.awaitEvent("reply 1", e -> "Antwort nach beschädigtem Verzeichnis".equals(e.body()), WAIT);

            ws.run("leave", "--room", roomId);
            citizen.call("invite", JSON.createObjectNode().put("roomId", roomId).put("userId", p.agency().userId()));
            ws.run("rooms"); // syncs: joins the new invitation
            ws.run("send-text", "--room", roomId, "--text", "Antwort nach erneutem Beitritt");
            citizen.awaitEvent("reply 2", e -> "Antwort nach erneutem Beitritt".equals(e.body()), WAIT);

            List<JsonNode> sent = fromAgency(citizen, roomId, p.agency().userId());
            assertThat(sent).extracting(e -> e.path("body").asText())
                    .contains("Antwort nach beschädigtem Verzeichnis", "Antwort nach erneutem Beitritt");
            assertThat(sent).allSatisfy(e -> assertThat(e.path("wireType").asText()).isEqualTo("m.room.encrypted"));
        }
    }
}
