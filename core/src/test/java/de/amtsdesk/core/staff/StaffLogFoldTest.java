package de.amtsdesk.core.staff;

import static de.amtsdesk.core.staff.StoreFixture.AMT;
import static de.amtsdesk.core.staff.StoreFixture.ANNA;
import static de.amtsdesk.core.staff.StoreFixture.BEN;
import static de.amtsdesk.core.staff.StoreFixture.LEAD;
import static de.amtsdesk.core.staff.StoreFixture.STAFF_ROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.UnitConfig;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.AuditQuery;
import de.amtsdesk.core.cases.audit.Rejection;
import de.amtsdesk.core.store.SearchIndexRepository;
import de.amtsdesk.core.store.CaseFoldStateRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fold over the encrypted store: order, persistence, restart, waiting for keys, citizen activity, search. */
class StaffLogFoldTest {

    private static final UnitConfig CONFIG = UnitConfig.defaults("BA");
    private static final String CITIZEN_ROOM = "!buerger:amt.example";
    private static final String CITIZEN = "@erika:bund.example";

    @TempDir
    Path tmp;

    @Test
    void foldsTheStoredStaffLogInOrderAndKeepsTheAuditInTheStore() throws Exception {
        try (StoreFixture store = StoreFixture.create(tmp.resolve("anna")).standardRoom()) {
            String id = store.send(LEAD, OutgoingStaffEvents.created(CITIZEN_ROOM, CITIZEN, "Erika Mustermann"));
            store.send(LEAD, OutgoingStaffEvents.typed(id, "housing.wohngeld.apply"));
            store.send(LEAD, OutgoingStaffEvents.assign(id, ANNA));
            String sneaky = store.send(BEN, OutgoingStaffEvents.assign(id, BEN));
            store.send(ANNA, OutgoingStaffEvents.note(id, "Mietvertrag liegt vor, Einkommensnachweis fehlt"));
            store.send(ANNA, OutgoingStaffEvents.tag(id, List.of("wohngeld", "eilig"), List.of()));

            StaffLogFold fold = StaffLogFold.open(store.db, STAFF_ROOM, CONFIG, null);
            StaffLogFold.Progress progress = fold.catchUp();

            assertThat(progress.staffEvents()).isEqualTo(10);
            assertThat(progress.blocked()).isEmpty();
            Case c = fold.book().find(id).orElseThrow();
            assertThat(c.type()).isEqualTo("housing.wohngeld.apply");
            assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
            assertThat(c.assignee()).isEqualTo(ANNA);
            assertThat(c.tags()).containsExactly("eilig", "wohngeld");
            assertThat(c.reference()).isEqualTo("BA-2026-00001");
            List<AuditEntry> rejected = fold.audit().query(AuditQuery.all().withOutcome(AuditEntry.Outcome.REJECTED));
            assertThat(rejected).singleElement().satisfies(e -> {
                assertThat(e.eventId()).isEqualTo(sneaky);
                assertThat(e.rejection()).isEqualTo(Rejection.ALREADY_ASSIGNED);
                assertThat(e.actor()).isEqualTo(BEN);
            });
            assertThat(fold.audit().query(AuditQuery.all().forCase(id))).hasSize(6);
            assertThat(fold.search("einkommens fehlt", 10)).singleElement().satisfies(hit -> {
                assertThat(hit.caseId()).isEqualTo(id);
                assertThat(hit.kind()).isEqualTo(SearchIndexRepository.Kind.NOTE);
            });

            // A second pass finds nothing new.
            assertThat(fold.catchUp().staffEvents()).isZero();
        }
    }

