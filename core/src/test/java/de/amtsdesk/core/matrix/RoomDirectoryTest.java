package de.amtsdesk.core.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RoomDirectoryTest {

    private static final String ME = "@agency:localhost";
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private final RoomDirectory directory = new RoomDirectory(ME, Clock.fixed(NOW, ZoneOffset.UTC));

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text.replace('\'', '"'));
    }

    @Test
    void inviteIsNamedAfterTheInvitingCitizen() throws Exception {
        directory.apply(json("""
                {'rooms':{'invite':{'!a:localhost':{'invite_state':{'events':[
                  {'type':'m.room.encryption','state_key':'','sender':'@c:localhost','content':{'algorithm':'m.megolm.v1.aes-sha2'}},
                  {'type':'m.room.member','state_key':'@c:localhost','sender':'@c:localhost','content':{'membership':'join','displayname':'Erika Mustermann'}},
                  {'type':'m.room.member','state_key':'@agency:localhost','sender':'@c:localhost','content':{'membership':'invite'}}
                ]}}}}}"""));

        assertThat(directory.pendingInvites()).containsExactly("!a:localhost");
        assertThat(directory.summaries()).singleElement().satisfies(room -> {
            assertThat(room.displayName()).isEqualTo("Erika Mustermann");
            assertThat(room.encrypted()).isTrue();
            assertThat(room.membership()).isEqualTo(RoomSummary.Membership.INVITED);
            assertThat(room.lastActivity()).isEqualTo(NOW);
        });
    }

    @Test
    void joinedRoomsUseNameThenHeroesAndSortByActivity() throws Exception {
        directory.apply(json("""
                {'rooms':{'join':{
                  '!old:localhost':{'summary':{'m.heroes':['@b:localhost']},
                    'state':{'events':[{'type':'m.room.member','state_key':'@b:localhost','content':{'membership':'join','displayname':'Bernd'}}]},
                    'timeline':{'events':[{'type':'m.room.message','sender':'@b:localhost','origin_server_ts':1000,'content':{'body':'x'}}]}},
                  '!named:localhost':{'state':{'events':[{'type':'m.room.name','state_key':'','content':{'name':'Wohngeld Antrag'}}]},
                    'timeline':{'events':[{'type':'m.room.message','sender':'@c:localhost','origin_server_ts':5000,'content':{'body':'y'}}]}}
                }}}"""));

        assertThat(directory.summaries()).extracting(RoomSummary::displayName)
                .containsExactly("Wohngeld Antrag", "Bernd");
        assertThat(directory.summaries().get(0).lastActivity()).isEqualTo(Instant.ofEpochMilli(5000));
    }

    @Test
    void joiningClearsThePendingInviteAndLeavingRemovesTheRoom() throws Exception {
        directory.apply(json("{'rooms':{'invite':{'!a:localhost':{'invite_state':{'events':[]}}}}}"));
        directory.apply(json("{'rooms':{'join':{'!a:localhost':{'timeline':{'events':[]}}}}}"));
        assertThat(directory.pendingInvites()).isEmpty();
        assertThat(directory.summaries()).hasSize(1);
        directory.apply(json("{'rooms':{'leave':{'!a:localhost':{}}}}"));
        assertThat(directory.summaries()).isEmpty();
    }

    @Test
    void malformedEventsAreSkippedNotFatal() throws Exception {
        directory.apply(json("""
                {'rooms':{'join':{'!m:localhost':{'timeline':{'events':[
                  42, {'no_type':true}, {'type':'m.room.member','state_key':7,'content':'garbage'},
                  {'type':'m.room.name','state_key':'','content':{'name':'Gültig'}}
                ]}}}}}"""));
        assertThat(directory.summaries()).extracting(RoomSummary::displayName).containsExactly("Gültig");
    }
}
