package de.amtsdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoomRepositoryTest extends DatabaseFixture {

    private static StoredRoom room(String id, long lastActivity, StoredRoom.Membership membership) {
        return new StoredRoom(id, "Name " + id, true, membership, lastActivity, "Vorschau " + id, 0);
    }

    @Test
    void roomsAreListedMostRecentFirst() {
        db.rooms().upsertAll(List.of(room("!b:hs", 200, StoredRoom.Membership.JOIN),
                room("!a:hs", 300, StoredRoom.Membership.JOIN), room("!c:hs", 200, StoredRoom.Membership.INVITE),
                room("!d:hs", 100, StoredRoom.Membership.JOIN)));

        assertThat(db.rooms().list()).extracting(StoredRoom::roomId).containsExactly("!a:hs", "!b:hs", "!c:hs", "!d:hs");
        assertThat(db.rooms().list(StoredRoom.Membership.INVITE)).extracting(StoredRoom::roomId).containsExactly("!c:hs");
    }

    @Test
    void upsertReplacesEveryField() {
        db.rooms().upsert(room("!a:hs", 100, StoredRoom.Membership.INVITE));
        StoredRoom joined = new StoredRoom("!a:hs", "Max Mustermann", false, StoredRoom.Membership.JOIN, 500,
                "Guten Tag", 3);

        db.rooms().upsert(joined);

        assertThat(db.rooms().find("!a:hs")).contains(joined);
        assertThat(db.rooms().list()).hasSize(1);
    }

    @Test
    void aRoomCanBeDeleted() {
        db.rooms().upsert(room("!a:hs", 100, StoredRoom.Membership.LEAVE));

        assertThat(db.rooms().delete("!a:hs")).isTrue();
        assertThat(db.rooms().delete("!a:hs")).isFalse();
        assertThat(db.rooms().find("!a:hs")).isEmpty();
    }

    @Test
    void membershipReadsTheMatrixWords() {
        assertThat(StoredRoom.Membership.fromMatrix("join")).isEqualTo(StoredRoom.Membership.JOIN);
        assertThat(StoredRoom.Membership.KNOCK.matrixValue()).isEqualTo("knock");
    }

    @Test
    void toStringLeavesOutNameAndPreview() {
        StoredRoom room = new StoredRoom("!a:hs", "Erika Mustermann", true, StoredRoom.Membership.JOIN, 1,
                "Mein Antrag", 2);
        assertThat(room.toString()).contains("!a:hs").doesNotContain("Erika").doesNotContain("Antrag");
    }
}