    @Test
    void aRestartRestoresTheSnapshotAndContinuesAfterIt() throws Exception {
        Path dir = tmp.resolve("anna");
        String id;
        long auditBefore;
        try (StoreFixture store = StoreFixture.create(dir).standardRoom()) {
            id = store.send(LEAD, OutgoingStaffEvents.created(CITIZEN_ROOM, CITIZEN, null));
            store.send(LEAD, OutgoingStaffEvents.assign(id, ANNA));
            StaffLogFold fold = StaffLogFold.open(store.db, STAFF_ROOM, CONFIG, null);
            fold.catchUp();
            fold.checkpoint();
            auditBefore = fold.audit().size();
            store.send(LEAD, OutgoingStaffEvents.typed(id, "housing.wohngeld.apply"));
        }
        try (StoreFixture store = StoreFixture.reopen(dir)) {
            StaffLogFold fold = StaffLogFold.open(store.db, STAFF_ROOM, CONFIG, null);
            assertThat(fold.book().find(id).orElseThrow().assignee()).isEqualTo(ANNA);
            assertThat(fold.book().find(id).orElseThrow().type()).isNull();

            assertThat(fold.catchUp().staffEvents()).as("only the event after the snapshot").isEqualTo(1);
            assertThat(fold.book().find(id).orElseThrow().type()).isEqualTo("housing.wohngeld.apply");
            assertThat(fold.audit().size()).isEqualTo(auditBefore + 1);
        }
    }

    @Test
    void aSnapshotStoredAsJsonBeforeSchema9IsRestoredAndTheNextCheckpointWritesTheBinaryForm() throws Exception {
        Path dir = tmp.resolve("anna");
        String id;
        try (StoreFixture store = StoreFixture.create(dir).standardRoom()) {
            id = store.send(LEAD, OutgoingStaffEvents.created(CITIZEN_ROOM, CITIZEN, "Erika"));
            store.send(LEAD, OutgoingStaffEvents.assign(id, ANNA));
            StaffLogFold fold = StaffLogFold.open(store.db, STAFF_ROOM, CONFIG, null);
            fold.catchUp();
            fold.checkpoint();
            // As an older Amtsdesk left it: the same state, the snapshot as format-1 JSON.
            CaseFoldStateRepository states = CaseFoldStateRepository.of(store.db);
            CaseFoldStateRepository.FoldState binary = states.load().orElseThrow();
            assertThat(binary.snapshotFormat()).isEqualTo(SnapshotCodec.BINARY_FORMAT);
            states.save(new CaseFoldStateRepository.FoldState(binary.staffRoomId(), SnapshotCodec.FORMAT,
                    SnapshotCodec.encode(fold.book().snapshot()), null, binary.lastStaffEventId(),
                    binary.staffCursor(), binary.citizenSource(), binary.citizenCursor()));
        }
        try (StoreFixture store = StoreFixture.reopen(dir)) {
            StaffLogFold fold = StaffLogFold.open(store.db, STAFF_ROOM, CONFIG, null);
            assertThat(fold.book().find(id).orElseThrow().assignee()).isEqualTo(ANNA);
            assertThat(fold.book().find(id).orElseThrow().citizenName()).isEqualTo("Erika");
            assertThat(fold.catchUp().staffEvents()).as("nothing folded twice").isZero();

            fold.checkpoint();

            CaseFoldStateRepository.FoldState saved = CaseFoldStateRepository.of(store.db).load().orElseThrow();
            assertThat(saved.snapshotFormat()).isEqualTo(SnapshotCodec.BINARY_FORMAT);
            assertThat(saved.snapshotJson()).isNull();
            assertThat(SnapshotCodec.decodeBinary(saved.snapshotData())).isEqualTo(fold.book().snapshot());
        }
    }

