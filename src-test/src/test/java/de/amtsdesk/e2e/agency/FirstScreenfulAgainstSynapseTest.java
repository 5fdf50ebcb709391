package de.amtsdesk.e2e.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsdesk.e2e.harness.CitizenClient;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11, ADR 0021: a workstation that has never synced shows the newest rooms from one simplified sliding sync
 * request (MSC4186) against a real Synapse: newest first, with the names and the encryption /sync shows later.
 */
@ExtendWith(SynapseExtension.class)
class FirstScreenfulAgainstSynapseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNewWorkstationShowsTheNewestRoomsByNameFromOneSlidingSyncRequest(SynapseServer synapse) throws Exception {
        RegisteredUser agency = SynapseExtension.registerUser("amt");
        RegisteredUser account = SynapseExtension.registerUser("buerger");
        try (CitizenClient citizen = CitizenClient.start("first-screen-citizen")) {
            citizen.login(synapse, account);
            AgencyProcess first = new AgencyProcess(AgencyProcess.newRoot("first-screen"), "ws1",
                    "passphrase-first-screen-1", agency.password());
            first.run("login", "--homeserver", synapse.baseUrl(), "--user", agency.localpart());
            List<String> rooms = new ArrayList<>();
            for (String name : List.of("Wohngeld Meyer", "Ummeldung Nowak", "Kindergeld Yılmaz", "Reisepass Kuhn")) {
                rooms.add(citizen.createEncryptedRoom(List.of(agency.userId()), name, false));
            }
            first.run("rooms"); // the first workstation joins the four invitations
            // The second room becomes the most recently active one.
            citizen.call("sendTexts", JSON.createObjectNode().put("roomId", rooms.get(1))
                    .set("bodies", JSON.createArrayNode().add("Gibt es schon einen Termin?")));

            AgencyProcess fresh = new AgencyProcess(AgencyProcess.newRoot("first-screen-fresh"), "ws2",
                    "passphrase-first-screen-2", agency.password());
            fresh.run("login", "--homeserver", synapse.baseUrl(), "--user", agency.localpart());
            JsonNode shown = fresh.run("first-screen", "--count", "3");

            List<String> names = new ArrayList<>();
            shown.path("rooms").forEach(r -> {
                names.add(r.path("name").asText());
                assertThat(r.path("encrypted").asBoolean()).as("encrypted: " + r).isTrue();
                assertThat(r.path("joined").asBoolean()).as("joined: " + r).isTrue();
            });
            // The server orders by its bump stamps (messages, creation; not joins): the room written in last leads.
            assertThat(names).as("three of the four rooms, the one written in last first").hasSize(3)
                    .doesNotHaveDuplicates().first().isEqualTo("Ummeldung Nowak");
            assertThat(List.of("Wohngeld Meyer", "Ummeldung Nowak", "Kindergeld Yılmaz", "Reisepass Kuhn"))
                    .containsAll(names);

            JsonNode synced = fresh.run("rooms");
            List<String> all = new ArrayList<>();
            synced.path("rooms").forEach(r -> all.add(r.path("name").asText()));
            assertThat(all).as("/sync shows the same rooms by the same names, and the fourth")
                    .containsExactlyInAnyOrder("Wohngeld Meyer", "Ummeldung Nowak", "Kindergeld Yılmaz",
                            "Reisepass Kuhn");
        }
    }
}
