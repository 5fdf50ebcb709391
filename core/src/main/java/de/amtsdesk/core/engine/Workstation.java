package de.amtsdesk.core.engine;

import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.matrix.MatrixClient;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.MatrixFailure;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.core.matrix.SyncListener;
import de.amtsdesk.core.store.AppDatabase;
import de.amtsdesk.core.store.CompactionPolicy;
import de.amtsdesk.core.store.Argon2idParameters;
import de.amtsdesk.core.store.StoreException;
import de.amtsdesk.core.store.StoredAccount;
import de.amtsdesk.core.store.UnlockedVault;
import de.amtsdesk.core.store.Vault;
import de.amtsdesk.core.store.VaultException;
import de.amtsdesk.core.store.WrongPassphraseException;
import de.amtsdesk.crypto.OlmMachineHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One caseworker workstation profile: the unlocked vault, the encrypted database and the crypto store of this
 * device of the agency account. Both the app and headless tools (tests, benchmarks) start here.
 *
 * <p><b>Two sessions, one passphrase.</b> {@link #staffProfile()} opens the caseworker's personal staff account
 * behind the same unlock: a Workstation of its own (login, stored session, engine, database) in
 * {@code <dataDir>/profiles/staff/}, with keys derived from the same vault (ADR 0004, "Profiles"). It is closed
 * with this one. {@link #lock()} (the app's idle lock) stops both engines, closes both databases and native crypto
 * machines and zeroes the keys; {@link #unlock(Path, char[])} later opens everything again, and both accounts
 * resume from their {@link #storedSession()}.
 */
public final class Workstation implements AutoCloseable {

    /** How a session that the server no longer accepts was ended here. */
    public enum SessionEnd {
        /** Soft logout: only the token went; the next login continues as the same device with the same keys. */
        SOFT,
        /** Hard logout: the device is gone; its crypto store was deleted and the next login makes a new device. */
        HARD
    }

    private static final Logger LOG = LoggerFactory.getLogger(Workstation.class);

    /** The name of the caseworker's personal staff account's profile. */
    public static final String STAFF_PROFILE = "staff";

    private final Path dataDir;
    private final UnlockedVault vault;
    private final AppDatabase db;
    private final Workstation parent;
    private final Map<String, Workstation> profiles = new LinkedHashMap<>();
    private final List<AutoCloseable> attached = new ArrayList<>();
    private OlmMachineHandle machine;
    private AgencyEngine engine;
    private volatile boolean closed;

    private Workstation(Path dataDir, UnlockedVault vault, AppDatabase db, Workstation parent) {
        this.dataDir = dataDir;
        this.vault = vault;
        this.db = db;
        this.parent = parent;
    }

    public static boolean exists(Path dataDir) {
        return Vault.exists(dataDir);
    }

    /** First start on this PC: creates the vault and the empty encrypted database. */
    public static Workstation create(Path dataDir, char[] passphrase) throws VaultException, StoreException {
        return open(dataDir, Vault.create(dataDir, passphrase));
    }

    /** For tests: a vault with a cheaper Argon2id cost. */
    static Workstation create(Path dataDir, char[] passphrase, Argon2idParameters cost)
            throws VaultException, StoreException {
        return open(dataDir, Vault.create(dataDir, passphrase, cost));
    }

    /** Every later start; see {@link #unlock(Path, char[], Clock)}. */
    public static Workstation unlock(Path dataDir, char[] passphrase) throws VaultException, StoreException {
        return unlock(dataDir, passphrase, Clock.systemUTC());
    }

    /**
     * Every later start. A wrong passphrase throws {@code WrongPassphraseException} and writes nothing but the
     * {@link PassphraseThrottle} record; an attempt before its wait is over throws {@link UnlockThrottledException}
     * without trying the passphrase at all.
     */
    public static Workstation unlock(Path dataDir, char[] passphrase, Clock clock)
            throws VaultException, StoreException {
        PassphraseThrottle throttle = new PassphraseThrottle(dataDir);
        Duration wait = throttle.remaining(clock.instant());
        if (!wait.isZero()) {
            throw new UnlockThrottledException(dataDir, wait);
        }
        UnlockedVault vault;
        try {
            vault = Vault.unlock(dataDir, passphrase);
        } catch (WrongPassphraseException e) {
            throttle.recordFailure(clock.instant());
            throw e;
        }
        throttle.reset();
        return open(dataDir, vault);
    }

    /** How long the unlock screen must wait before it may try a passphrase (zero: now). */
    public static Duration unlockWait(Path dataDir, Clock clock) {
        return new PassphraseThrottle(dataDir).remaining(clock.instant());
    }

    /**
     * Opens the main database and — on a second thread at the same time, as the caseworker's profile is what the app
     * opens next — the database of the staff profile when this workstation has one (issue 8: the way from the
     * passphrase to the queue). A staff profile that fails to open here is left closed: {@link #staffProfile()}
     * tries again and reports the failure where the app expects it.
     */
    private static Workstation open(Path dataDir, UnlockedVault vault) throws StoreException {
        CompletableFuture<Workstation> staffAhead = null;
        if (hasProfile(dataDir, STAFF_PROFILE)) {
            staffAhead = new CompletableFuture<>();
            CompletableFuture<Workstation> result = staffAhead;
            Thread.ofPlatform().daemon().name("open-staff-profile").start(() -> {
                try {
                    result.complete(openProfile(vault, STAFF_PROFILE, null));
                } catch (StoreException | VaultException | RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        }
        Workstation main;
        try {
            main = new Workstation(dataDir, vault, AppDatabase.open(vault), null);
        } catch (StoreException | RuntimeException e) {
            if (staffAhead != null) {
                awaitAhead(staffAhead).ifPresent(Workstation::close);
            }
            vault.close();
            throw e;
        }
        if (staffAhead != null) {
            awaitAhead(staffAhead).ifPresent(staff -> main.adopt(STAFF_PROFILE, staff));
        }
        return main;
    }

    private static Optional<Workstation> awaitAhead(CompletableFuture<Workstation> ahead) {
        try {
            return Optional.of(ahead.join());
        } catch (CompletionException | CancellationException e) {
            LOG.warn("staff profile not opened alongside the main database ({}); it is opened again when needed",
                    e.getCause() != null ? e.getCause().getClass().getSimpleName() : e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static Workstation openProfile(UnlockedVault mainVault, String name, Workstation parent)
            throws VaultException, StoreException {
        UnlockedVault profileVault = mainVault.profile(name);
        try {
            return new Workstation(profileVault.directory(), profileVault, AppDatabase.open(profileVault), parent);
        } catch (StoreException | RuntimeException e) {
            profileVault.close();
            throw e;
        }
    }

    /** The names of the profiles open now (for tests: which ones the unlock opened ahead). */
    synchronized java.util.Set<String> openProfileNames() {
        java.util.Set<String> open = new java.util.TreeSet<>();
        profiles.forEach((name, profile) -> {
            if (!profile.isClosed()) {
                open.add(name);
            }
        });
        return open;
    }

    /** A profile opened before this workstation existed ({@link #open}) becomes one of its profiles. */
    private synchronized void adopt(String name, Workstation opened) {
        Workstation profile = new Workstation(opened.dataDir, opened.vault, opened.db, this);
        profiles.put(name, profile);
    }

    /**
     * The caseworker's personal staff account on this workstation, behind the same passphrase: {@code
     * profile(STAFF_PROFILE)}. Log it in with {@link #login} the first time; after an unlock use its
     * {@link #storedSession()}. Hand it to {@code StaffClient.open}.
     */
    public Workstation staffProfile() throws VaultException, StoreException {
        return profile(STAFF_PROFILE);
    }

    /**
     * A further profile of this data directory (its own account, database and crypto store under
     * {@code <dataDir>/profiles/<name>/}), keyed from the same vault. The same name gives the same open object;
     * it is closed (locked) together with this workstation. Only the main profile has profiles.
     */
    public synchronized Workstation profile(String name) throws VaultException, StoreException {
        ensureOpen();
        if (parent != null) {
            throw new IllegalStateException("profiles do not nest");
        }
        Workstation known = profiles.get(name);
        if (known != null && !known.isClosed()) {
            return known;
        }
        Workstation profile = openProfile(vault, name, this);
        profiles.put(name, profile);
        return profile;
    }

    /** Whether a profile of that name has been opened on this data directory before (it has a database). */
    public static boolean hasProfile(Path dataDir, String name) {
        return Files.isRegularFile(dataDir.resolve("profiles").resolve(name).resolve("amtsdesk.mv.db"));
    }

    /** The main profile this one belongs to; empty for the main profile. */
    public Optional<Workstation> parent() {
        return Optional.ofNullable(parent);
    }

    /**
     * Closes {@code resource} when this workstation closes or locks, before the engine and the database (so a
     * {@code StaffClient} can still save its fold). Closing it earlier is fine: call {@link #detach} then.
     */
    public synchronized void attach(AutoCloseable resource) {
        ensureOpen();
        attached.add(resource);
    }

    public synchronized void detach(AutoCloseable resource) {
        attached.remove(resource);
    }

    public boolean isClosed() {
        return closed;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the workstation " + dataDir + " is locked");
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

    /** The stored session, if the account is still logged in (no soft or hard logout since). */
    public Optional<Session> storedSession() {
        RetiredDevice retired = new RetiredDevice(dataDir);
        return account().filter(StoredAccount::loggedIn).filter(a -> !retired.isRetired(a.deviceId())).flatMap(a -> {
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
     * crypto store (keys, sessions) carries on; after a hard logout it logs in as a new device with an empty crypto
     * store instead.
     */
    public synchronized Session login(HomeserverUrl homeserver, String user, String password) throws MatrixException {
        MatrixClient client = new MatrixClient(homeserver);
        client.versions();
        Optional<StoredAccount> known = account();
        RetiredDevice retired = new RetiredDevice(dataDir);
        String deviceId = known.map(StoredAccount::deviceId).filter(id -> !retired.isRetired(id)).orElse(null);
        if (known.isPresent() && deviceId == null) {
            // Finishes a retirement a crash may have interrupted: the new device must start with an empty store.
            closeEngine();
            deleteCryptoStore();
        }
        Session session = client.login(user, password, deviceId, "Amtsdesk");
        if (known.isPresent() && !known.get().userId().equals(session.userId())) {
            logOutQuietly(client, session);
            throw new MatrixException(MatrixFailure.REQUEST_REJECTED,
                    "this workstation profile belongs to " + known.get().userId(), session.userId());
        }
        if (deviceId != null && !deviceId.equals(session.deviceId())) {
            // The server ignored our device ID: our crypto store belongs to another device and must not serve this one.
            logOutQuietly(client, session);
            throw new MatrixException(MatrixFailure.MALFORMED_RESPONSE,
                    "login as device " + deviceId + " answered device " + session.deviceId(), homeserver.toString());
        }
        db.accounts().save(new StoredAccount(homeserver.toString(), session.userId(), session.deviceId(),
                session.accessToken(), null));
        retired.clear();
        return session;
    }

    private static void logOutQuietly(MatrixClient client, Session session) {
        try {
            client.logout(session);
        } catch (MatrixException e) {
            LOG.warn("could not log out the unusable login again: {}", e.failure());
        }
    }

    /** Soft logout: the token is gone, everything else (history, keys, outbox) stays for the next login. */
    public void forgetAccessToken() {
        db.accounts().clearAccessToken();
    }

    /**
     * The server refused the token; decides between soft logout (keep device and keys) and hard logout (the
     * device is gone: {@link #retireDevice()}). Does file and JNI work: call it off the UI thread.
     */
    public SessionEnd endSession(MatrixException reason) {
        if (reason.failure() == MatrixFailure.TOKEN_REVOKED) {
            retireDevice();
            return SessionEnd.HARD;
        }
        closeEngine();
        forgetAccessToken();
        return SessionEnd.SOFT;
    }

    /**
     * Hard logout. The server deleted this device, so its identity keys and Olm/Megolm sessions mean nothing any
     * more; logging in again as the same device ID with them would make a device whose keys the server no longer
     * has (nobody could encrypt for it). So: mark the device retired, stop the engine, forget the token and the sync
     * position (the new device's crypto machine must see the rooms' members from an initial sync), and delete the
     * crypto store. History, cases and the outbox in the database stay.
     */
    public synchronized void retireDevice() {
        Optional<StoredAccount> known = account();
        known.ifPresent(a -> new RetiredDevice(dataDir).mark(a.deviceId()));
        closeEngine();
        db.accounts().clearAccessToken();
        db.syncState().clear();
        deleteCryptoStore();
        LOG.info("device {} retired after a hard logout; the next login creates a new device",
                known.map(StoredAccount::deviceId).orElse("-"));
    }

    /** Empties the crypto-store directory (keeping the directory itself, owner-only as the vault made it). */
    private void deleteCryptoStore() {
        Path store = vault.cryptoStoreDirectory();
        try {
            if (Files.isDirectory(store)) {
                try (Stream<Path> paths = Files.walk(store)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        if (!path.equals(store)) {
                            Files.delete(path);
                        }
                    }
                }
            } else {
                Files.createDirectories(store);
                PosixFileAttributeView view = Files.getFileAttributeView(store, PosixFileAttributeView.class);
                if (view != null) {
                    view.setPermissions(PosixFilePermissions.fromString("rwx------"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the crypto store of the retired device", e);
        }
    }

    public synchronized AgencyEngine engine(Session session, SyncListener rooms, boolean autoJoinInvites) {
        if (engine == null) {
            ensureOpen();
            byte[] storeKey = vault.cryptoStoreKey();
            try {
                machine = OlmMachineHandle.open(session.userId(), session.deviceId(), vault.cryptoStoreDirectory(),
                        storeKey);
            } finally {
                Arrays.fill(storeKey, (byte) 0);
            }
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

    /** The engine if one is running on this profile (e.g. to stop it), without creating one. */
    public synchronized Optional<AgencyEngine> runningEngine() {
        return Optional.ofNullable(engine);
    }

    /**
     * The idle lock (Ctrl+L): closes what was {@linkplain #attach attached} (staff clients save their fold), stops
     * the engines of this profile and of its profiles, closes their native crypto machines and databases, and zeroes
     * every key held by the vaults. Afterwards this object is unusable; {@link #unlock(Path, char[])} with the
     * passphrase opens the data directory again and {@link #storedSession()} resumes each account. Same as
     * {@link #close()}; idempotent.
     */
    public void lock() {
        close();
    }

    @Override
    public void close() {
        close(null);
    }

    /**
     * At exit and sign-out: closes like {@link #close()}, and compacts the databases (this profile's and its
     * profiles') whose files are mostly dead chunks ({@link CompactionPolicy#AT_EXIT}). Not for the idle lock:
     * a compaction may take seconds.
     */
    public void closeAndCompact() {
        close(CompactionPolicy.AT_EXIT);
    }

    private void close(CompactionPolicy compaction) {
        List<AutoCloseable> dependents;
        List<Workstation> children;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            dependents = new ArrayList<>(attached.reversed());
            attached.clear();
            children = new ArrayList<>(profiles.values());
            profiles.clear();
        }
        // Staff clients on a profile may follow this profile's engine: close them while everything still runs.
        children.forEach(Workstation::closeAttached);
        closeAll(dependents);
        children.forEach(child -> child.close(compaction));
        try {
            closeEngine();
        } finally {
            try {
                if (compaction == null) {
                    db.close();
                } else {
                    db.close(compaction);
                }
            } finally {
                vault.close();
                if (parent != null) {
                    parent.forgetProfile(this);
                }
                LOG.info("workstation profile {} closed", dataDir);
            }
        }
    }

    private void closeAttached() {
        List<AutoCloseable> dependents;
        synchronized (this) {
            dependents = new ArrayList<>(attached.reversed());
            attached.clear();
        }
        closeAll(dependents);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {} on lock failed: {}", resource.getClass().getSimpleName(),
                        e.getClass().getSimpleName());
            }
        }
    }

    private synchronized void forgetProfile(Workstation profile) {
        profiles.values().remove(profile);
    }
}