    @Test
    void presenceSignalsReachTheBoardWithoutTouchingTheBookOrTheAuditAndOnlyFromEncryptedMembers() throws Exception {
        try (StoreFixture store = StoreFixture.create(tmp.resolve("anna")).standardRoom()) {
            String id = store.send(LEAD, OutgoingStaffEvents.created(CITIZEN_ROOM, CITIZEN, null));
            StaffLogFold fold = StaffLogFold.open(store.db, STAFF_ROOM, CONFIG, null);
            List<de.amtsdesk.core.staff.presence.StaffPresence> seen = new java.util.ArrayList<>();
            fold.onPresence(seen::add);
            fold.catchUp();
            long audit = fold.audit().size();
            java.time.Instant at = java.time.Instant.ofEpochMilli(StoreFixture.tick());
            String content = de.amtsdesk.core.staff.presence.PresenceEvents.content(id,
                    de.amtsdesk.core.staff.presence.StaffPresence.Activity.WRITING, at,
                    java.time.Duration.ofHours(1)).toString();
            store.decrypted(STAFF_ROOM, BEN, de.amtsdesk.core.staff.presence.PresenceEvents.TYPE, content);
            store.plaintext(ANNA, de.amtsdesk.core.staff.presence.PresenceEvents.TYPE, content); // unencrypted
            store.decrypted(STAFF_ROOM, "@stranger:evil.example", de.amtsdesk.core.staff.presence.PresenceEvents.TYPE,
                    content); // not in the unit

            assertThat(fold.catchUp().staffEvents()).isEqualTo(3);

            assertThat(seen).extracting(s -> s.userId() + " " + s.caseId() + " " + s.activity())
                    .containsExactly(BEN + " " + id + " WRITING");
            assertThat(fold.audit().size()).as("no audit entry").isEqualTo(audit);
            assertThat(fold.book().find(id).orElseThrow().notes()).isEmpty();
        }
    }

