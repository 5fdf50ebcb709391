package de.amtsdesk.e2e.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsdesk.e2e.harness.CitizenClient;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7, "keys that cannot be lost": setting up the key backup twice never replaces it (the second click used to
 * create an empty version with a new recovery key); the state says which version holds how many keys; an explicit,
 * confirmed replacement puts every room key of the workstation into the new version, so a new workstation restoring
 * with the new key still reads the oldest conversation.
 */
@ExtendWith(SynapseExtension.class)
class KeyBackupSafetyTest {

    @Test
    void aSecondSetUpIsRefusedAndAReplacementCarriesEveryKey(SynapseServer synapse) throws Exception {
        RegisteredUser agency = SynapseExtension.registerUser("amt");
        RegisteredUser account = SynapseExtension.registerUser("buerger");
        Path root = AgencyProcess.newRoot("backup-safety");
        try (CitizenClient citizen = CitizenClient.start("backup-citizen")) {
            citizen.login(synapse, account);
            String roomId = citizen.createEncryptedRoom(List.of(agency.userId()), null, true);
            AgencyProcess ws1 = new AgencyProcess(root, "ws1", "passphrase-ws1-4711", agency.password());
            ws1.run("login", "--homeserver", synapse.baseUrl(), "--user", agency.localpart());
            String old = "Mein Antrag vom Montag, Aktenzeichen 31-415";
            citizen.sendText(roomId, old);
            ws1.run("sync", "--room", roomId, "--until-text", old);

            String firstKey = ws1.run("backup-setup").path("recoveryKey").asText();
            JsonNode status = ws1.run("backup-status");
            String firstVersion = status.path("serverVersion").asText();
            assertThat(status.path("localVersion").asText()).isEqualTo(firstVersion);
            assertThat(status.path("totalKeys").asLong()).isPositive();
            assertThat(status.path("backedUpKeys").asLong()).isEqualTo(status.path("totalKeys").asLong());

            JsonNode again = ws1.run("backup-setup");
            assertThat(again.path("refused").asText()).isEqualTo("exists");
            assertThat(again.path("existingVersion").asText()).isEqualTo(firstVersion);
            assertThat(again.has("recoveryKey")).as("no new recovery key handed out").isFalse();
            assertThat(ws1.run("backup-status").path("serverVersion").asText()).isEqualTo(firstVersion);

            assertThatThrownBy(() -> ws1.run("backup-replace", "--confirm-version", firstVersion + "9"))
                    .as("a replacement must name the version it replaces").hasMessageContaining("since version");
            String secondKey = ws1.run("backup-replace", "--confirm-version", firstVersion).path("recoveryKey").asText();
            assertThat(secondKey).isNotEqualTo(firstKey);
            JsonNode replaced = ws1.run("backup-status");
            assertThat(replaced.path("serverVersion").asText()).isNotEqualTo(firstVersion);
            assertThat(replaced.path("backedUpKeys").asLong()).as("every key went into the new version")
                    .isEqualTo(replaced.path("totalKeys").asLong()).isPositive();

            AgencyProcess ws2 = new AgencyProcess(root, "ws2", "passphrase-ws2-4711", agency.password());
            ws2.run("login", "--homeserver", synapse.baseUrl(), "--user", agency.localpart());
            JsonNode before = ws2.run("backup-status");
            assertThat(before.path("localVersion").isNull()).as("a new workstation has no backup key yet").isTrue();
            JsonNode restored = ws2.run(Map.of("AGENCY_RECOVERY_KEY", secondKey), "backup-restore");
            assertThat(restored.path("imported").asInt()).isPositive();
            JsonNode timeline = ws2.run("timeline", "--room", roomId, "--offline", "yes");
            assertThat(timeline.path("entries").findValuesAsText("body")).contains(old);
        }
    }
}
