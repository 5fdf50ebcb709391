package de.amtsdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts (schema 7): save, replace, load, delete; kept in the encrypted file across a close and an unlock. */
class DraftRepositoryTest {

    private static final String PASSPHRASE = "Entwürfe bleiben";

    @TempDir
    Path tmp;

    @Test
    void saveLoadReplaceDeleteAndSurviveReopening() throws Exception {
        Path dir = tmp.resolve("ws");
        String secret = "Sehr geehrte Frau Mustermann, ENTWURF-4711";
        try (UnlockedVault vault = TestVaults.create(dir, PASSPHRASE); AppDatabase db = AppDatabase.open(vault)) {
            DraftRepository drafts = db.drafts();
            assertThat(drafts.load("$case1")).isEmpty();
            drafts.save("$case1", "erste Fassung");
            drafts.save("$case1", secret);
            drafts.save("!room:test", "anderer Raum");
            assertThat(drafts.load("$case1")).map(DraftRepository.Draft::text).contains(secret);
            assertThat(drafts.all()).extracting(DraftRepository.Draft::key)
                    .containsExactlyInAnyOrder("$case1", "!room:test");
            assertThat(drafts.load("$case1").orElseThrow().toString()).doesNotContain("ENTWURF");
            assertThat(drafts.delete("!room:test")).isTrue();
            assertThat(drafts.delete("!room:test")).isFalse();
            drafts.save("$leer", "x");
            drafts.save("$leer", "");
            assertThat(drafts.load("$leer")).isEmpty();
            assertThatThrownBy(() -> drafts.save("", "x")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(TestVaults.contains(java.nio.file.Files.readAllBytes(dir.resolve("amtsdesk.mv.db")),
                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isFalse();
        try (UnlockedVault vault = TestVaults.unlock(dir, PASSPHRASE); AppDatabase db = AppDatabase.open(vault)) {
            assertThat(db.drafts().load("$case1")).map(DraftRepository.Draft::text).contains(secret);
            assertThat(db.drafts().all()).extracting(DraftRepository.Draft::key).containsExactly("$case1");
        }
    }
}
