package de.amtsdesk.core.engine;

import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.matrix.MatrixClient;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.core.matrix.SyncListener;
import de.amtsdesk.core.store.AppDatabase;
import de.amtsdesk.core.store.StoreException;
import de.amtsdesk.core.store.StoredAccount;
import de.amtsdesk.core.store.UnlockedVault;
import de.amtsdesk.core.store.Vault;
import de.amtsdesk.core.store.VaultException;
import de.amtsdesk.crypto.OlmMachineHandle;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One caseworker workstation profile: the unlocked vault, the encrypted database and the crypto store of this
 * device of the agency account. Both the app and headless tools (tests, benchmarks) start here.
 */
public final class Workstation implements AutoCloseable {

    private final Path dataDir;
    private final UnlockedVault vault;
    private final AppDatabase db;
    private OlmMachineHandle machine;
    private AgencyEngine engine;

    private Workstation(Path dataDir, UnlockedVault vault, AppDatabase db) {
        this.dataDir = dataDir;
        this.vault = vault;
        this.db = db;
    }

    public static boolean exists(Path dataDir) {
        return Vault.exists(dataDir);
    }

    /** First start on this PC: creates the vault and the empty encrypted database. */
    public static Workstation create(Path dataDir, char[] passphrase) throws VaultException, StoreException {
        UnlockedVault vault = Vault.create(dataDir, passphrase);
        return open(dataDir, vault);
    }

    /** Every later start. A wrong passphrase throws {@code WrongPassphraseException} and touches nothing. */
    public static Workstation unlock(Path dataDir, char[] passphrase) throws VaultException, StoreException {
        return open(dataDir, Vault.unlock(dataDir, passphrase));
    }

    private static Workstation open(Path dataDir, UnlockedVault vault) throws StoreException {
        try {
            return new Workstation(dataDir, vault, AppDatabase.open(vault));
        } catch (StoreException | RuntimeException e) {
            vault.close();
            throw e;
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public AppDatabase database() {
        return db;
    }

    public Optional<StoredAccount> account() {
        return db.accounts().load();
    }

    /** The stored session, if the account is still logged in (no soft logout since). */
    public Optional<Session> storedSession() {
        return account().filter(StoredAccount::loggedIn).flatMap(a -> {
            try {
                return Optional.of(new Session(HomeserverUrl.parse(a.homeserver()), a.userId(), a.deviceId(),
                        a.accessToken()));
            } catch (MatrixException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Logs in. When this profile already belongs to the same account, it logs in as the same device again, so the
     * crypto store (keys, sessions) carries on.
     */
    public Session login(HomeserverUrl homeserver, String user, String password) throws MatrixException {
        MatrixClient client = new MatrixClient(homeserver);
        client.versions();
        Optional<StoredAccount> known = account();
        String deviceId = known.map(StoredAccount::deviceId).orElse(null);
        Session session = client.login(user, password, deviceId, "Amtsdesk");
        if (known.isPresent() && !known.get().userId().equals(session.userId())) {
            throw new MatrixException(de.amtsdesk.core.matrix.MatrixFailure.REQUEST_REJECTED,
                    "this workstation profile belongs to " + known.get().userId(), session.userId());
        }
        db.accounts().save(new StoredAccount(homeserver.toString(), session.userId(), session.deviceId(),
                session.accessToken(), null));
        return session;
    }

    /** Soft logout: the token is gone, everything else (history, keys, outbox) stays for the next login. */
    public void forgetAccessToken() {
        db.accounts().clearAccessToken();
    }

    public synchronized AgencyEngine engine(Session session, SyncListener rooms, boolean autoJoinInvites) {
        if (engine == null) {
            machine = OlmMachineHandle.open(session.userId(), session.deviceId(), vault.cryptoStoreDirectory(),
                    vault.cryptoStoreKey());
            engine = new AgencyEngine(new MatrixClient(session.homeserver()), session, machine,
                    new H2EngineStore(db), dataDir.resolve("outbox-media"), autoJoinInvites, rooms);
        }
        return engine;
    }

    public synchronized void closeEngine() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
        if (machine != null) {
            machine.close();
            machine = null;
        }
    }

    @Override
    public void close() {
        closeEngine();
        db.close();
        vault.close();
    }
}
