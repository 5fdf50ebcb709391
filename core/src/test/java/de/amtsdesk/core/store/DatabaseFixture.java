package de.amtsdesk.core.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh vault and database per test, with a fixed clock. */
abstract class DatabaseFixture {

    static final Instant NOW = Instant.parse("2026-12-01T09:30:00Z");

    @TempDir
    Path tmp;

    UnlockedVault vault;
    AppDatabase db;

    @BeforeEach
    void openDatabase() throws Exception {
        vault = TestVaults.create(tmp.resolve("profile"), "Prüfung der Repositories");
        db = AppDatabase.open(vault, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
        if (vault != null) {
            vault.close();
        }
    }

    AppDatabase reopen() throws Exception {
        db.close();
        db = AppDatabase.open(vault, Clock.fixed(NOW, ZoneOffset.UTC));
        return db;
    }
}
