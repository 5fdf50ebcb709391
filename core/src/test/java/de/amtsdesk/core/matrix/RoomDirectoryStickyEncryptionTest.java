package de.amtsdesk.core.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomDirectoryStickyEncryptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDamagedSnapshotAndALeaveDoNotMakeAnEncryptedRoomLookPlain() throws Exception {
        RoomDirectory directory = new RoomDirectory("@amt:l", Clock.systemUTC());
        directory.restore("{\"!r:l\": [");           // damaged: ignored, the directory is empty
        assertThat(directory.isEncrypted("!r:l")).isFalse();

        directory.markEncrypted(List.of("!r:l"));   // what the store's sticky record says
        assertThat(directory.isEncrypted("!r:l")).isTrue();

        directory.apply(JSON.readTree("{\"rooms\":{\"join\":{\"!r:l\":{\"timeline\":{\"events\":[]}}}}}"));
        assertThat(directory.summaries()).singleElement().satisfies(s -> assertThat(s.encrypted()).isTrue());

        directory.apply(JSON.readTree("{\"rooms\":{\"leave\":{\"!r:l\":{}}}}"));
        assertThat(directory.isEncrypted("!r:l")).as("leaving drops facts, never the encryption").isTrue();
    }

    @Test
    void encryptionSeenInStateIsKept() throws Exception {
        RoomDirectory directory = new RoomDirectory("@amt:l", Clock.systemUTC());
        directory.apply(JSON.readTree("{\"rooms\":{\"join\":{\"!e:l\":{\"state\":{\"events\":[{\"type\":"
                + "\"m.room.encryption\",\"state_key\":\"\",\"content\":{\"algorithm\":\"m.megolm.v1.aes-sha2\"}}]}}}}}"));
        assertThat(directory.isEncrypted("!e:l")).isTrue();
        assertThat(directory.isEncrypted("!other:l")).isFalse();
    }
}
