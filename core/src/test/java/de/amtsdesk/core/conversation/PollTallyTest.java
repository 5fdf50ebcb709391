package de.amtsdesk.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollTallyTest {

    private final Poll poll = new Poll(PollNamespace.UNSTABLE, "Termin?",
            List.of(new Poll.Answer("a1", "Montag"), new Poll.Answer("a2", "Dienstag"),
                    new Poll.Answer("a3", "Mittwoch")), 1, Poll.Kind.DISCLOSED);

    private static PollTally.Vote vote(String sender, long ts, String... answers) {
        return new PollTally.Vote(sender, Instant.ofEpochMilli(ts), List.of(answers));
    }

    @Test
    void latestVoteOfEachPersonCountsOnce() {
        PollTally.Result result = PollTally.tally(poll, List.of(
                vote("@erika", 1, "a1"), vote("@erika", 3, "a2"), vote("@max", 2, "a2"), vote("@max", 1, "a1")), null);
        assertThat(result.count("a1")).isZero();
        assertThat(result.count("a2")).isEqualTo(2);
        assertThat(result.voters()).isEqualTo(2);
        assertThat(result.ended()).isFalse();
    }

    @Test
    void votesAfterTheEndAreIgnoredVotesAtTheEndCount() {
        PollTally.Result result = PollTally.tally(poll, List.of(
                vote("@erika", 1, "a1"), vote("@erika", 20, "a2"), vote("@max", 10, "a3"), vote("@jo", 11, "a1")),
                Instant.ofEpochMilli(10));
        assertThat(result.count("a1")).isEqualTo(1);
        assertThat(result.count("a2")).isZero();
        assertThat(result.count("a3")).isEqualTo(1);
        assertThat(result.voters()).isEqualTo(2);
        assertThat(result.ended()).isTrue();
    }

    @Test
    void anUnknownAnswerSpoilsTheWholeVoteAndWithdrawsTheEarlierOne() {
        PollTally.Result result = PollTally.tally(poll, List.of(
                vote("@erika", 1, "a1"), vote("@erika", 2, "a2", "zzz"), vote("@max", 1, "zzz")), null);
        assertThat(result.count("a1")).isZero();
        assertThat(result.count("a2")).isZero();
        assertThat(result.voters()).isZero();
    }

    @Test
    void anEmptyLatestResponseUnvotes() {
        PollTally.Result result = PollTally.tally(poll, List.of(vote("@erika", 1, "a1"), vote("@erika", 2)), null);
        assertThat(result.count("a1")).isZero();
        assertThat(result.voters()).isZero();
    }

    @Test
    void selectionsBeyondMaxAreTruncatedNotRejected() {
        Poll two = new Poll(PollNamespace.EXTENSIBLE, "Tage?", poll.answers(), 2, Poll.Kind.UNDISCLOSED);
        PollTally.Result single = PollTally.tally(poll, List.of(vote("@jo", 1, "a2", "a1")), null);
        PollTally.Result multi = PollTally.tally(two, List.of(vote("@jo", 1, "a3", "a1", "a2")), null);

        assertThat(single.count("a2")).isEqualTo(1);
        assertThat(single.count("a1")).isZero();
        assertThat(multi.count("a3")).isEqualTo(1);
        assertThat(multi.count("a1")).isEqualTo(1);
        assertThat(multi.count("a2")).isZero();
    }

    @Test
    void aRepeatedAnswerCountsOnce() {
        Poll two = new Poll(PollNamespace.EXTENSIBLE, "Tage?", poll.answers(), 2, Poll.Kind.UNDISCLOSED);
        // Truncation comes first: [a1, a1, a2] with max 2 is [a1, a1], one vote for a1.
        PollTally.Result result = PollTally.tally(two, List.of(vote("@jo", 1, "a1", "a1", "a2")), null);
        assertThat(result.count("a1")).isEqualTo(1);
        assertThat(result.count("a2")).isZero();
    }

    @Test
    void equalTimestampsLetTheLaterEventWin() {
        PollTally.Result result = PollTally.tally(poll, List.of(vote("@jo", 5, "a1"), vote("@jo", 5, "a3")), null);
        assertThat(result.count("a3")).isEqualTo(1);
        assertThat(result.count("a1")).isZero();
    }

    @Test
    void onlyTheEarliestEndOfTheCreatorOrAModeratorClosesThePoll() {
        List<PollTally.End> ends = List.of(new PollTally.End("@erika", Instant.ofEpochMilli(5)),
                new PollTally.End("@amt", Instant.ofEpochMilli(30)), new PollTally.End("@lead", Instant.ofEpochMilli(20)),
                new PollTally.End("@amt", Instant.ofEpochMilli(40)));

        assertThat(PollTally.closedAt(java.util.Set.of("@amt"), ends)).isEqualTo(Instant.ofEpochMilli(30));
        assertThat(PollTally.closedAt(java.util.Set.of("@amt", "@lead"), ends)).isEqualTo(Instant.ofEpochMilli(20));
        assertThat(PollTally.closedAt(java.util.Set.of("@jo"), ends)).isNull();
        assertThat(PollTally.closedAt(java.util.Set.of("@amt"), List.of())).isNull();
    }

    // ---- whole events in all three forms, tallied the way AgencyEngine.pollResult does ----

    private static PollTally.Result tallyEvents(JsonNode start, List<JsonNode> events) {
        Poll parsed = PollFormsTest.interpret(start).poll();
        String pollId = start.get("event_id").asText();
        List<PollTally.Vote> votes = new ArrayList<>();
        Instant ended = null;
        for (JsonNode event : events) {
            TimelineEntry entry = PollFormsTest.interpret(event);
            if (!pollId.equals(entry.relatesTo())) {
                continue;
            }
            if (entry.kind() == TimelineEntry.Kind.POLL_RESPONSE) {
                votes.add(new PollTally.Vote(entry.sender(), entry.timestamp(),
                        EventInterpreter.pollAnswers(event.get("content"))));
            } else if (entry.kind() == TimelineEntry.Kind.POLL_END && ended == null) {
                ended = entry.timestamp();
            }
        }
        return PollTally.tally(parsed, votes, ended);
    }

    private static JsonNode unstableVote(String sender, long ts, String poll, String answers) throws IOException {
        return PollFormsTest.json("""
                {"type":"org.matrix.msc3381.poll.response","event_id":"$u%d","sender":"%s","origin_server_ts":%d,
                 "content":{"m.relates_to":{"rel_type":"m.reference","event_id":"%s"},
                            "org.matrix.msc3381.poll.response":{"answers":%s}}}""".formatted(ts, sender, ts, poll,
                answers));
    }

    private static JsonNode stableVote(String sender, long ts, String poll, String answers) throws IOException {
        return PollFormsTest.json("""
                {"type":"m.poll.response","event_id":"$s%d","sender":"%s","origin_server_ts":%d,
                 "content":{"m.relates_to":{"rel_type":"m.reference","event_id":"%s"},
                            "m.poll.response":{"answers":%s}}}""".formatted(ts, sender, ts, poll, answers));
    }

    private static JsonNode extensibleVote(String sender, long ts, String poll, String answers) throws IOException {
        return PollFormsTest.json("""
                {"type":"m.poll.response","event_id":"$x%d","sender":"%s","origin_server_ts":%d,
                 "content":{"m.selections":%s,"m.relates_to":{"rel_type":"m.reference","event_id":"%s"}}}"""
                .formatted(ts, sender, ts, answers, poll));
    }

    private static JsonNode unstableEnd(String poll, long ts) throws IOException {
        return PollFormsTest.json("""
                {"type":"org.matrix.msc3381.poll.end","event_id":"$end%d","sender":"@jo:rust.example",
                 "origin_server_ts":%d,"content":{"m.relates_to":{"rel_type":"m.reference","event_id":"%s"},
                 "org.matrix.msc3381.poll.end":{},"org.matrix.msc1767.text":"The poll has ended."}}"""
                .formatted(ts, ts, poll));
    }

    @Test
    void votesInEveryFormCountForAnExtensiblePoll() throws IOException {
        JsonNode start = PollFormsTest.fixture("ruma-extensible-start.json");
        String id = "$extensible-start";

        PollTally.Result result = tallyEvents(start, List.of(
                unstableVote("@erika:hs", 2000, id, "[\"mo\"]"),
                stableVote("@max:hs", 2001, id, "[\"di\",\"mi\"]"),
                extensibleVote("@jo:hs", 2002, id, "[\"mo\",\"mi\",\"di\"]"),
                extensibleVote("@ali:hs", 2003, "$other-poll", "[\"mo\"]")));

        assertThat(result.count("mo")).isEqualTo(2);
        assertThat(result.count("di")).isEqualTo(1);
        assertThat(result.count("mi")).isEqualTo(2);
        assertThat(result.voters()).isEqualTo(3);
    }

    @Test
    void extensibleVotesCountForElementsPollAndReVotesAndLateVotesAreHandled() throws IOException {
        JsonNode start = PollFormsTest.fixture("element-start.json");
        String id = "$element-start";
        String monday = "\"Xk3vQ9aLmP2sT7wB\"";
        String tuesday = "\"r8DfG2hJ4kL6zC1n\"";

        PollTally.Result result = tallyEvents(start, List.of(
                extensibleVote("@erika:hs", 2000, id, "[" + monday + "]"),
                unstableVote("@erika:hs", 2500, id, "[" + tuesday + "]"),
                stableVote("@max:hs", 2600, id, "[" + monday + "]"),
                unstableEnd(id, 3000),
                extensibleVote("@max:hs", 3001, id, "[" + tuesday + "]"),
                unstableVote("@jo:hs", 3500, id, "[" + monday + "]")));

        assertThat(result.ended()).isTrue();
        assertThat(result.count("Xk3vQ9aLmP2sT7wB")).isEqualTo(1);
        assertThat(result.count("r8DfG2hJ4kL6zC1n")).isEqualTo(1);
        assertThat(result.voters()).isEqualTo(2);
    }

    @Test
    void aStableNamesPollIsTalliedWithMixedVotesAndASpoiledReVote() throws IOException {
        JsonNode start = PollFormsTest.fixture("jssdk-stable-start.json");
        String id = "$stable-start";

        PollTally.Result result = tallyEvents(start, List.of(
                stableVote("@erika:hs", 2000, id, "[\"telefon\"]"),
                extensibleVote("@max:hs", 2000, id, "[\"chat\",\"brief\"]"),
                unstableVote("@jo:hs", 2000, id, "[\"brief\"]"),
                extensibleVote("@jo:hs", 2100, id, "[\"brief\",7]")));

        assertThat(result.count("telefon")).isEqualTo(1);
        assertThat(result.count("chat")).isEqualTo(1);
        assertThat(result.count("brief")).isZero();
        assertThat(result.voters()).isEqualTo(2);
    }
}
