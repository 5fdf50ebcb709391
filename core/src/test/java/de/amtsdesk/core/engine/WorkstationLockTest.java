package de.amtsdesk.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.core.cases.UnitConfig;
import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.core.staff.CitizenRooms;
import de.amtsdesk.core.staff.StaffClient;
import de.amtsdesk.core.store.AppDatabase;
import de.amtsdesk.core.store.Argon2idParameters;
import de.amtsdesk.core.store.CaseFoldStateRepository;
import de.amtsdesk.core.store.DraftRepository;
import de.amtsdesk.core.store.StoredAccount;
import de.amtsdesk.core.store.UnlockedVault;
import de.amtsdesk.core.store.WrongPassphraseException;
import de.amtsdesk.crypto.IdentityKeys;
import de.amtsdesk.crypto.OlmMachineHandle;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One passphrase, two sessions, and the idle lock: the functional account and the caseworker's staff profile live
 * behind one unlock; {@link Workstation#lock()} stops both engines, closes both databases and crypto machines and
 * zeroes the keys; unlocking again restores both sessions, their crypto identities and their drafts.
 */
class WorkstationLockTest {

    private static final String PASSPHRASE = "eine Passphrase, zwei Sitzungen";
    private static final Session AMT = session("@amt:test", "AMTDEV");
    private static final Session ANNA = session("@anna:test", "ANNADEV");

    @TempDir
    Path dir;

    private static Session session(String user, String device) {
        try {
            return new Session(HomeserverUrl.parse("http://127.0.0.1:9"), user, device, "token-" + device);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void remember(Workstation ws, Session s) {
        ws.database().accounts().save(new StoredAccount(s.homeserver().toString(), s.userId(), s.deviceId(),
                s.accessToken(), null));
    }

    @Test
    void lockClosesAndZeroesBothSessionsAndUnlockRestoresThem() throws Exception {
        Workstation ws = Workstation.create(dir, PASSPHRASE.toCharArray(), Argon2idParameters.MINIMUM);
        Workstation staff = ws.staffProfile();
        assertThat(ws.staffProfile()).isSameAs(staff);
        assertThat(staff.parent()).containsSame(ws);
        assertThat(staff.dataDir()).isEqualTo(dir.toAbsolutePath().normalize().resolve("profiles/staff"));
        remember(ws, AMT);
        remember(staff, ANNA);
        AgencyEngine amtEngine = ws.engine(ws.storedSession().orElseThrow(), rooms -> { }, true);
        StaffClient anna = StaffClient.open(staff, staff.storedSession().orElseThrow(), "!staff:test",
                UnitConfig.defaults("WG"), CitizenRooms.of(ws.database(), AMT.userId()));
        anna.followCitizenRooms(amtEngine);
        IdentityKeys amtKeys = machine(ws).identityKeys();
        IdentityKeys annaKeys = machine(staff).identityKeys();
        assertThat(amtKeys.curve25519()).isNotEqualTo(annaKeys.curve25519());
        ws.database().drafts().save("!citizen:test", "Antwort an Erika, halb fertig");
        staff.database().drafts().save("$case", "interne Notiz, halb fertig");

        List<Object> keyHolders = keyHolders(ws, staff);
        assertThat(keyHolders).allSatisfy(h -> assertThat(nonZeroKeyFields(h)).isNotEmpty());

        ws.lock();

        assertThat(ws.isClosed()).isTrue();
        assertThat(staff.isClosed()).isTrue();
        assertThat(keyHolders).allSatisfy(h -> assertThat(nonZeroKeyFields(h)).as("%s", h).isEmpty());
        assertThat(ws.runningEngine()).isEmpty();
        assertThat(staff.runningEngine()).isEmpty();
        assertThat(machineField(ws)).isNull();
        assertThat(machineField(staff)).isNull();
        assertThat(runningFlag(amtEngine)).isFalse();
        assertThatThrownBy(() -> ws.database().drafts().all()).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(ws::staffProfile).isInstanceOf(IllegalStateException.class);
        ws.lock(); // idempotent

        assertThatThrownBy(() -> Workstation.unlock(dir, "falsch".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class);
        try (Workstation again = Workstation.unlock(dir, PASSPHRASE.toCharArray())) {
            Workstation staffAgain = again.staffProfile();
            assertThat(again.storedSession()).contains(AMT);
            assertThat(staffAgain.storedSession()).contains(ANNA);
            again.engine(again.storedSession().orElseThrow(), rooms -> { }, true);
            staffAgain.engine(staffAgain.storedSession().orElseThrow(), rooms -> { }, false);
            assertThat(machine(again).identityKeys()).isEqualTo(amtKeys);
            assertThat(machine(staffAgain).identityKeys()).isEqualTo(annaKeys);
            assertThat(again.database().drafts().load("!citizen:test")).map(DraftRepository.Draft::text)
                    .contains("Antwort an Erika, halb fertig");
            assertThat(staffAgain.database().drafts().load("$case")).map(DraftRepository.Draft::text)
                    .contains("interne Notiz, halb fertig");
            // The staff client was closed by the lock before its database: its fold was saved.
            assertThat(CaseFoldStateRepository.of(staffAgain.database()).load()).isPresent();
        }
        assertThat(Workstation.hasProfile(dir, Workstation.STAFF_PROFILE)).isTrue();
    }

    @Test
    void closingTheStaffProfileAloneLeavesTheMainProfileOpen() throws Exception {
        try (Workstation ws = Workstation.create(dir, PASSPHRASE.toCharArray(), Argon2idParameters.MINIMUM)) {
            Workstation staff = ws.staffProfile();
            staff.close();
            assertThat(ws.isClosed()).isFalse();
            ws.database().drafts().save("k", "v");
            Workstation reopened = ws.staffProfile();
            assertThat(reopened).isNotSameAs(staff);
            reopened.database().drafts().save("k", "w");
            assertThat(ws.database().drafts().load("k")).map(DraftRepository.Draft::text).contains("v");
            assertThatThrownBy(() -> reopened.profile("x")).isInstanceOf(IllegalStateException.class);
        }
    }

    private static List<Object> keyHolders(Workstation... workstations) throws Exception {
        List<Object> holders = new ArrayList<>();
        for (Workstation ws : workstations) {
            holders.add(field(ws, "vault", UnlockedVault.class));
            holders.add(field(ws, "db", AppDatabase.class));
        }
        return holders;
    }

    private static OlmMachineHandle machine(Workstation ws) throws Exception {
        OlmMachineHandle m = machineField(ws);
        assertThat(m).isNotNull();
        return m;
    }

    private static OlmMachineHandle machineField(Workstation ws) throws Exception {
        return field(ws, "machine", OlmMachineHandle.class);
    }

    private static boolean runningFlag(AgencyEngine engine) throws Exception {
        return field(engine, "running", Boolean.class);
    }

    private static <T> T field(Object holder, String name, Class<T> type) throws Exception {
        Field f = holder.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return type.cast(f.get(holder));
    }

    /** Names of the byte[]/char[] fields of the object that hold anything but zeros. */
    private static List<String> nonZeroKeyFields(Object holder) {
        List<String> found = new ArrayList<>();
        for (Field field : holder.getClass().getDeclaredFields()) {
            try {
                field.setAccessible(true);
                Object value = field.get(holder);
                if (value instanceof byte[] bytes && !Arrays.equals(bytes, new byte[bytes.length])
                        || value instanceof char[] chars && !Arrays.equals(chars, new char[chars.length])) {
                    found.add(field.getName());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }
}
