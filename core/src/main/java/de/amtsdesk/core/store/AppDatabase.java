package de.amtsdesk.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encrypted local database of one data directory: H2 with {@code CIPHER=AES}, keyed by the vault, migrated
 * by Flyway from {@code classpath:db/migration} whenever its schema is older than {@link #SCHEMA}. Holds the
 * repositories; {@link #close()} closes the database file.
 *
 * <p>Repository calls may come from any thread (the sync loop's virtual thread, the UI's workers): they draw on a
 * small H2 connection pool, and H2's MVCC keeps readers from waiting on writers.
 */
public final class AppDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppDatabase.class);
    private static final String DB_USER = "amtsdesk";
    private static final int MAX_CONNECTIONS = 8;
    private static final String MV_SUFFIX = ".mv.db";
    /** Name of a database being created; renamed to its real name once migrated. */
    private static final String BUILDING_NAME = UnlockedVault.DATABASE_NAME + "-creating";
    /** The newest migration in {@code db/migration} (a test keeps the two equal). */
    static final int SCHEMA = 12;

    private final Path directory;
    private final JdbcConnectionPool pool;
    private final char[] password;
    private final String schemaVersion;
    private final int migrationsApplied;
    private final AccountRepository accounts;
    private final SyncStateRepository syncState;
    private final RoomRepository rooms;
    private final EventRepository events;
    private final OutboxRepository outbox;
    private final EncryptedRoomRepository encryptedRooms;
    private final DraftRepository drafts;
    private final NoticeDraftRepository noticeDrafts;
    private final SettingsRepository settings;
    private final ReadMarkerRepository readMarkers;
    private final Jdbc jdbc;

    private AppDatabase(Path directory, JdbcConnectionPool pool, char[] password, String schemaVersion,
            int migrationsApplied, Jdbc jdbc) {
        this.directory = directory;
        this.pool = pool;
        this.password = password;
        this.schemaVersion = schemaVersion;
        this.migrationsApplied = migrationsApplied;
        this.jdbc = jdbc;
        this.accounts = new AccountRepository(jdbc);
        this.syncState = new SyncStateRepository(jdbc);
        this.rooms = new RoomRepository(jdbc);
        this.events = new EventRepository(jdbc);
        this.outbox = new OutboxRepository(jdbc);
        this.encryptedRooms = new EncryptedRoomRepository(jdbc);
        this.drafts = new DraftRepository(jdbc);
        this.noticeDrafts = new NoticeDraftRepository(jdbc);
        this.settings = new SettingsRepository(jdbc);
        this.readMarkers = new ReadMarkerRepository(jdbc);
    }

    /** Opens (on first use: creates) the database of the vault's directory and brings its schema up to date. */
    public static AppDatabase open(UnlockedVault vault) throws StoreException {
        return open(vault, Clock.systemUTC());
    }

    public static AppDatabase open(UnlockedVault vault, Clock clock) throws StoreException {
        char[] filePassword = vault.h2FilePassword();
        char[] userPassword = vault.h2UserPassword();
        try {
            return open(vault.directory(), filePassword, userPassword, clock);
        } finally {
            Arrays.fill(filePassword, '\0');
            Arrays.fill(userPassword, '\0');
        }
    }

    /**
     * Opens with explicit H2 passwords. Package-private: the app always goes through the vault; tests use this to
     * try keys that do not belong to the file.
     *
     * <p>Why three steps: H2 does not refuse a damaged file. Its crash recovery falls back to the newest
     * consistent set of chunks and, when it finds none, to an empty database, which it then writes over the old
     * file. So (1) a new database is built under a temporary name, migrated, and only then renamed into place:
     * the real file always holds the schema. (2) An existing file is first opened read-only; if H2 finds no
     * schema in it, the file is damaged and is reported and left untouched. (3) Only then is it opened for
     * writing and migrated.
     */
    static AppDatabase open(Path directory, char[] filePassword, char[] userPassword, Clock clock)
            throws StoreException {
        Path dir = directory.toAbsolutePath().normalize();
        if (dir.toString().indexOf(';') >= 0) {
            // H2 would read the rest of the path as URL settings.
            throw new IllegalArgumentException("the data directory's path must not contain ';': " + dir);
        }
        char[] password = combined(filePassword, userPassword);
        try {
            Path file = dir.resolve(UnlockedVault.DATABASE_NAME + MV_SUFFIX);
            boolean fresh = !Files.exists(file);
            int appliedAtCreation = 0;
            int stored = SCHEMA;
            if (fresh) {
                appliedAtCreation = createInPlace(dir, password);
            } else {
                stored = probeReadOnly(dir, file, password);
            }
            JdbcConnectionPool pool = pool(url(dir, UnlockedVault.DATABASE_NAME, false), password);
            try {
                checkOpens(dir, pool, password);
                String version = String.valueOf(SCHEMA);
                int applied = appliedAtCreation;
                // Flyway only when there is something to migrate: reading its history and scanning the migrations
                // cost about 0.3 s of every cold start (twice: the agency's and the caseworker's store). A schema
                // from a newer Amtsdesk, or a history with a failed step, goes to Flyway too, which refuses it.
                if (stored != SCHEMA) {
                    Flyway flyway = flyway(pool);
                    refuseNewerSchema(flyway, dir);
                    MigrateResult result = migrate(flyway, dir);
                    version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                            : String.valueOf(flyway.info().current().getVersion());
                    applied += result.migrationsExecuted;
                }
                Jdbc jdbc = new Jdbc(pool, clock);
                AppDatabase database = new AppDatabase(dir, pool, password, version, applied, jdbc);
                int requeued = database.outbox.requeueInterrupted();
                LOG.info("local database {} in {} at schema {} ({} migrations applied{})",
                        fresh ? "created" : "opened", dir, version, database.migrationsApplied,
                        requeued == 0 ? "" : ", " + requeued + " interrupted sends queued again");
                return database;
            } catch (StoreException | RuntimeException e) {
                pool.dispose();
                throw e;
            }
        } catch (StoreException | RuntimeException e) {
            Arrays.fill(password, '\0');
            throw e;
        }
    }

    /**
     * The JDBC URL. CIPHER=AES on every URL (without it H2 calls an encrypted file corrupt). TRACE_LEVEL_FILE=0:
     * no .trace.db next to the database, which would hold statements in clear text. WRITE_DELAY=0: every commit
     * is written to the file when it commits (into the OS cache, not fsynced), so a crash of the app does not
     * lose a message the caseworker saw queued; H2's default would lose up to half a second of commits.
     * {@code async:} (H2's AsynchronousFileChannel file system): a thread interrupted while H2 writes for it (the
     * outbox or sync thread when the workstation locks) must not close the file under H2, which then refuses the
     * database as closed until the JVM ends and reports it as damaged on the next unlock.
     */
    private static String url(Path dir, String name, boolean readOnly) {
        return "jdbc:h2:async:" + dir.resolve(name) + ";CIPHER=AES;TRACE_LEVEL_FILE=0;TRACE_LEVEL_SYSTEM_OUT=0"
                + ";WRITE_DELAY=0" + (readOnly ? ";ACCESS_MODE_DATA=r" : "");
    }

    private static JdbcConnectionPool pool(String url, char[] password) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser(DB_USER);
        // The data source hands each new connection a clone; this array is zeroed when the database closes.
        dataSource.setPasswordChars(password);
        JdbcConnectionPool pool = JdbcConnectionPool.create(dataSource);
        pool.setMaxConnections(MAX_CONNECTIONS);
        return pool;
    }

    private static Flyway flyway(JdbcConnectionPool pool) {
        return Flyway.configure(AppDatabase.class.getClassLoader())
                .dataSource(pool)
                .locations("classpath:db/migration")
                .cleanDisabled(true)
                .load();
    }

    /** First connection on its own, so H2's refusals surface as H2 error codes rather than inside Flyway's. */
    private static void checkOpens(Path dir, JdbcConnectionPool pool, char[] password) throws StoreException {
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            throw classify(dir, password, e);
        }
    }

    /** Builds and migrates a new database under a temporary name, then renames it into place. */
    private static int createInPlace(Path dir, char[] password) throws StoreException {
        Path building = dir.resolve(BUILDING_NAME + MV_SUFFIX);
        try {
            // Left over from a start that crashed while creating: it never held data.
            Files.deleteIfExists(building);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, dir, "cannot remove an unfinished database", null, e);
        }
        char[] buildingPassword = password.clone();
        JdbcConnectionPool pool = pool(url(dir, BUILDING_NAME, false), buildingPassword);
        int applied;
        try {
            checkOpens(dir, pool, password);
            applied = migrate(flyway(pool), dir).migrationsExecuted;
        } finally {
            pool.dispose();
            Arrays.fill(buildingPassword, '\0');
        }
        try {
            // Durable before it gets its real name: a renamed file with missing pages would read as damaged.
            try (FileChannel channel = FileChannel.open(building, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(building, dir.resolve(UnlockedVault.DATABASE_NAME + MV_SUFFIX), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, dir, "cannot put the new database in place", null, e);
        }
        return applied;
    }

    /**
     * Opens an existing file read-only and checks that it holds a schema; H2 writes nothing in this mode.
     *
     * @return the schema version it is at, or -1 when its history holds a failed step (Flyway then decides)
     */
    private static int probeReadOnly(Path dir, Path file, char[] password) throws StoreException {
        try {
            if (Files.size(file) == 0) {
                throw new StoreException(StoreException.Kind.CORRUPT, dir, "the database file is empty", null, null);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, dir, "cannot read the database file", null, e);
        }
        char[] probePassword = password.clone();
        JdbcConnectionPool pool = pool(url(dir, UnlockedVault.DATABASE_NAME, true), probePassword);
        try (Connection connection = pool.getConnection()) {
            long tables = Jdbc.count(connection, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'flyway_schema_history'");
            if (tables == 0) {
                LOG.warn("local database in {} holds no schema: damaged, left as it is", dir);
                throw new StoreException(StoreException.Kind.CORRUPT, dir,
                        "the database file holds no Amtsdesk schema (damaged or truncated)", null, null);
            }
            return storedSchema(connection);
        } catch (SQLException e) {
            throw classify(dir, password, e);
        } finally {
            pool.dispose();
            Arrays.fill(probePassword, '\0');
        }
    }

    /** The highest version Flyway applied, or -1 if a step failed or a version is not a plain number. */
    private static int storedSchema(Connection connection) throws SQLException {
        int highest = 0;
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                        + " WHERE \"version\" IS NOT NULL")) {
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return -1;
                }
                try {
                    highest = Math.max(highest, Integer.parseInt(rows.getString(1)));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return highest;
    }

    /** Inspects the database file with the file half of H2's "file user" password. */
    private static H2FileInspection.Verdict inspect(Path dir, char[] password) {
        int space = 0;
        while (space < password.length && password[space] != ' ') {
            space++;
        }
        char[] filePassword = Arrays.copyOf(password, space);
        try {
            return H2FileInspection.inspect(dir.resolve(UnlockedVault.DATABASE_NAME + MV_SUFFIX), filePassword);
        } finally {
            Arrays.fill(filePassword, '\0');
        }
    }

    private static char[] combined(char[] filePassword, char[] userPassword) {
        char[] password = new char[filePassword.length + 1 + userPassword.length];
        System.arraycopy(filePassword, 0, password, 0, filePassword.length);
        password[filePassword.length] = ' ';
        System.arraycopy(userPassword, 0, password, filePassword.length + 1, userPassword.length);
        return password;
    }

    private static void refuseNewerSchema(Flyway flyway, Path dir) throws StoreException {
        try {
            for (MigrationInfo applied : flyway.info().applied()) {
                if (applied.getState() == MigrationState.FUTURE_SUCCESS
                        || applied.getState() == MigrationState.FUTURE_FAILED) {
                    throw new StoreException(StoreException.Kind.NEWER_SCHEMA, dir,
                            "the database has schema " + applied.getVersion() + " from a newer Amtsdesk", null, null);
                }
            }
        } catch (FlywayException e) {
            throw new StoreException(StoreException.Kind.MIGRATION_FAILED, dir, "cannot read the schema history",
                    null, e);
        }
    }

    private static MigrateResult migrate(Flyway flyway, Path dir) throws StoreException {
        try {
            return flyway.migrate();
        } catch (FlywayException e) {
            SQLException sql = sqlCause(e);
            throw new StoreException(StoreException.Kind.MIGRATION_FAILED, dir, "schema migration failed",
                    sql == null ? null : sql.getErrorCode(), e);
        }
    }

    private static SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /**
     * Turns H2's refusal to open into a kind the UI can name. H2 reports a damaged encrypted file with the same
     * code as a wrong key (90049), so for anything but the unambiguous codes the file itself is looked at
     * ({@link H2FileInspection}). The file is never deleted, reset or written here.
     */
    static StoreException classify(Path dir, char[] password, SQLException e) {
        int code = e.getErrorCode();
        StoreException.Kind kind = switch (code) {
            case ErrorCode.WRONG_USER_OR_PASSWORD -> StoreException.Kind.WRONG_KEY;
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> StoreException.Kind.IN_USE;
            case ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2, ErrorCode.FILE_CREATION_FAILED_1,
                    ErrorCode.FILE_RENAME_FAILED_2 -> StoreException.Kind.IO;
            default -> switch (inspect(dir, password)) {
                case KEY_DOES_NOT_FIT -> StoreException.Kind.WRONG_KEY;
                case UNREADABLE -> StoreException.Kind.IO;
                case NOT_AN_ENCRYPTED_H2_FILE, TOO_SHORT, KEY_FITS -> StoreException.Kind.CORRUPT;
            };
        };
        String detail = switch (kind) {
            case WRONG_KEY -> "the vault's keys do not open this database file";
            case CORRUPT -> "the database file is damaged or not an Amtsdesk database";
            case IN_USE -> "the database is open in another Amtsdesk";
            default -> "the database cannot be opened";
        };
        LOG.warn("local database in {} not opened: {} (H2 {})", dir, kind, code);
        return new StoreException(kind, dir, detail, code, StoreAccessException.withoutQuotedValues(e));
    }

    /**
     * Runs {@code work} in one transaction: repository calls inside it commit together or not at all (the
     * events of a sync batch together with its since token, say). Calls from other threads are not part of it.
     */
    public <T, X extends Exception> T inTransaction(StoreWork<T, X> work) throws X {
        return jdbc.transaction("transaction", work);
    }

    /** For tests in this package that look below the repositories (schema history, raw rows). */
    Jdbc jdbc() {
        return jdbc;
    }

    public AccountRepository accounts() {
        return accounts;
    }

    public SyncStateRepository syncState() {
        return syncState;
    }

    public RoomRepository rooms() {
        return rooms;
    }

    public EventRepository events() {
        return events;
    }

    public EncryptedRoomRepository encryptedRooms() {
        return encryptedRooms;
    }

    public OutboxRepository outbox() {
        return outbox;
    }

    /** Unsent drafts per case or room (schema 7). */
    /** The notice drafted per case, with the exact PDF bytes sign-off was requested for (schema 12). */
    public NoticeDraftRepository noticeDrafts() {
        return noticeDrafts;
    }

    public DraftRepository drafts() {
        return drafts;
    }

    /** Small named values of this profile (schema 8). */
    public SettingsRepository settings() {
        return settings;
    }

    /** Until when each citizen room was shown on this workstation (schema 8). */
    public ReadMarkerRepository readMarkers() {
        return readMarkers;
    }

    public Path directory() {
        return directory;
    }

    /** The Flyway schema version after opening ("1" for schema V1). */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** How many migrations this open applied (0 when the schema was current already). */
    public int migrationsAppliedAtOpen() {
        return migrationsApplied;
    }

    /** The file's size and how much of it is live data, as H2 reports them. */
    public StoreFileStatistics fileStatistics() {
        return jdbc.run("read file statistics", connection -> {
            long fileBytes = 0;
            int fill = 100;
            try (var statement = connection.createStatement(); var rows = statement.executeQuery(
                    "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                            + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.CHUNKS_FILL_RATE')")) {
                while (rows.next()) {
                    long value = Long.parseLong(rows.getString(2).strip());
                    if ("info.FILE_SIZE".equals(rows.getString(1))) {
                        fileBytes = value;
                    } else {
                        fill = (int) Math.clamp(value, 0, 100);
                    }
                }
            }
            return new StoreFileStatistics(fileBytes, fill);
        });
    }

    /** Closes the pool's connections, which closes the database file; zeroes the password held for the pool. */
    @Override
    public void close() {
        pool.dispose();
        Arrays.fill(password, '\0');
        LOG.info("local database in {} closed", directory);
    }

    /**
     * Closes like {@link #close()}, first compacting the file fully when {@code policy} finds it worth the time.
     * H2 writes the live data to a temporary file and swaps it in; an interrupted compaction is tidied up by the
     * next open. A compaction that fails leaves the file as it was and is only logged: closing must not fail.
     *
     * @return the file's size after closing, in bytes
     */
    public long close(CompactionPolicy policy) {
        Path file = directory.resolve(UnlockedVault.DATABASE_NAME + MV_SUFFIX);
        try {
            StoreFileStatistics before = fileStatistics();
            if (policy.worthCompacting(before)) {
                long start = System.nanoTime();
                jdbc.run("compact", connection -> {
                    try (var statement = connection.createStatement()) {
                        statement.execute("SHUTDOWN COMPACT");
                    }
                    return null;
                });
                LOG.info("local database in {} compacted from {} to {} bytes in {} ms", directory,
                        before.fileBytes(), sizeOf(file), (System.nanoTime() - start) / 1_000_000);
            }
        } catch (RuntimeException e) {
            // StoreAccessException, or the pool already gone: closing must not fail over a compaction.
            LOG.warn("local database in {} not compacted: {}", directory, e.getMessage());
        } finally {
            close();
        }
        return sizeOf(file);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
