package de.amtsdesk.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.core.store.Argon2idParameters;
import de.amtsdesk.core.store.SettingsRepository;
import de.amtsdesk.core.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unlock opens the staff profile's database alongside the main one (issue 8, the way to the queue): afterwards
 * {@link Workstation#staffProfile()} is that open profile, belongs to the main workstation and closes with it; a
 * damaged staff database does not stop the unlock, and staffProfile() still reports it.
 */
class WorkstationStaffProfileAheadTest {

    private static final String PASSPHRASE = "Profil gleich mit öffnen";

    @TempDir
    Path dir;

    @Test
    void theStaffProfileOpenedWithTheUnlockIsTheOneTheAppGets() throws Exception {
        try (Workstation ws = Workstation.create(dir, PASSPHRASE.toCharArray(), Argon2idParameters.MINIMUM)) {
            ws.staffProfile().database().settings().put(SettingsRepository.STAFF_ROOM, "!einheit:test");
        }
        Workstation again = Workstation.unlock(dir, PASSPHRASE.toCharArray());
        assertThat(again.openProfileNames()).containsExactly(Workstation.STAFF_PROFILE);
        Workstation staff = again.staffProfile();
        assertThat(staff.parent()).containsSame(again);
        assertThat(again.staffProfile()).isSameAs(staff);
        assertThat(staff.database().settings().get(SettingsRepository.STAFF_ROOM)).contains("!einheit:test");
        again.close();
        assertThat(staff.isClosed()).isTrue();
    }

    @Test
    void aDamagedStaffDatabaseDoesNotStopTheUnlockAndIsReportedWhenAskedFor() throws Exception {
        try (Workstation ws = Workstation.create(dir, PASSPHRASE.toCharArray(), Argon2idParameters.MINIMUM)) {
            ws.staffProfile();
        }
        Path staffDb = dir.resolve("profiles/staff/amtsdesk.mv.db");
        assertThat(staffDb).isRegularFile();
        Files.write(staffDb, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        try (Workstation again = Workstation.unlock(dir, PASSPHRASE.toCharArray())) {
            assertThat(again.openProfileNames()).isEmpty();
            assertThat(again.database().settings().get("anything")).isEmpty();
            assertThatThrownBy(again::staffProfile).isInstanceOf(StoreException.class);
        }
    }

    @Test
    void aWorkstationWithoutStaffProfileUnlocksAsBefore() throws Exception {
        try (Workstation ws = Workstation.create(dir, PASSPHRASE.toCharArray(), Argon2idParameters.MINIMUM)) {
            assertThat(Workstation.hasProfile(dir, Workstation.STAFF_PROFILE)).isFalse();
        }
        try (Workstation again = Workstation.unlock(dir, PASSPHRASE.toCharArray())) {
            assertThat(Workstation.hasProfile(dir, Workstation.STAFF_PROFILE)).isFalse();
            assertThat(again.staffProfile().parent()).containsSame(again);
        }
    }
}
