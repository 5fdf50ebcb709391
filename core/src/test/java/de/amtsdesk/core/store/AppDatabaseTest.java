package de.amtsdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppDatabaseTest {

    private static final String PASSPHRASE = "Sachbearbeitung Wohngeld";
    private static final String TOKEN = "syt_YW10c2Rlc2s_TokenThatMustNeverBeOnDisk_1a2b3c";
    private static final String BODY = "Geheimer Antrag 4711";
    private static final String ROOM_NAME = "Erika Mustermann (Wohngeld)";
    private static final String ROOM = "!wohngeld:amt.example";

    @TempDir
    Path tmp;

    @Test
    void whatIsWrittenComesBackAfterReopeningAndNothingLiesOnDiskInTheClear() throws Exception {
        Path dir = tmp.resolve("profile");
        String txnId;
        byte[] cryptoKey;
        char[] h2File;
        try (UnlockedVault vault = TestVaults.create(dir, PASSPHRASE); AppDatabase db = AppDatabase.open(vault)) {
            cryptoKey = vault.cryptoStoreKey();
            h2File = vault.h2FilePassword();
            db.accounts().save(new StoredAccount("https://matrix.amt.example", "@wohngeld:amt.example", "AMTSDESK01",
                    TOKEN, "Wohngeldstelle"));
            db.rooms().upsert(new StoredRoom(ROOM, ROOM_NAME, true, StoredRoom.Membership.JOIN, 1_700_000_000_000L,
                    BODY, 1));
            db.events().upsert(IncomingEvent.decrypted(ROOM, "$ev1", "@erika:bürger.example", 1_700_000_000_000L,
                    "m.room.message", "{\"msgtype\":\"m.text\",\"body\":\"" + BODY + "\"}",
                    "{\"type\":\"m.room.encrypted\",\"content\":{\"ciphertext\":\"AwgAEpAB\"}}", "sess1", "VERIFIED"));
            txnId = db.outbox().enqueue(ROOM, "m.room.message", "{\"msgtype\":\"m.text\",\"body\":\"Antwort auf "
                    + BODY + "\"}", null);
            db.syncState().save("s1_2_3");
        }

        try (UnlockedVault vault = TestVaults.unlock(dir, PASSPHRASE); AppDatabase db = AppDatabase.open(vault)) {
            assertThat(db.accounts().load()).hasValueSatisfying(a -> {
                assertThat(a.accessToken()).isEqualTo(TOKEN);
                assertThat(a.deviceId()).isEqualTo("AMTSDESK01");
            });
            assertThat(db.rooms().find(ROOM)).hasValueSatisfying(r -> assertThat(r.displayName()).isEqualTo(ROOM_NAME));
            assertThat(db.events().timeline(ROOM, 10)).singleElement()
                    .satisfies(e -> assertThat(e.contentJson()).contains(BODY));
            assertThat(db.outbox().find(txnId)).hasValueSatisfying(m -> assertThat(m.state()).isEqualTo(OutboxState.QUEUED));
            assertThat(db.syncState().since()).contains("s1_2_3");
        }

        Map<Path, byte[]> files = TestVaults.files(dir);
        assertThat(files.keySet()).extracting(p -> p.getFileName().toString())
                .contains("vault.json", "amtsdesk.mv.db")
                .noneMatch(name -> name.endsWith(".trace.db"));
        List<byte[]> secrets = List.of(utf8(TOKEN), utf8(BODY), utf8(ROOM_NAME), utf16(TOKEN), utf16(BODY),
                utf8("Wohngeldstelle"), utf8("Antwort auf"), utf8("AwgAEpAB"), utf8("s1_2_3"), cryptoKey,
                utf8(new String(h2File)));
        files.forEach((path, bytes) -> {
            for (byte[] secret : secrets) {
                assertThat(TestVaults.contains(bytes, secret))
                        .as("%s must not contain %s", path.getFileName(), new String(secret, StandardCharsets.UTF_8))
                        .isFalse();
            }
        });
        // The scan can find things: the same check on the clear text does.
        assertThat(TestVaults.contains(utf8("x " + BODY + " y"), utf8(BODY))).isTrue();
    }

    @Test
    void aFreshDatabaseIsMigratedToTheLatestVersionAndReopeningRunsNoMigration() throws Exception {
        Path dir = tmp.resolve("profile");
        try (UnlockedVault vault = TestVaults.create(dir, PASSPHRASE)) {
            try (AppDatabase db = AppDatabase.open(vault)) {
                assertThat(db.schemaVersion()).isEqualTo("12");
                assertThat(db.migrationsAppliedAtOpen()).isEqualTo(12);
                assertThat(historyRows(db)).containsExactly("1:local store:true", "2:room directory:true",
                        "3:case model:true", "4:sticky room encryption:true", "5:message trust:true",
                        "6:older history:true", "7:drafts and reply attribution:true",
                        "8:workspace settings and read markers:true", "9:binary case snapshot:true",
                        "10:notice deliveries:true", "11:identity cache:true", "12:notice drafts:true");
            }
            try (AppDatabase db = AppDatabase.open(vault)) {
                assertThat(db.schemaVersion()).isEqualTo("12");
                assertThat(db.migrationsAppliedAtOpen()).isZero();
                assertThat(historyRows(db)).containsExactly("1:local store:true", "2:room directory:true",
                        "3:case model:true", "4:sticky room encryption:true", "5:message trust:true",
                        "6:older history:true", "7:drafts and reply attribution:true",
                        "8:workspace settings and read markers:true", "9:binary case snapshot:true",
                        "10:notice deliveries:true", "11:identity cache:true", "12:notice drafts:true");
            }
        }
        assertThat(dir.resolve("amtsdesk-creating.mv.db")).doesNotExist();
    }

    @Test
    void theSchemaAnOpenSkipsFlywayAtIsTheNewestMigrationShipped() throws Exception {
        java.net.URL folder = AppDatabase.class.getClassLoader().getResource("db/migration");
        assertThat(folder).isNotNull();
        int newest;
        try (var files = java.nio.file.Files.list(Path.of(folder.toURI()))) {
            newest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
        assertThat(AppDatabase.SCHEMA).isEqualTo(newest);
    }

    /** V11: the busy identity columns hand out values from a cache of 4,096, not H2's 32 (one store write each). */
    @Test
    void theBusyIdentityColumnsHaveLargeCaches() throws Exception {
        try (UnlockedVault vault = TestVaults.create(tmp.resolve("profile"), PASSPHRASE);
                AppDatabase db = AppDatabase.open(vault)) {
            List<String> caches = db.jdbc().run("sequence caches", c -> Jdbc.list(c,
                    row -> row.getString(1) + "." + row.getString(2) + "=" + row.getLong(3),
                    "SELECT TABLE_NAME, COLUMN_NAME, IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                            + " WHERE IS_IDENTITY = 'YES' AND TABLE_NAME IN ('EVENTS', 'CASE_AUDIT', 'SEARCH_DOCUMENT')"
                            + " ORDER BY TABLE_NAME"));
            assertThat(caches).containsExactly("CASE_AUDIT.SEQ=4096", "EVENTS.STREAM_ORDER=4096",
                    "SEARCH_DOCUMENT.DOC_ID=4096");
        }
    }

    @Test
    void aDatabaseOneSchemaBehindIsMigratedOnOpen() throws Exception {
        Path dir = tmp.resolve("profile");
        try (UnlockedVault vault = TestVaults.create(dir, PASSPHRASE)) {
            try (AppDatabase db = AppDatabase.open(vault)) {
                // As an Amtsdesk of schema 8 left it.
                db.jdbc().run("back to schema 8", c -> {
                    Jdbc.update(c, "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '12'");
                    Jdbc.update(c, "DROP TABLE notice_drafts");
                    Jdbc.update(c, "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '11'");
                    Jdbc.update(c, "DROP TABLE notice_deliveries");
                    Jdbc.update(c, "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '10'");
                    Jdbc.update(c, "ALTER TABLE case_fold_state DROP CONSTRAINT case_fold_state_one_snapshot");
                    Jdbc.update(c, "ALTER TABLE case_fold_state DROP COLUMN snapshot_data");
                    return Jdbc.update(c, "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '9'");
                });
            }
            try (AppDatabase db = AppDatabase.open(vault)) {
                assertThat(db.schemaVersion()).isEqualTo("12");
                assertThat(db.migrationsAppliedAtOpen()).isEqualTo(4);
                assertThat(historyRows(db)).endsWith("9:binary case snapshot:true",
                        "10:notice deliveries:true", "11:identity cache:true", "12:notice drafts:true");
            }
        }
    }

    @Test
    void aDatabaseFromANewerAmtsdeskIsRefused() throws Exception {
        Path dir = tmp.resolve("profile");
        try (UnlockedVault vault = TestVaults.create(dir, PASSPHRASE)) {
            try (AppDatabase db = AppDatabase.open(vault)) {
                db.jdbc().run("fake a newer schema", c -> Jdbc.update(c, """
                        INSERT INTO "flyway_schema_history" ("installed_rank", "version", "description", "type",
                            "script", "checksum", "installed_by", "execution_time", "success")
                        VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'test', 0, TRUE)"""));
            }
            assertThatThrownBy(() -> AppDatabase.open(vault))
                    .isInstanceOf(StoreException.class)
                    .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.NEWER_SCHEMA);
        }
    }

    @Test
    void aWrongFilePasswordIsAWrongKeyAndChangesNothing() throws Exception {
        Path dir = tmp.resolve("profile");
        char[] userPassword;
        try (UnlockedVault vault = TestVaults.create(dir, PASSPHRASE)) {
            AppDatabase.open(vault).close();
            userPassword = vault.h2UserPassword();
        }
        Map<String, String> before = TestVaults.fingerprint(dir);
        char[] wrongFilePassword = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef".toCharArray();

        assertThatThrownBy(() -> AppDatabase.open(dir, wrongFilePassword, userPassword, Clock.systemUTC()))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> {
                    StoreException s = (StoreException) e;
                    assertThat(s.kind()).isEqualTo(StoreException.Kind.WRONG_KEY);
                    assertThat(s.h2ErrorCode()).hasValue(90049);
                });
        assertThat(TestVaults.fingerprint(dir)).isEqualTo(before);
    }

    @Test
    void aWrongUserPasswordIsAWrongKey() throws Exception {
        Path dir = tmp.resolve("profile");
        char[] filePassword;
        try (UnlockedVault vault = TestVaults.create(dir, PASSPHRASE)) {
            AppDatabase.open(vault).close();
            filePassword = vault.h2FilePassword();
        }

        assertThatThrownBy(() -> AppDatabase.open(dir, filePassword, "nicht-der-richtige".toCharArray(),
                Clock.systemUTC()))
                .isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.WRONG_KEY);
    }

    @Test
    void theDatabaseOfAnotherVaultIsAWrongKey() throws Exception {
        Path mine = tmp.resolve("mine");
        Path theirs = tmp.resolve("theirs");
        try (UnlockedVault vault = TestVaults.create(theirs, PASSPHRASE)) {
            AppDatabase.open(vault).close();
        }
        try (UnlockedVault vault = TestVaults.create(mine, PASSPHRASE)) {
            Files.copy(theirs.resolve("amtsdesk.mv.db"), vault.databaseFile());
            assertThatThrownBy(() -> AppDatabase.open(vault))
                    .isInstanceOf(StoreException.class)
                    .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.WRONG_KEY);
            assertThat(vault.databaseFile()).exists();
        }
    }

    @Test
    void aTruncatedFileIsCorruptAndIsLeftAsItIs() throws Exception {
        Path dir = tmp.resolve("profile");
        try (UnlockedVault vault = TestVaults.create(dir, PASSPHRASE)) {
            fill(vault);
            byte[] bytes = Files.readAllBytes(vault.databaseFile());
            // Cut into the live chunks. (Since schema 3 the file has free space in its second half, so cutting it in
            // half no longer loses anything and H2 rightly opens it.)
            Files.write(vault.databaseFile(), Arrays.copyOf(bytes, bytes.length / 3 + 100));
            assertCorruptAndUntouched(vault, dir);

        }
        // Truncated on a block boundary, down to the store header: H2 on its own would start an empty database. A
        // fresh profile: H2 may hold the lock of the failed open above a moment longer (then it says "in use").
        Path second = tmp.resolve("profile-2");
        try (UnlockedVault vault = TestVaults.create(second, PASSPHRASE)) {
            fill(vault);
            byte[] bytes = Files.readAllBytes(vault.databaseFile());
            Files.write(vault.databaseFile(), Arrays.copyOf(bytes, 4 * 4096));
            assertCorruptAndUntouched(vault, second);
        }
    }

    @Test
    void aFileWithDamagedHeadersIsCorrupt() throws Exception {
        Path dir = tmp.resolve("profile");
        try (UnlockedVault vault = TestVaults.create(dir, PASSPHRASE)) {
            fill(vault);
            byte[] bytes = Files.readAllBytes(vault.databaseFile());
            Arrays.fill(bytes, 0, 3 * 4096, (byte) 0);
            Files.write(vault.databaseFile(), bytes);
            assertCorruptAndUntouched(vault, dir);

            Files.write(vault.databaseFile(), new byte[0]);
            assertCorruptAndUntouched(vault, dir);

            Files.writeString(vault.databaseFile(), "not a database at all, just text ".repeat(500));
            assertCorruptAndUntouched(vault, dir);
        }
    }

    @Test
    void whatWasCommittedSurvivesACrashAndInterruptedSendsAreQueuedAgain() throws Exception {
        Path live = tmp.resolve("live");
        Path copy = tmp.resolve("after-crash");
        Files.createDirectories(copy);
        String sending;
        try (UnlockedVault vault = TestVaults.create(live, PASSPHRASE); AppDatabase db = AppDatabase.open(vault)) {
            db.outbox().enqueue(ROOM, "m.room.message", "{\"body\":\"eins\"}", null);
            sending = db.outbox().nextPending().orElseThrow().txnId();
            db.outbox().markSending(sending);
            db.outbox().enqueue(ROOM, "m.room.message", "{\"body\":\"zwei\"}", null);
            // A copy taken while the database is open is what a crash (or a kill) leaves behind.
            Files.copy(live.resolve("vault.json"), copy.resolve("vault.json"));
            Files.copy(vault.databaseFile(), copy.resolve("amtsdesk.mv.db"));
        }

        try (UnlockedVault vault = TestVaults.unlock(copy, PASSPHRASE); AppDatabase db = AppDatabase.open(vault)) {
            assertThat(db.outbox().pendingCount()).isEqualTo(2);
            assertThat(db.outbox().find(sending)).hasValueSatisfying(m -> {
                assertThat(m.state()).isEqualTo(OutboxState.QUEUED);
                assertThat(m.attempts()).isEqualTo(1);
            });
            assertThat(db.outbox().nextPending()).hasValueSatisfying(m -> assertThat(m.txnId()).isEqualTo(sending));
        }
    }

    @Test
    void aTransactionCommitsAllOrNothing() throws Exception {
        try (UnlockedVault vault = TestVaults.create(tmp.resolve("profile"), PASSPHRASE);
                AppDatabase db = AppDatabase.open(vault)) {
            IncomingEvent first = plain("$a", "eins");
            IncomingEvent second = plain("$b", "zwei");

            assertThatThrownBy(() -> db.inTransaction(() -> {
                db.events().upsertAll(List.of(first, second));
                db.syncState().save("batch-2");
                throw new IOException("sync answer broke off");
            })).isInstanceOf(IOException.class).hasMessage("sync answer broke off");
            assertThat(db.events().count(ROOM)).isZero();
            assertThat(db.syncState().since()).isEmpty();

            String result = db.inTransaction(() -> {
                db.events().upsertAll(List.of(first, second));
                db.syncState().save("batch-2");
                return "ok";
            });
            assertThat(result).isEqualTo("ok");
            assertThat(db.events().count(ROOM)).isEqualTo(2);
            assertThat(db.syncState().since()).contains("batch-2");
        }
    }

    @Test
    void aLeftoverFromAnInterruptedCreationIsReplaced() throws Exception {
        Path dir = tmp.resolve("profile");
        try (UnlockedVault vault = TestVaults.create(dir, PASSPHRASE)) {
            Files.writeString(dir.resolve("amtsdesk-creating.mv.db"), "half-made");
            try (AppDatabase db = AppDatabase.open(vault)) {
                assertThat(db.schemaVersion()).isEqualTo("12");
            }
            assertThat(dir.resolve("amtsdesk-creating.mv.db")).doesNotExist();
        }
    }

    @Test
    void aPathThatH2WouldMisreadIsRefused() throws Exception {
        try (UnlockedVault vault = TestVaults.create(tmp.resolve("a;IFEXISTS=TRUE"), PASSPHRASE)) {
            assertThatThrownBy(() -> AppDatabase.open(vault)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void storeErrorsDoNotQuoteTheValuesThatFailed() throws Exception {
        try (UnlockedVault vault = TestVaults.create(tmp.resolve("profile"), PASSPHRASE);
                AppDatabase db = AppDatabase.open(vault)) {
            String tooLong = BODY + " ".repeat(300);
            StoredAccount account = new StoredAccount("https://hs", "@u:hs", "DEV", TOKEN, tooLong.repeat(4));

            assertThatThrownBy(() -> db.accounts().save(account))
                    .isInstanceOf(StoreAccessException.class)
                    .satisfies(e -> {
                        assertThat(((StoreAccessException) e).h2ErrorCode()).isEqualTo(22001);
                        assertThat(stackTraceOf(e)).doesNotContain(BODY).doesNotContain(TOKEN);
                    });
        }
    }

    @Test
    void closingWithACompactionGivesBackTheDeadChunksAndKeepsTheData() throws Exception {
        Path dir = tmp.resolve("profile");
        Path file = dir.resolve("amtsdesk.mv.db");
        long before;
        long compacted;
        try (UnlockedVault vault = TestVaults.create(dir, PASSPHRASE)) {
            AppDatabase db = AppDatabase.open(vault);
            churn(db);
            StoreFileStatistics statistics = db.fileStatistics();
            before = Files.size(file);
            // H2's figure may lag the file by the block being written.
            assertThat(statistics.fileBytes()).isCloseTo(before, org.assertj.core.data.Offset.offset(64L << 10));
            assertThat(statistics.chunkFillPercent()).isLessThan(60);

            compacted = db.close(new CompactionPolicy(0, 40));
        }

        assertThat(compacted).isEqualTo(Files.size(file)).isLessThan(before / 10);
        try (UnlockedVault vault = TestVaults.unlock(dir, PASSPHRASE); AppDatabase db = AppDatabase.open(vault)) {
            for (int key = 0; key < CHURN_KEYS; key++) {
                assertThat(db.settings().get("key-" + key)).contains(churnValue(key, CHURN_ROUNDS - 1));
            }
            assertThat(db.fileStatistics().chunkFillPercent()).isGreaterThan(80);
        }
    }

    @Test
    void aWriterInterruptedMidWriteNeitherBreaksTheDatabaseNorTheNextOpen() throws Exception {
        Path dir = tmp.resolve("profile");
        try (UnlockedVault vault = TestVaults.create(dir, PASSPHRASE)) {
            AppDatabase db = AppDatabase.open(vault);
            java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread writer = Thread.ofPlatform().start(() -> {
                // As the outbox thread does: store writes until interrupted, interrupts landing anywhere.
                for (int i = 0; !stop.get(); i++) {
                    try {
                        db.settings().put("key-" + (i % 50), churnValue(i % 50, i));
                        written.incrementAndGet();
                    } catch (RuntimeException e) {
                        return;
                    }
                    Thread.interrupted();
                }
            });
            for (int i = 0; i < 200 && writer.isAlive(); i++) {
                writer.interrupt();
                Thread.sleep(2);
            }
            stop.set(true);
            writer.join(30_000);
            assertThat(written.get()).as("writes happened between the interrupts").isPositive();
            // The database still works after the interrupts, and closes and opens again.
            db.settings().put("after", "noch da");
            db.close();
            try (AppDatabase again = AppDatabase.open(vault)) {
                assertThat(again.settings().get("after")).contains("noch da");
            }
        }
    }

    @Test
    void theCompactionPolicyWantsABigFileWithMuchToGiveBack() {
        CompactionPolicy policy = CompactionPolicy.AT_EXIT;
        long big = 250L << 20;

        assertThat(policy.worthCompacting(new StoreFileStatistics(big, 57))).isTrue();
        assertThat(policy.worthCompacting(new StoreFileStatistics(big, 60))).isTrue();
        assertThat(policy.worthCompacting(new StoreFileStatistics(big, 61))).isFalse();
        assertThat(policy.worthCompacting(new StoreFileStatistics(63L << 20, 10))).isFalse();
        assertThat(new StoreFileStatistics(big, 40).liveBytesEstimate()).isEqualTo(100L << 20);
    }

    private static final int CHURN_KEYS = 20;
    private static final int CHURN_ROUNDS = 100;

    /** Rewrites the same values again and again, one commit each: the file fills with dead chunks. */
    private static void churn(AppDatabase db) {
        for (int round = 0; round < CHURN_ROUNDS; round++) {
            for (int key = 0; key < CHURN_KEYS; key++) {
                db.settings().put("key-" + key, churnValue(key, round));
            }
        }
    }

    private static String churnValue(int key, int round) {
        return ("Wert " + key + " in Runde " + round + " ").repeat(60);
    }

    private static void fill(UnlockedVault vault) throws StoreException {
        try (AppDatabase db = AppDatabase.open(vault)) {
            for (int i = 0; i < 30; i++) {
                db.events().upsert(IncomingEvent.plaintext(ROOM, "$e" + i, "@a:hs", i, "m.room.message",
                        "{\"body\":\"Nachricht " + i + "\"}", "{}"));
            }
        }
    }

    private static void assertCorruptAndUntouched(UnlockedVault vault, Path dir) {
        Map<String, String> before = TestVaults.fingerprint(dir);
        assertThatThrownBy(() -> AppDatabase.open(vault))
                .isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.CORRUPT);
        assertThat(TestVaults.fingerprint(dir)).isEqualTo(before);
    }

    private static List<String> historyRows(AppDatabase db) {
        return db.jdbc().run("read history", c -> Jdbc.list(c,
                row -> row.getString(1) + ":" + row.getString(2) + ":" + row.getBoolean(3),
                // Flyway 13 also records the creation of its table, as a row without a version.
                "SELECT \"version\", \"description\", \"success\" FROM \"flyway_schema_history\""
                        + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\""));
    }

    private static IncomingEvent plain(String eventId, String body) {
        return IncomingEvent.plaintext(ROOM, eventId, "@a:hs", 1, "m.room.message", "{\"body\":\"" + body + "\"}", "{}");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    static String stackTraceOf(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
