package de.amtsdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncryptedRoomRepositoryTest extends DatabaseFixture {

    @Test
    void aRoomOnceEncryptedStaysEncryptedWhateverHappensNext() {
        assertThat(db.encryptedRooms().isEncrypted("!a:amt")).isFalse();
        db.encryptedRooms().remember("!a:amt", "m.megolm.v1.aes-sha2");
        db.encryptedRooms().remember("!a:amt", "something.else");  // a second record never changes the first
        db.rooms().delete("!a:amt");                                 // leaving forgets the room row, not this
        db.syncState().clear();

        assertThat(db.encryptedRooms().isEncrypted("!a:amt")).isTrue();
        assertThat(db.encryptedRooms().all()).containsExactly("!a:amt");
    }

    @Test
    void blankAlgorithmsAreRecordedToo() {
        db.encryptedRooms().remember("!b:amt", " ");
        assertThat(db.encryptedRooms().isEncrypted("!b:amt")).isTrue();
    }
}
