package de.amtsdesk.e2e.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.e2e.harness.CitizenClient;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7, "no gaps": a workstation that was off while 500 citizen messages arrived in one room shows all 500, in
 * server order, exactly once, decrypted. One sync carries 50 of them (a limited timeline); the rest come from
 * {@code /messages} backwards until the last event the workstation had.
 */
@ExtendWith(SynapseExtension.class)
class NoGapsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OFFLINE_MESSAGES = 500;

    @Test
    void aWorkstationThatWasOffSeesEveryMessageOnceInServerOrder(SynapseServer synapse) throws Exception {
        RegisteredUser agency = SynapseExtension.registerUser("amt");
        RegisteredUser account = SynapseExtension.registerUser("buergerin");
        try (CitizenClient citizen = CitizenClient.start("gap-citizen")) {
            citizen.login(synapse, account);
            String roomId = citizen.createEncryptedRoom(List.of(agency.userId()), null, true);
            AgencyProcess ws = new AgencyProcess(AgencyProcess.newRoot("gap"), "ws1", "passphrase-gap-4711",
                    agency.password());
            ws.run("login", "--homeserver", synapse.baseUrl(), "--user", agency.localpart());
            citizen.sendText(roomId, "Vor der Pause");
            ws.run("sync", "--room", roomId, "--until-text", "Vor der Pause");

            // The workstation is off (no process runs) while the citizen writes 500 messages.
            List<String> expected = new ArrayList<>();
            ObjectNode args = JSON.createObjectNode().put("roomId", roomId);
            ArrayNode bodies = args.putArray("bodies");
            for (int i = 1; i <= OFFLINE_MESSAGES; i++) {
                expected.add("Nachricht " + i);
                bodies.add("Nachricht " + i);
            }
            citizen.withTimeout(java.time.Duration.ofMinutes(5)).call("sendTexts", args);

            JsonNode timeline = ws.run("timeline", "--room", roomId, "--all", "yes");
            List<String> seen = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            int undecryptable = 0;
            for (JsonNode entry : timeline.path("entries")) {
                if (entry.path("kind").asText().equals("UNDECRYPTABLE")) {
                    undecryptable++;
                }
                String body = entry.path("body").asText("");
                if (body.startsWith("Nachricht ")) {
                    seen.add(body);
                    ids.add(entry.path("id").asText());
                }
            }
            assertThat(undecryptable).as("every message decrypted").isZero();
            assertThat(ids).as("each event once").doesNotHaveDuplicates();
            assertThat(seen).as("all %d, in server order", OFFLINE_MESSAGES).containsExactlyElementsOf(expected);
            List<String> all = new ArrayList<>();
            timeline.path("entries").forEach(e -> all.add(e.path("body").asText("")));
            assertThat(all.indexOf("Vor der Pause")).as("the older message stays before the gap")
                    .isLessThan(all.indexOf("Nachricht 1"));
        }
    }
}
