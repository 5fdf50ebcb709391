package de.amtsdesk.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code m.receipt} in a sync batch's ephemeral events, shaped as the Matrix spec's receipt module gives it. */
class ReadReceiptParsingTest {

    @Test
    void readReceiptsOfJoinedRoomsAreReportedPrivateOnesAndOtherEphemeralEventsAreNot() throws Exception {
        String sync = """
                {"rooms": {"join": {"!r:hs": {"ephemeral": {"events": [
                  {"type": "m.typing", "content": {"user_ids": ["@c:hs"]}},
                  {"type": "m.receipt", "content": {
                    "$file": {"m.read": {"@c:hs": {"ts": 1436451550453}},
                              "m.read.private": {"@amt:hs": {"ts": 1436451550454}}},
                    "$later": {"m.read": {"@d:hs": {"ts": 7, "thread_id": "main"}}}}}]}}}}}
                """;
        assertThat(EngineSyncHandler.readReceipts(new ObjectMapper().readTree(sync))).containsExactly(
                new ReadReceipt("!r:hs", "$file", "@c:hs", 1436451550453L, null),
                new ReadReceipt("!r:hs", "$later", "@d:hs", 7L, "main"));
    }
}
