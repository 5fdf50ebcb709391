package de.amtsdesk.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventInterpreterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void readsTextFileAndElementPoll() throws Exception {
        TimelineEntry text = EventInterpreter.interpret("!r", json(
                "{'type':'m.room.message','event_id':'$1','sender':'@c:l','origin_server_ts':5,'content':{'msgtype':'m.text','body':'Hallo Amt'}}"));
        assertThat(text.kind()).isEqualTo(TimelineEntry.Kind.TEXT);
        assertThat(text.body()).isEqualTo("Hallo Amt");
        assertThat(text.timestamp()).isEqualTo(Instant.ofEpochMilli(5));

        TimelineEntry file = EventInterpreter.interpret("!r", json(
                "{'type':'m.room.message','event_id':'$2','sender':'@c:l','content':{'msgtype':'m.file','body':'antrag.pdf',"
                        + "'info':{'mimetype':'application/pdf','size':12},'file':{'url':'mxc://l/abc','v':'v2'}}}"));
        assertThat(file.kind()).isEqualTo(TimelineEntry.Kind.FILE);
        assertThat(file.attachment().name()).isEqualTo("antrag.pdf");
        assertThat(file.attachment().encrypted()).isTrue();
        assertThat(JSON.readTree(file.attachment().encryptedFileJson()).path("url").asText()).isEqualTo("mxc://l/abc");

        JsonNode elementPoll = JSON.valueToTree(MessageContents.pollStart("Termin passt?", List.of("Ja", "Nein")));
        TimelineEntry poll = EventInterpreter.interpret("!r", JSON.createObjectNode()
                .put("type", "org.matrix.msc3381.poll.start").put("event_id", "$3").put("sender", "@a:l")
                .set("content", elementPoll));
        assertThat(poll.kind()).isEqualTo(TimelineEntry.Kind.POLL_START);
        assertThat(poll.poll().question()).isEqualTo("Termin passt?");
        assertThat(poll.poll().answers()).extracting(Poll.Answer::text).containsExactly("Ja", "Nein");
    }

    @Test
    void formattedBodyIsNeverUsedOnlyThePlainBody() throws Exception {
        // HTML from a citizen (remote image, script, a link dressed as the agency) must never reach the screen as
        // markup: only "body" is read, and it is shown as plain text.
        TimelineEntry html = EventInterpreter.interpret("!r", json(
                "{'type':'m.room.message','event_id':'$h','sender':'@c:l','content':{'msgtype':'m.text',"
                        + "'body':'<b>Antrag</b> anbei','format':'org.matrix.custom.html',"
                        + "'formatted_body':'<img src=\\'https://tracker.example/pixel.png\\'><script>x()</script>"
                        + "<a href=\\'https://evil.example\\'>Behörde</a>'}}"));
        assertThat(html.kind()).isEqualTo(TimelineEntry.Kind.TEXT);
        assertThat(html.body()).isEqualTo("<b>Antrag</b> anbei");
        assertThat(html.toString()).doesNotContain("tracker.example").doesNotContain("evil.example");
    }

    @Test
    void stablePollWithTextArraysIsReadToo() throws Exception {
        TimelineEntry poll = EventInterpreter.interpret("!r", json(
                "{'type':'m.poll.start','event_id':'$p','sender':'@a:l','content':{'m.poll.start':{'question':{'m.text':[{'body':'Frage?'}]},"
                        + "'max_selections':1,'answers':[{'m.id':'x','m.text':[{'body':'Eins'}]}]}}}"));
        assertThat(poll.poll().namespace()).isEqualTo(PollNamespace.STABLE);
        assertThat(poll.poll().answers()).containsExactly(new Poll.Answer("x", "Eins"));
        assertThat(EventInterpreter.pollAnswers(json("{'m.poll.response':{'answers':['x']}}"))).containsExactly("x");
    }

    @Test
    void malformedInputNeverThrows() throws Exception {
        assertThat(EventInterpreter.interpret("!r", json("{'event_id':'$x'}")).kind())
                .isEqualTo(TimelineEntry.Kind.MALFORMED);
        assertThat(EventInterpreter.interpret("!r", json("{'type':'m.room.message','content':{'msgtype':'m.file'}}")).kind())
                .isEqualTo(TimelineEntry.Kind.MALFORMED);
        assertThat(EventInterpreter.interpret("!r", json("{'type':'org.matrix.msc3381.poll.start','content':{'x':1}}")).kind())
                .isEqualTo(TimelineEntry.Kind.MALFORMED);
        assertThat(EventInterpreter.interpret("!r", json("{'type':'m.room.message','content':'zeichenkette'}")).kind())
                .isEqualTo(TimelineEntry.Kind.MALFORMED);
        String huge = "x".repeat(200_000);
        assertThat(EventInterpreter.interpret("!r", JSON.createObjectNode().put("type", "m.room.message")
                .set("content", JSON.createObjectNode().put("msgtype", "m.text").put("body", huge))).body())
                .hasSizeLessThan(70_000);
    }
}
