package de.amtsdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoomDirectorySnapshotStoreTest {

    @TempDir
    Path tmp;

    @Test
    void theRoomDirectoryIsSavedWithTheTokenAndSurvivesReopening() throws Exception {
        Path dir = tmp.resolve("profile");
        try (UnlockedVault vault = TestVaults.create(dir, "eine lange Passphrase")) {
            try (AppDatabase db = AppDatabase.open(vault)) {
                assertThat(db.syncState().roomDirectory()).isEmpty();
                db.syncState().save("s42", "{\"!r:l\":{\"name\":\"Wohngeld\"}}");
            }
            try (AppDatabase db = AppDatabase.open(vault)) {
                assertThat(db.syncState().since()).contains("s42");
                assertThat(db.syncState().roomDirectory()).contains("{\"!r:l\":{\"name\":\"Wohngeld\"}}");
            }
        }
    }
}
