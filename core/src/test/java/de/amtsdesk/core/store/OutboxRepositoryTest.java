package de.amtsdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutboxRepositoryTest extends DatabaseFixture {

    private static final String A = "!a:amt.example";
    private static final String B = "!b:amt.example";

    private String send(String room, String body) {
        return db.outbox().enqueue(room, "m.room.message", "{\"msgtype\":\"m.text\",\"body\":\"" + body + "\"}", null);
    }

    @Test
    void transactionIdsAreUniqueAndRecognisable() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ids.add(OutboxRepository.newTxnId());
        }
        assertThat(ids).hasSize(200).allMatch(id -> id.matches("amtsdesk-[A-Za-z0-9_-]{22}"));
    }

    @Test
    void messagesGoInTheOrderTheyWereWritten() {
        String first = send(A, "eins");
        String second = send(A, "zwei");
        String third = send(A, "drei");

        for (String expected : new String[] {first, second, third}) {
            OutboxMessage next = db.outbox().nextPending(A).orElseThrow();
            assertThat(next.txnId()).isEqualTo(expected);
            assertThat(db.outbox().markSending(next.txnId())).isTrue();
            assertThat(db.outbox().markSent(next.txnId(), "$ev-" + expected)).isTrue();
        }
        assertThat(db.outbox().nextPending(A)).isEmpty();
        assertThat(db.outbox().pendingCount()).isZero();
    }

    @Test
    void aMessageDoesNotOvertakeOneThatIsSendingOrFailedButOtherRoomsGoOn() {
        String a1 = send(A, "a1");
        String a2 = send(A, "a2");
        String b1 = send(B, "b1");

        assertThat(db.outbox().nextPending().orElseThrow().txnId()).isEqualTo(a1);
        db.outbox().markSending(a1);
        assertThat(db.outbox().nextPending(A)).isEmpty();
        assertThat(db.outbox().nextPending().orElseThrow().txnId()).isEqualTo(b1);

        db.outbox().markFailed(a1, "M_LIMIT_EXCEEDED");
        assertThat(db.outbox().nextPending(A)).isEmpty();
        db.outbox().markSending(b1);
        assertThat(db.outbox().nextPending()).isEmpty();

        assertThat(db.outbox().retry(a1)).isTrue();
        OutboxMessage again = db.outbox().nextPending().orElseThrow();
        assertThat(again.txnId()).isEqualTo(a1);
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(again.lastError()).isEqualTo("M_LIMIT_EXCEEDED");
        db.outbox().markSending(a1);
        db.outbox().markSent(a1, "$a1");
        assertThat(db.outbox().nextPending(A).orElseThrow().txnId()).isEqualTo(a2);
        assertThat(db.outbox().find(a1).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void markingSentTwiceIsHarmlessAndALateFailureDoesNotUndoIt() {
        String txn = send(A, "einmal");
        db.outbox().markSending(txn);

        assertThat(db.outbox().markSent(txn, "$first")).isTrue();
        assertThat(db.outbox().markSent(txn, "$second")).isFalse();
        assertThat(db.outbox().markFailed(txn, "timeout")).isFalse();
        assertThat(db.outbox().retry(txn)).isFalse();
        assertThat(db.outbox().discard(txn)).isFalse();

        OutboxMessage sent = db.outbox().find(txn).orElseThrow();
        assertThat(sent.state()).isEqualTo(OutboxState.SENT);
        assertThat(sent.eventId()).isEqualTo("$first");
        assertThat(sent.lastError()).isNull();
    }

    @Test
    void aSuccessAfterAReportedFailureCounts() {
        String txn = send(A, "doch angekommen");
        db.outbox().markSending(txn);
        db.outbox().markFailed(txn, "timeout");

        assertThat(db.outbox().markSent(txn, "$late")).isTrue();
        assertThat(db.outbox().pendingCount(A)).isZero();
    }

    @Test
    void onlyAQueuedMessageCanBeTakenForSending() {
        String txn = send(A, "x");

        assertThat(db.outbox().markSending(txn)).isTrue();
        assertThat(db.outbox().markSending(txn)).isFalse();
        assertThat(db.outbox().retry(txn)).isFalse();
        assertThat(db.outbox().find(txn).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void anUnsentMessageCanBeDiscardedAndStopsHoldingUpItsRoom() {
        String stuck = send(A, "zu groß");
        String next = send(A, "danach");
        db.outbox().markSending(stuck);
        db.outbox().markFailed(stuck, "M_TOO_LARGE");

        assertThat(db.outbox().discard(stuck)).isTrue();

        assertThat(db.outbox().nextPending(A).orElseThrow().txnId()).isEqualTo(next);
        assertThat(db.outbox().find(stuck)).isEmpty();
    }

    @Test
    void pendingMessagesAreCountedAndListedPerRoom() {
        String a1 = send(A, "a1");
        send(A, "a2");
        send(B, "b1");
        db.outbox().markSending(a1);
        db.outbox().markSent(a1, "$a1");

        assertThat(db.outbox().pendingCount()).isEqualTo(2);
        assertThat(db.outbox().pendingCount(A)).isEqualTo(1);
        assertThat(db.outbox().unsent(A)).extracting(OutboxMessage::contentJson).singleElement().asString()
                .contains("a2");
    }

    @Test
    void anInterruptedSendIsQueuedAgainOnTheNextOpen() throws Exception {
        String txn = db.outbox().enqueue(A, "m.room.message", "{}", "/home/amt/Bescheid.pdf");
        db.outbox().markSending(txn);

        OutboxMessage after = reopen().outbox().find(txn).orElseThrow();

        assertThat(after.state()).isEqualTo(OutboxState.QUEUED);
        assertThat(after.attachmentPath()).isEqualTo("/home/amt/Bescheid.pdf");
        assertThat(after.createdAt()).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void toStringLeavesOutTheContent() {
        String txn = send(A, "Geheimer Antrag 4711");
        assertThat(db.outbox().find(txn).orElseThrow().toString()).contains(txn).doesNotContain("Geheimer");
    }
}
