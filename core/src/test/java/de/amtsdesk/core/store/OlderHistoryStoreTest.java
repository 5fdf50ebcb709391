package de.amtsdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OlderHistoryStoreTest extends DatabaseFixture {

    private static final String ROOM = "!r:amt";

    private static IncomingEvent text(String eventId, String body) {
        return IncomingEvent.plaintext(ROOM, eventId, "@b:x", 1_000, "m.room.message",
                "{\"msgtype\":\"m.text\",\"body\":\"" + body + "\"}", "{\"event_id\":\"" + eventId + "\"}");
    }

    @Test
    void pagingStartsAtTheOldestTimelineEventNotAtTheRoomState() {
        db.events().upsert(IncomingEvent.plaintext(ROOM, "$create", "@b:x", 1, "m.room.create", "{}",
                "{\"event_id\":\"$create\",\"state_key\":\"\"}"));
        db.events().upsert(text("$9", "neun"));
        assertThat(db.events().oldest(ROOM)).map(StoredEvent::eventId).contains("$9");
    }

    @Test
    void olderPagesGoBeforeEverythingStoredAndNewEventsStillGoLast() {
        db.events().upsert(text("$5", "fünf"));
        db.events().upsert(text("$6", "sechs"));
        assertThat(db.events().insertOlder(List.of(text("$3", "drei"), text("$4", "vier"), text("$5", "fünf"))))
                .as("$5 is stored already").isEqualTo(2);
        assertThat(db.events().insertOlder(List.of(text("$1", "eins"), text("$2", "zwei")))).isEqualTo(2);
        db.events().upsert(text("$7", "sieben"));

        assertThat(db.events().timeline(ROOM, 100)).extracting(StoredEvent::eventId)
                .containsExactly("$1", "$2", "$3", "$4", "$5", "$6", "$7");
        assertThat(db.events().oldest(ROOM)).map(StoredEvent::eventId).contains("$1");
        assertThat(db.events().insertOlder(List.of(text("$1", "eins")))).isZero();
    }
}