    @Test
    void aListenerIsToldOnlyOnceTheChunkIsCommittedSoWhatItReadsFromTheStoreIsThere() throws Exception {
        try (StoreFixture store = StoreFixture.create(tmp.resolve("anna")).standardRoom()) {
            String id = store.send(LEAD, OutgoingStaffEvents.created(CITIZEN_ROOM, CITIZEN, null));
            StaffLogFold fold = StaffLogFold.open(store.db, STAFF_ROOM, CONFIG, null);
            List<String> seenInStore = new java.util.concurrent.CopyOnWriteArrayList<>();
            fold.addListener(new de.amtsdesk.core.cases.CaseBookListener() {
                @Override
                public void caseChanged(Case before, Case after) {
                    // On another thread, as the case panel's background read: only committed rows are visible there.
                    Thread reader = Thread.ofPlatform().start(() -> seenInStore.add(after.id() + ":"
                            + fold.audit().forEvent(after.id()).size()));
                    try {
                        reader.join(10_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });

            fold.catchUp();

            assertThat(seenInStore).containsExactly(id + ":1");
        }
    }

    @Test
    void eventsFoldedAgainAfterACrashChangeNothingAndAddNoAuditEntry() throws Exception {
        Path dir = tmp.resolve("anna");
        String id;
        List<AuditEntry> auditAtCrash;
        try (StoreFixture store = StoreFixture.create(dir).standardRoom()) {
            id = store.send(LEAD, OutgoingStaffEvents.created(CITIZEN_ROOM, CITIZEN, null));
            StaffLogFold fold = StaffLogFold.open(store.db, STAFF_ROOM, CONFIG, null);
            fold.catchUp();
            fold.checkpoint();
            store.send(LEAD, OutgoingStaffEvents.assign(id, ANNA));
            store.send(ANNA, OutgoingStaffEvents.note(id, "Rückruf vereinbart"));
            store.send(BEN, OutgoingStaffEvents.assign(id, BEN)); // rejected: held by Anna
            fold.catchUp(); // folded and audited, but no snapshot: the process dies here
            auditAtCrash = fold.audit().all();
        }
        try (StoreFixture store = StoreFixture.reopen(dir)) {
            StaffLogFold fold = StaffLogFold.open(store.db, STAFF_ROOM, CONFIG, null);
            assertThat(fold.book().find(id).orElseThrow().assignee()).as("the snapshot is from before").isNull();
            assertThat(fold.catchUp().staffEvents()).isEqualTo(3);

            Case c = fold.book().find(id).orElseThrow();
            assertThat(c.assignee()).isEqualTo(ANNA);
            assertThat(c.notes()).hasSize(1);
            assertThat(fold.audit().all()).isEqualTo(auditAtCrash);
            assertThat(fold.search("rückruf", 10)).hasSize(1);
        }
    }

    @Test
    void theStaffLogWaitsForAMissingKeyAndGoesOnWhenItComes() throws Exception {
        try (StoreFixture store = StoreFixture.create(tmp.resolve("anna")).standardRoom()) {
            String id = store.send(LEAD, OutgoingStaffEvents.created(CITIZEN_ROOM, CITIZEN, null));
            String late = store.undecryptable(STAFF_ROOM, LEAD, "MISSING_ROOM_KEY");
            store.send(LEAD, OutgoingStaffEvents.assign(id, BEN));
            StaffLogFold fold = StaffLogFold.open(store.db, STAFF_ROOM, CONFIG, null);

            StaffLogFold.Progress waiting = fold.catchUp();
            assertThat(waiting.blocked()).hasValueSatisfying(b -> {
                assertThat(b.eventId()).isEqualTo(late);
                assertThat(b.problem()).isEqualTo("MISSING_ROOM_KEY");
            });
            assertThat(fold.book().find(id).orElseThrow().assignee()).as("nothing after the gap").isNull();

            store.keyArrives(late, OutgoingStaffEvents.assign(id, ANNA));
            StaffLogFold.Progress after = fold.catchUp();
            assertThat(after.blocked()).isEmpty();
            assertThat(after.staffEvents()).isEqualTo(2);
            assertThat(fold.book().find(id).orElseThrow().assignee()).as("Anna first, then Ben").isEqualTo(BEN);
        }
    }

    @Test
    void anUndecryptableForgeryIsRejectedAndAnUnencryptedCaseEventToo() throws Exception {
        try (StoreFixture store = StoreFixture.create(tmp.resolve("anna")).standardRoom()) {
            String id = store.send(LEAD, OutgoingStaffEvents.created(CITIZEN_ROOM, CITIZEN, null));
            String forged = store.undecryptable(STAFF_ROOM, LEAD, "MISMATCHED_SENDER");
            String clear = store.plaintext(LEAD, "de.amtsdesk.case.assigned",
                    "{\"v\":1,\"case\":\"" + id + "\",\"assignee\":\"" + ANNA + "\"}");
            store.send(LEAD, OutgoingStaffEvents.typed(id, "housing.wohngeld.apply"));
            StaffLogFold fold = StaffLogFold.open(store.db, STAFF_ROOM, CONFIG, null);

            StaffLogFold.Progress progress = fold.catchUp();

            assertThat(progress.blocked()).isEmpty();
            Case c = fold.book().find(id).orElseThrow();
            assertThat(c.assignee()).isNull();
            assertThat(c.type()).isEqualTo("housing.wohngeld.apply");
            assertThat(fold.audit().forEvent(forged)).singleElement()
                    .satisfies(e -> assertThat(e.rejection()).isEqualTo(Rejection.MALFORMED));
            assertThat(fold.audit().forEvent(clear)).singleElement().satisfies(e -> {
                assertThat(e.rejection()).isEqualTo(Rejection.MALFORMED);
                assertThat(e.detail()).contains("unencrypted");
            });
        }
    }

    @Test
    void aWaitingEventCanBeSkippedOnPurpose() throws Exception {
        try (StoreFixture store = StoreFixture.create(tmp.resolve("anna")).standardRoom()) {
            String id = store.send(LEAD, OutgoingStaffEvents.created(CITIZEN_ROOM, CITIZEN, null));
            String lost = store.undecryptable(STAFF_ROOM, LEAD, "MISSING_ROOM_KEY");
            store.send(LEAD, OutgoingStaffEvents.assign(id, BEN));
            StaffLogFold fold = StaffLogFold.open(store.db, STAFF_ROOM, CONFIG, null);
            assertThat(fold.catchUp().blocked()).isPresent();

            assertThat(fold.skip("$other")).isFalse();
            assertThat(fold.skip(lost)).isTrue();
            assertThat(fold.catchUp().blocked()).isEmpty();
            assertThat(fold.book().find(id).orElseThrow().assignee()).isEqualTo(BEN);
            assertThat(fold.audit().forEvent(lost)).singleElement()
                    .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.REJECTED));
        }
    }

    @Test
    void citizenMessagesReopenCasesAndAreSearchableAlongWithNotes() throws Exception {
        try (StoreFixture functional = StoreFixture.create(tmp.resolve("amt"));
                StoreFixture store = StoreFixture.create(tmp.resolve("anna")).standardRoom()) {
            functional.message(CITIZEN_ROOM, CITIZEN, "Guten Tag, ich möchte Wohngeld beantragen. Grüße, Erika Müller");
            String id = store.send(LEAD, OutgoingStaffEvents.created(CITIZEN_ROOM, CITIZEN, "Erika Müller"));
            store.send(ANNA, OutgoingStaffEvents.typed(id, "housing.wohngeld.apply"));
            store.send(ANNA, OutgoingStaffEvents.status(id, CaseStatus.WAITING, "Mietvertrag fehlt"));
            functional.message(CITIZEN_ROOM, AMT, "Bitte senden Sie uns den Mietvertrag.");
            String late = functional.undecryptable(CITIZEN_ROOM, CITIZEN, "MISSING_ROOM_KEY");
            StaffLogFold fold = StaffLogFold.open(store.db, STAFF_ROOM, CONFIG,
                    CitizenRooms.of(functional.db, AMT));

            StaffLogFold.Progress progress = fold.catchUp();
            assertThat(progress.citizenMessages()).isEqualTo(3);
            Case c = fold.book().find(id).orElseThrow();
            assertThat(c.status()).as("the citizen's late message reopens the waiting case").isEqualTo(CaseStatus.OPEN);
            assertThat(c.sla().firstResponse().met()).isNotNull();

            assertThat(fold.search("MULLER wohngeld", 10)).singleElement().satisfies(hit -> {
                assertThat(hit.caseId()).isEqualTo(id);
                assertThat(hit.kind()).isEqualTo(SearchIndexRepository.Kind.MESSAGE);
            });
            assertThat(fold.search("mietvertrag", 10)).extracting(SearchIndex.Hit::sender).containsExactly(AMT);
            assertThat(fold.search("nachweis", 10)).isEmpty();

            // The late message becomes readable and searchable once its key arrives.
            functional.db.events().markDecrypted(late, "m.room.message",
                    "{\"msgtype\":\"m.text\",\"body\":\"Anbei der Einkommensnachweis\"}", null);
            fold.catchUp();
            assertThat(fold.search("nachweis", 10)).isEmpty();
            assertThat(fold.search("einkommensnachweis", 10)).extracting(SearchIndex.Hit::eventId)
                    .containsExactly(late);
        }
    }

    @Test
    void aProfileFoldsOnlyItsOwnStaffRoom() throws Exception {
        try (StoreFixture store = StoreFixture.create(tmp.resolve("anna")).standardRoom()) {
            StaffLogFold.open(store.db, STAFF_ROOM, CONFIG, null).checkpoint();
            assertThatThrownBy(() -> StaffLogFold.open(store.db, "!other:amt.example", CONFIG, null))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(STAFF_ROOM);
        }
    }

    @Test
    void powerLevelsInTheStoredLogDecideWhoMayAssign() throws Exception {
        try (StoreFixture store = StoreFixture.create(tmp.resolve("anna")).standardRoom()) {
            String id = store.send(LEAD, OutgoingStaffEvents.created(CITIZEN_ROOM, CITIZEN, null));
            String before = store.send(BEN, OutgoingStaffEvents.assign(id, ANNA));
            store.power(Map.of(LEAD, 100, BEN, 50));
            String after = store.send(BEN, OutgoingStaffEvents.assign(id, ANNA));
            StaffLogFold fold = StaffLogFold.open(store.db, STAFF_ROOM, CONFIG, null);
            fold.catchUp();

            assertThat(fold.audit().forEvent(before)).singleElement()
                    .satisfies(e -> assertThat(e.rejection()).isEqualTo(Rejection.INSUFFICIENT_POWER));
            assertThat(fold.audit().forEvent(after)).singleElement()
                    .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.APPLIED));
            assertThat(fold.book().find(id).orElseThrow().assignee()).isEqualTo(ANNA);
        }
    }

    @Test
    void inRoomVersion12TheCreatorLeadsWithoutBeingInThePowerLevels() throws Exception {
        Path dir = tmp.resolve("anna");
        String id;
        try (StoreFixture store = StoreFixture.create(dir)) {
            store.create("12");
            store.member(LEAD, "Lena Lead");
            store.power(Map.of(BEN, 50)); // the creator must not be listed in version 12
            store.member(ANNA, "Anna Arbeit");
            store.member(BEN, "Ben Bearbeiter");
            id = store.send(ANNA, OutgoingStaffEvents.created(CITIZEN_ROOM, CITIZEN, null));
            store.send(LEAD, OutgoingStaffEvents.assign(id, ANNA));
            StaffLogFold fold = StaffLogFold.open(store.db, STAFF_ROOM, CONFIG, null);
            fold.catchUp();
            assertThat(fold.book().find(id).orElseThrow().assignee()).isEqualTo(ANNA);
            assertThat(fold.book().staffRoom().levelOf(LEAD)).isEqualTo(StaffLogFold.CREATOR_LEVEL);
            fold.checkpoint();
        }
        try (StoreFixture store = StoreFixture.reopen(dir)) {
            // After a restart a new power-level event still leaves the creator in charge.
            store.power(Map.of(BEN, 0));
            store.send(LEAD, OutgoingStaffEvents.assign(id, BEN));
            StaffLogFold fold = StaffLogFold.open(store.db, STAFF_ROOM, CONFIG, null);
            fold.catchUp();
            assertThat(fold.book().find(id).orElseThrow().assignee()).isEqualTo(BEN);
        }
    }

    @Test
    void inOlderRoomVersionsTheCreatorHasOnlyItsListedLevel() throws Exception {
        try (StoreFixture store = StoreFixture.create(tmp.resolve("anna"))) {
            store.create("11");
            store.member(LEAD, "Lena Lead");
            store.power(Map.of(BEN, 50));
            store.member(ANNA, "Anna Arbeit");
            String id = store.send(ANNA, OutgoingStaffEvents.created(CITIZEN_ROOM, CITIZEN, null));
            String attempt = store.send(LEAD, OutgoingStaffEvents.assign(id, ANNA));
            StaffLogFold fold = StaffLogFold.open(store.db, STAFF_ROOM, CONFIG, null);
            fold.catchUp();
            assertThat(fold.audit().forEvent(attempt)).singleElement()
                    .satisfies(e -> assertThat(e.rejection()).isEqualTo(Rejection.INSUFFICIENT_POWER));
        }
    }

    @Test
    void citizenRoomsOfRoomVersion12WithoutAServerPartAreAccepted() throws Exception {
        try (StoreFixture store = StoreFixture.create(tmp.resolve("anna")).standardRoom()) {
            String v12Room = "!Rq2Gh0-kX3aZ_LmN7pWcYtBvE9sD4fJ1oUiK8nHqTzA";
            String id = store.send(LEAD, OutgoingStaffEvents.created(v12Room, CITIZEN, null));
            StaffLogFold fold = StaffLogFold.open(store.db, STAFF_ROOM, CONFIG, null);
            fold.catchUp();
            assertThat(fold.book().find(id)).hasValueSatisfying(c -> assertThat(c.roomId()).isEqualTo(v12Room));
        }
    }
}
