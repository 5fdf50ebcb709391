package de.amtsdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.core.notice.NoticeAttachment;
import de.amtsdesk.core.store.NoticeDraftRepository.NoticeDraftState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notice drafts (schema 12): the exact bytes sign-off was requested for come back byte for byte after the store is
 * closed and unlocked again, and nothing of them is readable in the file.
 */
class NoticeDraftRepositoryTest {

    private static final String PASSPHRASE = "Bescheide bleiben";
    private static final NoticeAttachment CSV = new NoticeAttachment("Berechnung.csv", "text/csv",
            "Monat;Wohngeld\nJanuar;212,00\n".getBytes(StandardCharsets.UTF_8), NoticeAttachment.Relationship.DATA);

    @TempDir
    Path tmp;

    @Test
    void theRequestedAndSignedBytesSurviveReopeningEncrypted() throws Exception {
        Path dir = tmp.resolve("ws");
        byte[] requested = "%PDF-1.7 BESCHEID-ENTWURF-0815 %%EOF".getBytes(StandardCharsets.US_ASCII);
        byte[] signed = "%PDF-1.7 BESCHEID-SIGNIERT-0815 %%EOF".getBytes(StandardCharsets.US_ASCII);
        try (UnlockedVault vault = TestVaults.create(dir, PASSPHRASE); AppDatabase db = AppDatabase.open(vault)) {
            NoticeDraftRepository drafts = db.noticeDrafts();
            assertThat(drafts.load("$case1")).isEmpty();
            drafts.save(new NoticeDraftState("$case1", "general.decision", Map.of("case.due", "31.12.2026"), List.of(), null, 0,
                    null, false, Instant.EPOCH));
            assertThat(drafts.load("$case1").orElseThrow().requestedPdf()).isNull();
            drafts.save(new NoticeDraftState("$case1", "general.decision",
                    Map.of("case.due", "31.12.2026", "unit.contact", "Zimmer 4"), List.of(CSV), requested, 2, signed,
                    true,
                    Instant.EPOCH));
            drafts.save(new NoticeDraftState("$case2", "general.decision", Map.of(), List.of(), null, 0, null, false,
                    Instant.EPOCH));
            assertThat(drafts.delete("$case2")).isTrue();
            assertThat(drafts.delete("$case2")).isFalse();
            assertThat(drafts.load("$case1").orElseThrow().toString()).doesNotContain("Zimmer").doesNotContain("0815");
        }
        byte[] file = Files.readAllBytes(dir.resolve("amtsdesk.mv.db"));
        assertThat(TestVaults.contains(file, "BESCHEID-ENTWURF-0815".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(TestVaults.contains(file, "Zimmer 4".getBytes(StandardCharsets.UTF_8))).isFalse();
        try (UnlockedVault vault = TestVaults.unlock(dir, PASSPHRASE); AppDatabase db = AppDatabase.open(vault)) {
            NoticeDraftState back = db.noticeDrafts().load("$case1").orElseThrow();
            assertThat(back.templateId()).isEqualTo("general.decision");
            assertThat(back.gapValues()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("case.due", "31.12.2026", "unit.contact", "Zimmer 4"));
            assertThat(back.requestedPdf()).isEqualTo(requested);
            assertThat(back.requestedPages()).isEqualTo(2);
            assertThat(back.signedPdf()).isEqualTo(signed);
            assertThat(back.sent()).isTrue();
            assertThat(back.attachments()).singleElement().satisfies(a -> {
                assertThat(a.name()).isEqualTo("Berechnung.csv");
                assertThat(a.mimeType()).isEqualTo("text/csv");
                assertThat(a.relationship()).isEqualTo(NoticeAttachment.Relationship.DATA);
                assertThat(a.content()).isEqualTo(CSV.content());
            });
        }
    }

    @Test
    void aStateThatCannotBeSignedIsRefusedBeforeItIsStored() {
        assertThatThrownBy(() -> new NoticeDraftState("$c", "t", Map.of(), List.of(), null, 0, new byte[] {1}, false,
                Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NoticeDraftState("$c", "t", Map.of(), List.of(), new byte[] {1}, 0, null, false,
                Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    }
}
