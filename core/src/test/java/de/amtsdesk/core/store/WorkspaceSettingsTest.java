package de.amtsdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema 8: profile settings and read markers survive reopening; a read marker only moves forward. */
class WorkspaceSettingsTest {

    private static final String PASSPHRASE = "Einstellungen bleiben";

    @TempDir
    Path tmp;

    @Test
    void settingsAndReadMarkersSurviveReopeningAndMarkersNeverGoBack() throws Exception {
        Path dir = tmp.resolve("ws");
        Instant later = Instant.parse("2026-12-02T10:00:00Z");
        try (UnlockedVault vault = TestVaults.create(dir, PASSPHRASE); AppDatabase db = AppDatabase.open(vault)) {
            assertThat(db.settings().get(SettingsRepository.STAFF_ROOM)).isEmpty();
            db.settings().put(SettingsRepository.STAFF_ROOM, "!alt:amt.example");
            db.settings().put(SettingsRepository.STAFF_ROOM, "!team:amt.example");
            db.readMarkers().markSeen("!r:amt.example", later);
            db.readMarkers().markSeen("!r:amt.example", later.minusSeconds(3600));
        }
        try (UnlockedVault vault = TestVaults.unlock(dir, PASSPHRASE); AppDatabase db = AppDatabase.open(vault)) {
            assertThat(db.settings().get(SettingsRepository.STAFF_ROOM)).contains("!team:amt.example");
            assertThat(db.readMarkers().all()).containsEntry("!r:amt.example", later).hasSize(1);
            db.settings().remove(SettingsRepository.STAFF_ROOM);
            assertThat(db.settings().get(SettingsRepository.STAFF_ROOM)).isEmpty();
        }
    }
}
