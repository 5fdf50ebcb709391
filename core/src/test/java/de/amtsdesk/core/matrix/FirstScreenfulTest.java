package de.amtsdesk.core.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sliding sync request and answer (MSC4186 as Synapse serves it, field names as in ruma's v5 types) turned into
 * room list rows; the real exchange is FirstScreenfulAgainstSynapseTest.
 */
class FirstScreenfulTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theRequestAsksForOneWindowOfTheNewestRoomsAndNoExtensions() {
        JsonNode body = FirstScreenful.request(40);
        assertThat(body.path("lists").path("first_screen").path("ranges").toString()).isEqualTo("[[0,39]]");
        assertThat(body.path("lists").path("first_screen").path("timeline_limit").asInt()).isEqualTo(1);
        assertThat(body.path("lists").path("first_screen").path("required_state").toString())
                .contains("[\"m.room.encryption\",\"\"]", "[\"m.room.name\",\"\"]", "[\"m.room.member\",\"$ME\"]");
        assertThat(body.has("extensions")).as("to-device stays with /sync, which may delete it").isFalse();
    }

    @Test
    void roomsBecomeRowsWithNamesHeroesEncryptionAndInvitations() throws Exception {
        JsonNode answer = JSON.readTree("""
                {"pos":"1","lists":{"first_screen":{"count":3}},"rooms":{
                  "!named:hs":{"name":"Wohngeld Meyer","initial":true,"bump_stamp":7,
                    "required_state":[
                      {"type":"m.room.name","state_key":"","content":{"name":"Wohngeld Meyer"},"sender":"@b:hs","origin_server_ts":10},
                      {"type":"m.room.encryption","state_key":"","content":{"algorithm":"m.megolm.v1.aes-sha2"},"sender":"@b:hs","origin_server_ts":11}],
                    "timeline":[{"type":"m.room.encrypted","content":{},"sender":"@b:hs","origin_server_ts":2000,"event_id":"$1"}]},
                  "!dm:hs":{"initial":true,"heroes":[{"user_id":"@erika:hs","displayname":"Erika Mustermann"}],
                    "required_state":[],
                    "timeline":[{"type":"m.room.message","content":{"body":"x"},"sender":"@erika:hs","origin_server_ts":3000,"event_id":"$2"}]},
                  "!invite:hs":{"initial":true,"invite_state":[
                      {"type":"m.room.name","state_key":"","content":{"name":"Neue Anfrage"},"sender":"@c:hs"},
                      {"type":"m.room.member","state_key":"@amt:hs","content":{"membership":"invite"},"sender":"@c:hs"}]}
                }}""");
        RoomDirectory view = new RoomDirectory("@amt:hs", Clock.systemUTC());
        view.apply(FirstScreenful.asSyncResponse(answer));

        List<RoomSummary> rows = view.summaries();
        assertThat(rows).extracting(RoomSummary::roomId).contains("!named:hs", "!dm:hs", "!invite:hs");
        RoomSummary named = rows.stream().filter(r -> r.roomId().equals("!named:hs")).findFirst().orElseThrow();
        RoomSummary dm = rows.stream().filter(r -> r.roomId().equals("!dm:hs")).findFirst().orElseThrow();
        RoomSummary invite = rows.stream().filter(r -> r.roomId().equals("!invite:hs")).findFirst().orElseThrow();
        assertThat(named.displayName()).isEqualTo("Wohngeld Meyer");
        assertThat(named.encrypted()).isTrue();
        assertThat(dm.displayName()).as("named after the hero").isEqualTo("Erika Mustermann");
        assertThat(dm.encrypted()).isFalse();
        assertThat(invite.membership()).isEqualTo(RoomSummary.Membership.INVITED);
        assertThat(rows.indexOf(dm)).as("newest first").isLessThan(rows.indexOf(named));
    }

    @Test
    void rowsKeepTheServersOrderNotTheNewestTimestampOfTheirState() throws Exception {
        JsonNode answer = JSON.readTree("""
                {"lists":{"first_screen":{"count":2,"ops":[{"op":"SYNC","range":[0,1],"room_ids":["!b:hs","!a:hs"]}]}},
                 "rooms":{
                  "!a:hs":{"bump_stamp":5,"required_state":[{"type":"m.room.member","state_key":"@amt:hs",
                      "content":{"membership":"join"},"sender":"@amt:hs","origin_server_ts":9000}]},
                  "!b:hs":{"bump_stamp":9,"required_state":[],"timeline":[{"type":"m.room.encrypted","content":{},
                      "sender":"@c:hs","origin_server_ts":5000,"event_id":"$x"}]}}}""");
        RoomDirectory view = new RoomDirectory("@amt:hs", Clock.systemUTC());
        view.apply(FirstScreenful.asSyncResponse(answer));
        assertThat(view.summaries()).extracting(RoomSummary::roomId).as("by timestamp").containsExactly("!a:hs", "!b:hs");

        assertThat(FirstScreenful.inServerOrder(view.summaries(), answer)).extracting(RoomSummary::roomId)
                .containsExactly("!b:hs", "!a:hs");
        ((com.fasterxml.jackson.databind.node.ObjectNode) answer).remove("lists");
        assertThat(FirstScreenful.inServerOrder(view.summaries(), answer)).extracting(RoomSummary::roomId)
                .as("by bump stamp without the window").containsExactly("!b:hs", "!a:hs");
    }

    @Test
    void anAnswerWithoutRoomsGivesNoRows() throws Exception {
        RoomDirectory view = new RoomDirectory("@amt:hs", Clock.systemUTC());
        view.apply(FirstScreenful.asSyncResponse(JSON.readTree("{\"pos\":\"1\"}")));
        assertThat(view.summaries()).isEmpty();
    }
}
