package de.amtsdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pending reply attributions (schema 7): added, listed until attributed once, removed, kept across reopening. */
class ReplyAttributionRepositoryTest {

    private static final String SHA = "a".repeat(64);

    @TempDir
    Path tmp;

    @Test
    void pendingUntilAttributedOnceAndKeptAcrossReopening() throws Exception {
        Path dir = tmp.resolve("ws");
        try (UnlockedVault vault = TestVaults.create(dir, "pw of this test");
                AppDatabase db = AppDatabase.open(vault.profile("staff"))) {
            ReplyAttributionRepository replies = ReplyAttributionRepository.of(db);
            replies.add("txn1", "$case", "text", null, SHA);
            replies.add("txn2", "$case", "template", "eingang", SHA);
            replies.add("txn3", "$case", "poll", null, SHA);
            assertThatThrownBy(() -> replies.add("txn4", "$case", "template", null, SHA))
                    .isInstanceOf(StoreAccessException.class);
            assertThatThrownBy(() -> replies.add("txn5", "$case", "fax", null, SHA))
                    .isInstanceOf(StoreAccessException.class);
            assertThat(replies.markAttributed("txn1", "staff-txn-1")).isTrue();
            assertThat(replies.markAttributed("txn1", "staff-txn-again")).isFalse();
            replies.remove("txn3");
        }
        try (UnlockedVault vault = TestVaults.unlock(dir, "pw of this test");
                AppDatabase db = AppDatabase.open(vault.profile("staff"))) {
            ReplyAttributionRepository replies = ReplyAttributionRepository.of(db);
            assertThat(replies.unattributed()).extracting(ReplyAttributionRepository.PendingAttribution::replyTxnId)
                    .containsExactly("txn2");
            assertThat(replies.all()).extracting(ReplyAttributionRepository.PendingAttribution::staffTxnId)
                    .containsExactlyInAnyOrder("staff-txn-1", null);
        }
    }
}
