package de.amtsdesk.core.cases;

import static de.amtsdesk.core.cases.StaffLog.ANNA;
import static de.amtsdesk.core.cases.StaffLog.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.AuditQuery;
import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseLifecycleTest {

    private final StaffLog log = StaffLog.startingAt("2026-12-01T09:00").withStandardRoom();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();

    private CaseBook fold() {
        CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), audit);
        fold.applyAll(log.inputs());
        return fold.book();
    }

    private Case theCase(String id) {
        return fold().find(id).orElseThrow();
    }

    @Test
    void aNewCaseIsUntriagedWithAReferenceNumber() {
        String id = log.created(ANNA, "!room1:amt.example");

        Case created = theCase(id);
        assertThat(created.status()).isEqualTo(CaseStatus.UNTRIAGED);
        assertThat(created.reference()).isEqualTo("BA-2026-00001");
        assertThat(created.roomId()).isEqualTo("!room1:amt.example");
        assertThat(created.citizenName()).isEqualTo("Erika Mustermann");
        assertThat(created.isAssigned()).isFalse();
        assertThat(created.createdBy()).isEqualTo(ANNA);
    }

    @Test
    void typingOpensTheCaseAndWaitingThenACitizenMessageReopensIt() {
        String id = log.created(ANNA, "!room1:amt.example");
        log.send(ANNA, OutgoingStaffEvents.typed(id, "housing.wohngeld.apply"));
        assertThat(theCase(id).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(theCase(id).type()).isEqualTo("housing.wohngeld.apply");

        log.send(ANNA, OutgoingStaffEvents.status(id, CaseStatus.WAITING, "Mietvertrag fehlt"));
        assertThat(theCase(id).status()).isEqualTo(CaseStatus.WAITING);

        log.citizenWrites("!room1:amt.example");
        assertThat(theCase(id).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(audit.query(AuditQuery.all().forCase(id).byActor("@citizen:bund.example")))
                .singleElement().satisfies(e -> assertThat(e.changes()).extracting("before", "after")
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("waiting", "open")));
    }

    @Test
    void aClosedCaseReopensWhenTheCitizenWritesAgain() {
        String id = log.created(ANNA, "!room1:amt.example");
        log.send(ANNA, OutgoingStaffEvents.typed(id, "identity.id-card.apply"));
        log.send(ANNA, OutgoingStaffEvents.status(id, CaseStatus.CLOSED, null));
        assertThat(theCase(id).status()).isEqualTo(CaseStatus.CLOSED);

        log.citizenWrites("!room1:amt.example");
        assertThat(theCase(id).status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void anUntypedCaseClosedAsSpamGoesBackToTriageWhenTheCitizenWritesAgain() {
        String id = log.created(ANNA, "!room1:amt.example");
        log.send(ANNA, OutgoingStaffEvents.status(id, CaseStatus.CLOSED, "Spam"));
        log.citizenWrites("!room1:amt.example");

        assertThat(theCase(id).status()).isEqualTo(CaseStatus.UNTRIAGED);
    }

    @Test
    void openOrWaitingBeforeTheCaseIsTypedIsAnInvalidTransition() {
        String id = log.created(ANNA, "!room1:amt.example");
        log.send(ANNA, OutgoingStaffEvents.status(id, CaseStatus.WAITING, null));

        assertThat(theCase(id).status()).isEqualTo(CaseStatus.UNTRIAGED);
        assertThat(audit.query(AuditQuery.all().forCase(id).withOutcome(AuditEntry.Outcome.REJECTED)))
                .extracting(AuditEntry::rejection).containsExactly(de.amtsdesk.core.cases.audit.Rejection.INVALID_TRANSITION);
    }

    @Test
    void aCitizenMessageThatArrivesBeforeItsCaseCountsOnceTheCaseExists() {
        // The citizen room and the staff room are separate streams: the message may be seen first.
        log.at("2026-12-01T10:00").citizenWrites("!room1:amt.example");
        String id = log.at("2026-12-01T10:05").created(ANNA, "!room1:amt.example");

        Case c = theCase(id);
        assertThat(c.sla().firstResponse().started()).isEqualTo(StaffLog.berlin("2026-12-01T10:00"));
    }

    @Test
    void notesAndTagsStayOnTheCase() {
        String id = log.created(ANNA, "!room1:amt.example");
        log.send(ANNA, OutgoingStaffEvents.note(id, "Bürgerin hat telefonisch nachgefragt."));
        log.send(LEAD, OutgoingStaffEvents.tag(id, List.of("Eilig", "Rückruf"), List.of()));
        log.send(ANNA, OutgoingStaffEvents.tag(id, List.of("Nachweis fehlt"), List.of("Eilig")));

        Case c = theCase(id);
        assertThat(c.notes()).singleElement().satisfies(n -> {
            assertThat(n.author()).isEqualTo(ANNA);
            assertThat(n.text()).isEqualTo("Bürgerin hat telefonisch nachgefragt.");
        });
        assertThat(c.tags()).containsExactly("Nachweis fehlt", "Rückruf");
    }

    @Test
    void referenceNumbersFollowServerOrderAndRestartEachYear() {
        String first = log.at("2026-12-31T23:58").created(ANNA, "!a:amt.example");
        String second = log.created(LEAD, "!b:amt.example");
        // 2027-01-01 00:00 in Berlin, even though it is still 2026 in UTC.
        String third = log.at("2027-01-01T00:00").created(ANNA, "!c:amt.example");

        CaseBook book = fold();
        assertThat(List.of(first, second, third)).map(id -> book.find(id).orElseThrow().reference())
                .containsExactly("BA-2026-00001", "BA-2026-00002", "BA-2027-00001");
    }

    @Test
    void aSecondCaseForTheSameRoomIsRejectedAndConsumesNoNumber() {
        // Two workstations joined the same invite and both created the case: the first in server order wins.
        String winner = log.created(ANNA, "!room1:amt.example");
        String loser = log.created(StaffLog.BEN, "!room1:amt.example");
        String next = log.created(ANNA, "!room2:amt.example");

        CaseBook book = fold();
        assertThat(book.find(loser)).isEmpty();
        assertThat(book.findByRoom("!room1:amt.example").orElseThrow().id()).isEqualTo(winner);
        assertThat(book.find(next).orElseThrow().reference()).isEqualTo("BA-2026-00002");
        assertThat(audit.query(AuditQuery.all().withOutcome(AuditEntry.Outcome.REJECTED)))
                .extracting(AuditEntry::rejection).containsExactly(de.amtsdesk.core.cases.audit.Rejection.DUPLICATE_ROOM);
    }

    @Test
    void thePolicyCanChangeTheReferencePattern() {
        log.created(ANNA, "!a:amt.example");
        log.send(LEAD, OutgoingStaffEvents.policy("SOZ", "{unit}/{yy}/{seq}", null, null, null, null));
        String id = log.created(ANNA, "!b:amt.example");

        assertThat(theCase(id).reference()).isEqualTo("SOZ/26/1");
    }

    @Test
    void listenersHearAboutEveryCommittedCaseChange() {
        String id = log.created(ANNA, "!room1:amt.example");
        log.send(ANNA, OutgoingStaffEvents.typed(id, "housing.wohngeld.apply"));
        List<String> heard = new java.util.ArrayList<>();
        CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), audit);
        fold.addListener(new CaseBookListener() {
            @Override
            public void caseChanged(Case before, Case after) {
                heard.add((before == null ? "new" : before.status().wireName()) + "->" + after.status().wireName());
            }
        });
        fold.applyAll(log.inputs());

        assertThat(heard).containsExactly("new->untriaged", "untriaged->open");
    }
}
