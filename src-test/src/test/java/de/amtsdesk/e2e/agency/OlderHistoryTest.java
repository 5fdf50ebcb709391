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
 * Issue 7, "older history pages in on demand": a room seen for the first time arrives with its newest 50 events;
 * "load older" pages the rest in from the server, decrypted, before what the workstation had, in server order.
 */
@ExtendWith(SynapseExtension.class)
class OlderHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void olderMessagesPageInBeforeTheNewestInServerOrder(SynapseServer synapse) throws Exception {
        RegisteredUser agency = SynapseExtension.registerUser("amt");
        RegisteredUser account = SynapseExtension.registerUser("buerger");
        try (CitizenClient citizen = CitizenClient.start("older-citizen")) {
            citizen.login(synapse, account);
            AgencyProcess ws = new AgencyProcess(AgencyProcess.newRoot("older-history"), "ws1", "passphrase-older-1",
                    agency.password());
            ws.run("login", "--homeserver", synapse.baseUrl(), "--user", agency.localpart());
            // The citizen writes 80 messages before the workstation has joined (it is invited: it gets the keys).
            String roomId = citizen.createEncryptedRoom(List.of(agency.userId()), null, true);
            ObjectNode args = JSON.createObjectNode().put("roomId", roomId);
            ArrayNode bodies = args.putArray("bodies");
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 80; i++) {
                bodies.add("Frage " + i);
                expected.add("Frage " + i);
            }
            citizen.call("sendTexts", args);

            ws.run("rooms");  // joins the invitation
            JsonNode first = ws.run("timeline", "--room", roomId, "--all", "yes");
            List<String> before = bodies(first);
            assertThat(before).as("a first sync brings only the newest ones").hasSizeLessThan(80).contains("Frage 80");

            JsonNode paged = ws.run("load-older", "--room", roomId, "--pages", "3");
            assertThat(paged.path("added").asInt()).isPositive();
            assertThat(bodies(paged)).as("all 80, in server order, once").containsExactlyElementsOf(expected);
            int undecryptable = 0;
            for (JsonNode e : paged.path("entries")) {
                if ("UNDECRYPTABLE".equals(e.path("kind").asText())) {
                    undecryptable++;
                }
            }
            assertThat(undecryptable).isZero();

            JsonNode again = ws.run("load-older", "--room", roomId);
            assertThat(again.path("added").asInt()).as("the start of the room: nothing more").isZero();
        }
    }

    private static List<String> bodies(JsonNode timeline) {
        List<String> out = new ArrayList<>();
        timeline.path("entries").forEach(e -> {
            String body = e.path("body").asText("");
            if (body.startsWith("Frage ")) {
                out.add(body);
            }
        });
        return out;
    }
}
