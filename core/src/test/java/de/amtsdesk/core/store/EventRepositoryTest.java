package de.amtsdesk.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventRepositoryTest extends DatabaseFixture {

    private static final String ROOM = "!antrag:amt.example";
    private static final String OTHER = "!anderer:amt.example";
    private static final String RAW = "{\"type\":\"m.room.encrypted\",\"content\":{\"algorithm\":\"m.megolm.v1.aes-sha2\","
            + "\"ciphertext\":\"AwgAEnAcr\",\"session_id\":\"SESS\"}}";

    private static IncomingEvent text(String room, String eventId, String body) {
        return IncomingEvent.plaintext(room, eventId, "@erika:buerger.example", 1_000, "m.room.message",
                "{\"msgtype\":\"m.text\",\"body\":\"" + body + "\"}", "{\"event_id\":\"" + eventId + "\"}");
    }

    private static IncomingEvent utd(String room, String eventId, String session) {
        return IncomingEvent.undecryptable(room, eventId, "@erika:buerger.example", 2_000, RAW, session,
                "no room key for this session");
    }

    @Test
    void upsertingTheSameEventAgainChangesNothing() {
        assertThat(db.events().upsert(text(ROOM, "$1", "Hallo"))).isEqualTo(EventRepository.Upsert.INSERTED);
        long order = db.events().find("$1").orElseThrow().streamOrder();

        assertThat(db.events().upsert(text(ROOM, "$1", "Hallo"))).isEqualTo(EventRepository.Upsert.UNCHANGED);
        assertThat(db.events().upsertAll(List.of(text(ROOM, "$1", "Hallo"), text(ROOM, "$2", "Zwei"))))
                .containsExactly(EventRepository.Upsert.UNCHANGED, EventRepository.Upsert.INSERTED);

        assertThat(db.events().count(ROOM)).isEqualTo(2);
        assertThat(db.events().find("$1").orElseThrow().streamOrder()).isEqualTo(order);
    }

    /**
     * The batched path (one look-up per chunk, one JDBC batch of inserts) answers per event exactly like one upsert
     * after the other: order kept across more than one look-up chunk, a repeat within the batch unchanged, a stored
     * undecryptable event filled in, relations read.
     */
    @Test
    void aBatchOfAThousandEventsIsStoredLikeOneUpsertAfterTheOther() {
        db.events().upsert(utd(ROOM, "$late", "SESS"));
        db.events().upsert(text(ROOM, "$known", "schon da"));
        List<IncomingEvent> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            batch.add(text(i % 2 == 0 ? ROOM : OTHER, "$b" + i, "Nachricht " + i));
        }
        batch.add(300, text(ROOM, "$known", "schon da"));
        batch.add(700, IncomingEvent.decrypted(ROOM, "$late", "@erika:buerger.example", 2_000, "m.room.message",
                "{\"body\":\"jetzt lesbar\"}", RAW, "SESS", "UNVERIFIED_IDENTITY"));
        batch.add(text(ROOM, "$b0", "Nachricht 0"));
        batch.add(IncomingEvent.plaintext(ROOM, "$vote", "@erika:hs", 3, "m.poll.response",
                "{\"m.relates_to\":{\"rel_type\":\"m.reference\",\"event_id\":\"$b0\"}}", "{}"));

        List<EventRepository.Upsert> results = db.events().upsertAll(batch);

        assertThat(results).hasSize(batch.size());
        assertThat(results.get(300)).isEqualTo(EventRepository.Upsert.UNCHANGED);
        assertThat(results.get(700)).isEqualTo(EventRepository.Upsert.DECRYPTED);
        assertThat(results.get(batch.size() - 2)).as("a repeat within the batch").isEqualTo(EventRepository.Upsert.UNCHANGED);
        assertThat(results).filteredOn(r -> r == EventRepository.Upsert.INSERTED).hasSize(1_001);
        assertThat(db.events().find("$late").orElseThrow().contentJson()).contains("jetzt lesbar");
        assertThat(db.events().relatedTo("$b0")).extracting(StoredEvent::eventId).containsExactly("$vote");
        List<String> expected = new java.util.ArrayList<>(List.of("$late", "$known"));
        for (int i = 0; i < 1_000; i += 2) {
            expected.add("$b" + i);
        }
        expected.add("$vote");
        assertThat(db.events().timeline(ROOM, 2_000)).extracting(StoredEvent::eventId).containsExactlyElementsOf(expected);
        assertThat(db.events().count(OTHER)).isEqualTo(500);
    }

    @Test
    void theTimelineIsInArrivalOrderAndPagesBackwards() {
        for (int i = 1; i <= 5; i++) {
            db.events().upsert(text(ROOM, "$" + i, "Nachricht " + i));
            db.events().upsert(text(OTHER, "$x" + i, "anderswo"));
        }

        List<StoredEvent> latest = db.events().timeline(ROOM, 3);
        assertThat(latest).extracting(StoredEvent::eventId).containsExactly("$3", "$4", "$5");
        assertThat(latest).extracting(StoredEvent::streamOrder).isSorted();
        assertThat(db.events().timelineBefore(ROOM, latest.get(0).streamOrder(), 10)).extracting(StoredEvent::eventId)
                .containsExactly("$1", "$2");
    }

    @Test
    void anUndecryptableEventIsDecryptedLaterInPlace() {
        db.events().upsert(text(ROOM, "$1", "vorher"));
        db.events().upsert(utd(ROOM, "$2", "SESS"));
        db.events().upsert(utd(OTHER, "$3", "SESS"));
        db.events().upsert(utd(ROOM, "$4", "OTHER_SESSION"));
        db.events().upsert(text(ROOM, "$5", "nachher"));

        assertThat(db.events().undecryptable(ROOM)).extracting(StoredEvent::eventId).containsExactly("$2", "$4");
        assertThat(db.events().undecryptable(null)).extracting(StoredEvent::eventId).containsExactly("$2", "$3", "$4");
        assertThat(db.events().undecryptableInSession("SESS")).extracting(StoredEvent::eventId).containsExactly("$2", "$3");
        StoredEvent before = db.events().find("$2").orElseThrow();
        assertThat(before.eventType()).isEqualTo("m.room.encrypted");
        assertThat(before.contentJson()).isNull();
        assertThat(before.decryptionError()).isEqualTo("no room key for this session");

        assertThat(db.events().markDecrypted("$2", "m.room.message", "{\"body\":\"endlich lesbar\"}", "VERIFIED"))
                .isTrue();
        assertThat(db.events().markDecrypted("$2", "m.room.message", "{\"body\":\"nochmal\"}", "VERIFIED")).isFalse();
        assertThat(db.events().markDecrypted("$unknown", "m.room.message", "{}", null)).isFalse();

        StoredEvent after = db.events().find("$2").orElseThrow();
        assertThat(after.decryptionStatus()).isEqualTo(DecryptionStatus.DECRYPTED);
        assertThat(after.eventType()).isEqualTo("m.room.message");
        assertThat(after.contentJson()).contains("endlich lesbar");
        assertThat(after.verificationState()).isEqualTo("VERIFIED");
        assertThat(after.decryptionError()).isNull();
        assertThat(after.rawJson()).isEqualTo(RAW);
        assertThat(after.streamOrder()).isEqualTo(before.streamOrder());
        assertThat(db.events().timeline(ROOM, 10)).extracting(StoredEvent::eventId)
                .containsExactly("$1", "$2", "$4", "$5");
        assertThat(db.events().undecryptableInSession("SESS")).extracting(StoredEvent::eventId).containsExactly("$3");
    }

    @Test
    void aReadableCopyFillsInAnUndecryptableEventButNeverTheOtherWayRound() {
        db.events().upsert(utd(ROOM, "$1", "SESS"));
        IncomingEvent readable = IncomingEvent.decrypted(ROOM, "$1", "@erika:buerger.example", 2_000, "m.room.message",
                "{\"body\":\"jetzt\"}", RAW, "SESS", "UNVERIFIED_IDENTITY");

        assertThat(db.events().upsert(readable)).isEqualTo(EventRepository.Upsert.DECRYPTED);
        assertThat(db.events().upsert(utd(ROOM, "$1", "SESS"))).isEqualTo(EventRepository.Upsert.UNCHANGED);

        assertThat(db.events().find("$1").orElseThrow().contentJson()).contains("jetzt");
    }

    @Test
    void aFailedRetryUpdatesTheReason() {
        db.events().upsert(utd(ROOM, "$1", "SESS"));

        assertThat(db.events().updateDecryptionError("$1", "withheld by sender")).isTrue();

        assertThat(db.events().find("$1").orElseThrow().decryptionError()).isEqualTo("withheld by sender");
    }

    @Test
    void relationsAreReadFromClearContentOrFromTheClearPartOfAnEncryptedEvent() {
        db.events().upsert(IncomingEvent.plaintext(ROOM, "$poll", "@amt:hs", 1, "m.poll.start", "{\"m.poll\":{}}", "{}"));
        db.events().upsert(IncomingEvent.plaintext(ROOM, "$vote", "@erika:hs", 2, "m.poll.response",
                "{\"m.relates_to\":{\"rel_type\":\"m.reference\",\"event_id\":\"$poll\"}}", "{}"));
        db.events().upsert(IncomingEvent.undecryptable(ROOM, "$edit", "@erika:hs", 3,
                "{\"type\":\"m.room.encrypted\",\"content\":{\"ciphertext\":\"x\","
                        + "\"m.relates_to\":{\"rel_type\":\"m.replace\",\"event_id\":\"$poll\"}}}", "S", "no key"));
        db.events().upsert(text(ROOM, "$reply", "eine Antwort"));

        assertThat(db.events().relatedTo("$poll")).extracting(StoredEvent::eventId, StoredEvent::relationType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("$vote", "m.reference"),
                        org.assertj.core.groups.Tuple.tuple("$edit", "m.replace"));
        assertThat(db.events().find("$reply").orElseThrow().relatesToEventId()).isNull();
    }

    @Test
    void theLastMessageSkipsEditsAndStateEvents() {
        assertThat(db.events().lastMessage(ROOM)).isEmpty();
        db.events().upsert(text(ROOM, "$1", "erste"));
        db.events().upsert(text(ROOM, "$2", "zweite"));
        db.events().upsert(IncomingEvent.plaintext(ROOM, "$edit", "@erika:hs", 3, "m.room.message",
                "{\"body\":\"* erste\",\"m.relates_to\":{\"rel_type\":\"m.replace\",\"event_id\":\"$1\"}}", "{}"));
        db.events().upsert(IncomingEvent.plaintext(ROOM, "$member", "@erika:hs", 4, "m.room.member",
                "{\"membership\":\"leave\"}", "{}"));

        assertThat(db.events().lastMessage(ROOM)).hasValueSatisfying(e -> assertThat(e.eventId()).isEqualTo("$2"));

        db.events().upsert(utd(ROOM, "$5", "S"));
        assertThat(db.events().lastMessage(ROOM)).hasValueSatisfying(e -> assertThat(e.eventId()).isEqualTo("$5"));
    }

    @Test
    void toStringLeavesOutContent() {
        IncomingEvent event = text(ROOM, "$1", "Geheimer Antrag 4711");
        db.events().upsert(event);

        assertThat(event.toString()).contains("$1").doesNotContain("Geheimer");
        assertThat(db.events().find("$1").orElseThrow().toString()).contains("$1").doesNotContain("Geheimer");
    }
}
