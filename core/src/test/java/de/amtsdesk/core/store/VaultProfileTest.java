package de.amtsdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One passphrase, two profiles: {@link UnlockedVault#profile} derives a second profile's keys from the same data key
 * under its own labels, in its own directory, and zeroes them with the parent.
 */
class VaultProfileTest {

    private static final String PASSPHRASE = "eine Passphrase für zwei Konten";

    @TempDir
    Path tmp;

    @Test
    void aProfileHasItsOwnKeysAndDirectoryAndTheMainProfileIsUnchanged() throws Exception {
        Path dir = tmp.resolve("ws");
        try (UnlockedVault main = TestVaults.create(dir, PASSPHRASE)) {
            char[] mainFile = main.h2FilePassword();
            char[] mainUser = main.h2UserPassword();
            byte[] mainCrypto = main.cryptoStoreKey();
            UnlockedVault staff = main.profile("staff");
            UnlockedVault other = main.profile("archive");

            assertThat(staff.directory()).isEqualTo(dir.toAbsolutePath().normalize().resolve("profiles/staff"));
            assertThat(staff.cryptoStoreDirectory()).isDirectory();
            assertThat(staff.databaseFile()).isEqualTo(staff.directory().resolve("amtsdesk.mv.db"));
            assertThat(staff.profileName()).contains("staff");
            assertThat(main.profileName()).isEmpty();
            assertThat(main.profile("staff")).isSameAs(staff);

            for (UnlockedVault profile : new UnlockedVault[] {staff, other}) {
                assertThat(profile.h2FilePassword()).isNotEqualTo(mainFile).hasSize(64);
                assertThat(profile.h2UserPassword()).isNotEqualTo(mainUser).isNotEqualTo(profile.h2FilePassword());
                assertThat(profile.cryptoStoreKey()).isNotEqualTo(mainCrypto).hasSize(32);
            }
            assertThat(staff.h2FilePassword()).isNotEqualTo(other.h2FilePassword());
            assertThat(staff.cryptoStoreKey()).isNotEqualTo(other.cryptoStoreKey());
            // The main profile's keys do not depend on whether profiles exist.
            assertThat(main.h2FilePassword()).isEqualTo(mainFile);
            assertThat(main.cryptoStoreKey()).isEqualTo(mainCrypto);
            assertThatThrownBy(() -> staff.profile("x")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> main.profile("../up")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> main.profile("Staff")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void bothProfilesSurviveLockAndUnlockAndAWrongPassphraseOpensNeither() throws Exception {
        Path dir = tmp.resolve("ws");
        char[] staffKeyBefore;
        byte[] staffCryptoBefore;
        try (UnlockedVault main = TestVaults.create(dir, PASSPHRASE)) {
            UnlockedVault staff = main.profile("staff");
            staffKeyBefore = staff.h2FilePassword();
            staffCryptoBefore = staff.cryptoStoreKey();
            try (AppDatabase mainDb = AppDatabase.open(main); AppDatabase staffDb = AppDatabase.open(staff)) {
                mainDb.drafts().save("!citizen:test", "Entwurf der Funktionskennung");
                staffDb.drafts().save("$case", "Entwurf im Personalprofil");
            }
        }
        Map<String, String> before = TestVaults.fingerprint(dir);
        assertThatThrownBy(() -> TestVaults.unlock(dir, PASSPHRASE + "!")).isInstanceOf(WrongPassphraseException.class);
        assertThat(TestVaults.fingerprint(dir)).isEqualTo(before);
        // Without the passphrase the profile's file does not open with the main profile's keys either.
        try (UnlockedVault main = TestVaults.unlock(dir, PASSPHRASE)) {
            char[] f = main.h2FilePassword();
            char[] u = main.h2UserPassword();
            assertThatThrownBy(() -> AppDatabase.open(dir.resolve("profiles/staff"), f, u, java.time.Clock.systemUTC()))
                    .isInstanceOf(StoreException.class);
            UnlockedVault staff = main.profile("staff");
            assertThat(staff.h2FilePassword()).isEqualTo(staffKeyBefore);
            assertThat(staff.cryptoStoreKey()).isEqualTo(staffCryptoBefore);
            try (AppDatabase mainDb = AppDatabase.open(main); AppDatabase staffDb = AppDatabase.open(staff)) {
                assertThat(mainDb.drafts().load("!citizen:test")).map(DraftRepository.Draft::text)
                        .contains("Entwurf der Funktionskennung");
                assertThat(staffDb.drafts().load("$case")).map(DraftRepository.Draft::text)
                        .contains("Entwurf im Personalprofil");
                assertThat(mainDb.drafts().load("$case")).isEmpty();
            }
        }
    }

    @Test
    void closingTheMainVaultZeroesEveryProfilesKeys() throws Exception {
        UnlockedVault main = TestVaults.create(tmp.resolve("ws"), PASSPHRASE);
        UnlockedVault staff = main.profile("staff");
        assertThat(nonZeroKeyFields(main)).isNotEmpty();
        assertThat(nonZeroKeyFields(staff)).isNotEmpty();
        main.close();
        assertThat(nonZeroKeyFields(main)).isEmpty();
        assertThat(nonZeroKeyFields(staff)).isEmpty();
        assertThat(staff.isClosed()).isTrue();
        assertThatThrownBy(staff::cryptoStoreKey).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> main.profile("staff")).isInstanceOf(IllegalStateException.class);
    }

    /** Names of the byte[]/char[] fields of the object that hold anything but zeros. */
    static java.util.List<String> nonZeroKeyFields(Object holder) throws IllegalAccessException {
        java.util.List<String> found = new java.util.ArrayList<>();
        for (Field field : holder.getClass().getDeclaredFields()) {
            field.setAccessible(true);
            Object value = field.get(holder);
            if (value instanceof byte[] bytes && !Arrays.equals(bytes, new byte[bytes.length])) {
                found.add(field.getName());
            } else if (value instanceof char[] chars && !Arrays.equals(chars, new char[chars.length])) {
                found.add(field.getName());
            }
        }
        return found;
    }
}
