package de.amtsdesk.core.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.core.cases.UnitConfig;
import de.amtsdesk.core.cases.log.PowerLevels;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaffRoomSetupTest {

    @Test
    void theStaffRoomIsEncryptedInviteOnlyWithSharedHistoryAndLeadsAboveTheThreshold() {
        ObjectNode body = StaffRoomSetup.createRoomBody("@lena:amt", "Wohngeldstelle", List.of("@lars:amt"),
                List.of("@anna:amt", "@ben:amt"), UnitConfig.DEFAULT_LEAD_LEVEL);

        assertThat(state(body, "m.room.encryption").path("algorithm").asText()).isEqualTo("m.megolm.v1.aes-sha2");
        assertThat(state(body, "m.room.history_visibility").path("history_visibility").asText()).isEqualTo("shared");
        assertThat(state(body, "m.room.join_rules").path("join_rule").asText()).isEqualTo("invite");
        assertThat(body.path("invite")).extracting(JsonNode::asText)
                .containsExactly("@lars:amt", "@anna:amt", "@ben:amt");

        PowerLevels levels = PowerLevels.fromContent(body.path("power_level_content_override"));
        assertThat(levels.levelOf("@lena:amt")).isEqualTo(100);
        assertThat(levels.levelOf("@lars:amt")).isGreaterThanOrEqualTo(UnitConfig.DEFAULT_LEAD_LEVEL);
        assertThat(levels.levelOf("@anna:amt")).isZero();
        JsonNode power = body.path("power_level_content_override");
        assertThat(power.path("events_default").asInt()).as("caseworkers may send (encrypted) events").isZero();
        assertThat(power.path("invite").asInt()).isEqualTo(UnitConfig.DEFAULT_LEAD_LEVEL);
        assertThat(power.path("redact").asInt()).isEqualTo(100);
        assertThat(power.path("events").path("m.room.redaction").asInt()).isEqualTo(100);
        assertThat(power.path("events").path("m.room.power_levels").asInt()).isEqualTo(UnitConfig.DEFAULT_LEAD_LEVEL);
        assertThat(body.toString()).as("no case event type in clear").doesNotContain("de.amtsdesk.case");
    }

    private static JsonNode state(ObjectNode body, String type) {
        for (JsonNode event : body.path("initial_state")) {
            if (event.path("type").asText().equals(type)) {
                return event.path("content");
            }
        }
        throw new AssertionError("no " + type);
    }

    @Test
    void inRoomVersion12TheCreatorIsLeftOutOfThePowerLevels() {
        ObjectNode body = StaffRoomSetup.createRoomBody("@lena:amt", "Wohngeldstelle", List.of("@lars:amt"),
                List.of("@anna:amt"), 50, "12");
        assertThat(body.path("room_version").asText()).isEqualTo("12");
        assertThat(body.path("power_level_content_override").path("users").has("@lena:amt")).isFalse();
        assertThat(body.path("power_level_content_override").path("users").path("@lars:amt").asInt()).isEqualTo(50);
        assertThat(StaffRoomSetup.creatorsArePrivileged("11")).isFalse();
        assertThat(StaffRoomSetup.creatorsArePrivileged("12")).isTrue();
        assertThat(StaffRoomSetup.creatorsArePrivileged("org.matrix.hydra.11")).isFalse();
        assertThat(StaffRoomSetup.creatorsArePrivileged(null)).isFalse();
    }
}
