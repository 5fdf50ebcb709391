package de.amtsdesk.e2e.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsdesk.e2e.harness.CitizenClient;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7, "the agency's identity": the first workstation creates the functional account's cross-signing identity
 * and puts its private keys into secret storage under the recovery key; a second workstation restoring with that
 * key signs its own device. The citizen's client (matrix-js-sdk) sees every workstation device signed by the
 * agency's identity; a workstation that never restored is the one that is not.
 */
@ExtendWith(SynapseExtension.class)
class AgencyIdentityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRestoredWorkstationIsSignedByTheAgencyIdentity(SynapseServer synapse) throws Exception {
        RegisteredUser agency = SynapseExtension.registerUser("amt");
        RegisteredUser account = SynapseExtension.registerUser("buerger");
        Path root = AgencyProcess.newRoot("agency-identity");
        try (CitizenClient citizen = CitizenClient.start("identity-citizen")) {
            citizen.login(synapse, account);
            String roomId = citizen.createEncryptedRoom(List.of(agency.userId()), null, true);
            AgencyProcess ws1 = new AgencyProcess(root, "ws1", "passphrase-ws1-4711", agency.password());
            String device1 = ws1.run("login", "--homeserver", synapse.baseUrl(), "--user", agency.localpart())
                    .path("deviceId").asText();
            String recoveryKey = ws1.run("backup-setup").path("recoveryKey").asText();

            AgencyProcess ws2 = new AgencyProcess(root, "ws2", "passphrase-ws2-4711", agency.password());
            String device2 = ws2.run("login", "--homeserver", synapse.baseUrl(), "--user", agency.localpart())
                    .path("deviceId").asText();
            ws2.run(Map.of("AGENCY_RECOVERY_KEY", recoveryKey), "backup-restore");

            AgencyProcess ws3 = new AgencyProcess(root, "ws3", "passphrase-ws3-4711", agency.password());
            String device3 = ws3.run("login", "--homeserver", synapse.baseUrl(), "--user", agency.localpart())
                    .path("deviceId").asText();

            Map<String, Boolean> signed = awaitDevices(citizen, agency.userId(), List.of(device1, device2, device3));
            assertThat(signed).containsEntry(device1, true).containsEntry(device2, true)
                    .as("a workstation that never restored is not signed").containsEntry(device3, false);

            // And the signed workstation still talks to the citizen as before.
            citizen.sendText(roomId, "Ist das die Stadtverwaltung?");
            ws2.run("sync", "--room", roomId, "--until-text", "Ist das die Stadtverwaltung?");
        }
    }

    /** Polls the citizen's view until all devices are known and the signatures settled (or 60 s passed). */
    private static Map<String, Boolean> awaitDevices(CitizenClient citizen, String userId, List<String> devices)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Map<String, Boolean> signed = new HashMap<>();
        while (Instant.now().isBefore(deadline)) {
            signed.clear();
            JsonNode trust = citizen.call("deviceTrust", JSON.createObjectNode().put("userId", userId));
            trust.path("devices").forEach(d -> signed.put(d.path("deviceId").asText(),
                    d.path("signedByOwner").asBoolean()));
            if (signed.keySet().containsAll(devices) && signed.get(devices.get(0)) && signed.get(devices.get(1))) {
                return signed;
            }
            Thread.sleep(1000);
        }
        return signed;
    }
}
