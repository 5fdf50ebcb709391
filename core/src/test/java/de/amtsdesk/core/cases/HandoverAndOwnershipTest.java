package de.amtsdesk.core.cases;

import static de.amtsdesk.core.cases.StaffLog.ANNA;
import static de.amtsdesk.core.cases.StaffLog.BEN;
import static de.amtsdesk.core.cases.StaffLog.LEAD;
import static de.amtsdesk.core.cases.StaffLog.LEAD2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.AuditQuery;
import de.amtsdesk.core.cases.audit.FieldChange;
import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import de.amtsdesk.core.cases.audit.Rejection;
import de.amtsdesk.core.cases.log.StaffEventTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Absence with handover in one event, and who may change an assigned case (ADR 0014). */
class HandoverAndOwnershipTest {

    private static final String CARLA = "@carla:amt.example";

    private final StaffLog log = StaffLog.startingAt("2026-12-01T09:00").withStandardRoom();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final String annas1 = typedCase("!r1:amt.example");
    private final String annas2 = typedCase("!r2:amt.example");
    private final String annasClosed = typedCase("!r3:amt.example");
    private final String bens = typedCase("!r4:amt.example");

    {
        log.member(CARLA, "Carla Claus");
        log.send(LEAD, OutgoingStaffEvents.bulkAssign(List.of(annas1, annas2, annasClosed), ANNA));
        log.send(LEAD, OutgoingStaffEvents.assign(bens, BEN));
        log.send(ANNA, OutgoingStaffEvents.status(annasClosed, CaseStatus.CLOSED, null));
    }

    private String typedCase(String room) {
        String id = log.created(ANNA, room);
        log.send(ANNA, OutgoingStaffEvents.typed(id, "vehicle.registration"));
        return id;
    }

    private CaseBook fold() {
        CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), audit);
        fold.applyAll(log.inputs());
        return fold.book();
    }

    private List<AuditEntry> rejections() {
        return audit.query(AuditQuery.all().withOutcome(AuditEntry.Outcome.REJECTED));
    }

    private static String assignee(CaseBook book, String caseId) {
        return book.find(caseId).orElseThrow().assignee();
    }

    // ---- handover ----

    @Test
    void aHandoverMarksAbsentAndMovesEveryOpenCaseInOneAuditedEvent() {
        String handover = log.send(LEAD, OutgoingStaffEvents.handover(ANNA, CARLA)).eventId();

        CaseBook book = fold();
        assertThat(assignee(book, annas1)).isEqualTo(CARLA);
        assertThat(assignee(book, annas2)).isEqualTo(CARLA);
        assertThat(assignee(book, annasClosed)).as("closed cases stay").isEqualTo(ANNA);
        assertThat(assignee(book, bens)).isEqualTo(BEN);
        assertThat(book.roster().member(ANNA).absent()).isTrue();
        assertThat(book.roster().member(ANNA).deputy()).isEqualTo(CARLA);

        List<AuditEntry> entries = audit.query(AuditQuery.all()).stream()
                .filter(e -> e.eventId().equals(handover)).toList();
        assertThat(entries).extracting(AuditEntry::caseId).containsExactly(null, annas1, annas2);
        assertThat(entries.getFirst().changes()).contains(
                new FieldChange("member." + ANNA + ".absent", "false", "true"),
                new FieldChange("member." + ANNA + ".deputy", null, CARLA),
                new FieldChange("handover", ANNA, CARLA),
                new FieldChange("handover.cases", null, annas1 + "," + annas2));
        assertThat(entries.get(1).changes()).containsExactly(new FieldChange("assignee", ANNA, CARLA));
    }

    @Test
    void aCaseworkersHandoverIsRefusedAndNothingMoves() {
        log.send(BEN, OutgoingStaffEvents.handover(ANNA, BEN));

        CaseBook book = fold();
        assertThat(assignee(book, annas1)).isEqualTo(ANNA);
        assertThat(book.roster().member(ANNA).absent()).isFalse();
        assertThat(rejections()).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::rejection)
                .containsExactly(tuple(BEN, StaffEventTypes.HANDOVER, Rejection.INSUFFICIENT_POWER));
    }

    @Test
    void aHandoverToAnAbsentOrUnknownDeputyMovesNothing() {
        log.send(LEAD, OutgoingStaffEvents.member(BEN, null, null, true, null));
        log.send(LEAD, OutgoingStaffEvents.handover(ANNA, BEN));
        log.send(LEAD, OutgoingStaffEvents.handover(ANNA, "@stranger:amt.example"));

        CaseBook book = fold();
        assertThat(List.of(annas1, annas2)).allSatisfy(id -> assertThat(assignee(book, id)).isEqualTo(ANNA));
        assertThat(book.roster().member(ANNA).absent()).isFalse();
        assertThat(rejections()).extracting(AuditEntry::rejection)
                .containsExactly(Rejection.INVALID_DEPUTY, Rejection.UNKNOWN_MEMBER);
    }

    @Test
    void theCasesOfSomeoneWhoLeftTheUnitCanStillBeHandedOver() {
        log.leave(ANNA);
        log.send(LEAD, OutgoingStaffEvents.handover(ANNA, BEN));
        log.send(LEAD, OutgoingStaffEvents.handover("@nobody:amt.example", BEN));

        CaseBook book = fold();
        assertThat(assignee(book, annas1)).isEqualTo(BEN);
        assertThat(rejections()).extracting(AuditEntry::rejection).containsExactly(Rejection.UNKNOWN_MEMBER);
    }

    @Test
    void aCaseAssignedWhileTheLeadDecidedMovesToo() {
        // Server order decides: the handover moves what the member holds at its place in the log.
        String late = typedCase("!late:amt.example");
        log.send(LEAD2, OutgoingStaffEvents.assign(late, ANNA));
        log.send(LEAD, OutgoingStaffEvents.handover(ANNA, BEN));

        assertThat(assignee(fold(), late)).isEqualTo(BEN);
    }

    // ---- ownership ----

    @Test
    void aCaseworkersStatusChangeOnSomeoneElsesCaseIsRefusedAndAudited() {
        log.send(BEN, OutgoingStaffEvents.status(annas1, CaseStatus.CLOSED, "erledigt"));

        CaseBook book = fold();
        assertThat(book.find(annas1).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
        assertThat(rejections()).extracting(AuditEntry::actor, AuditEntry::caseId, AuditEntry::rejection)
                .containsExactly(tuple(BEN, annas1, Rejection.NOT_THE_ASSIGNEE));
        assertThat(rejections().getFirst().detail()).contains(ANNA);
    }

    /** A refusal changes no case: without this an open case's audit trail never showed it (found driving the UI). */
    @Test
    void aRefusalTellsListenersThatTheCasesAuditTrailGrew() {
        log.send(BEN, OutgoingStaffEvents.status(annas1, CaseStatus.CLOSED, "erledigt"));
        CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), audit);
        List<String> told = new java.util.ArrayList<>();
        fold.addListener(new CaseBookListener() {
            @Override
            public void auditRecorded(String caseId) {
                told.add(caseId);
            }
        });
        fold.applyAll(log.inputs());
        assertThat(told).containsExactly(annas1);
    }

    @Test
    void theAssigneeALeadAndAnyoneOnAnUnassignedCaseMayChangeTheStatus() {
        String unassigned = typedCase("!free:amt.example");
        log.send(ANNA, OutgoingStaffEvents.status(annas1, CaseStatus.WAITING, null));
        log.send(LEAD2, OutgoingStaffEvents.status(annas2, CaseStatus.WAITING, null));
        log.send(BEN, OutgoingStaffEvents.status(unassigned, CaseStatus.CLOSED, "Spam"));

        CaseBook book = fold();
        assertThat(book.find(annas1).orElseThrow().status()).isEqualTo(CaseStatus.WAITING);
        assertThat(book.find(annas2).orElseThrow().status()).isEqualTo(CaseStatus.WAITING);
        assertThat(book.find(unassigned).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(rejections()).isEmpty();
    }

    @Test
    void othersMayStillAddInternalNotes() {
        log.send(BEN, OutgoingStaffEvents.note(annas1, "Bürger rief an, Rückruf erbeten"));

        assertThat(fold().find(annas1).orElseThrow().notes()).extracting(Note::author).containsExactly(BEN);
        assertThat(rejections()).isEmpty();
    }

    @Test
    void aCaseworkersReassignIsRefusedAndAudited() {
        log.send(ANNA, OutgoingStaffEvents.assign(annas1, BEN));
        log.send(BEN, OutgoingStaffEvents.bulkAssign(List.of(annas1, annas2), BEN));

        CaseBook book = fold();
        assertThat(assignee(book, annas1)).isEqualTo(ANNA);
        assertThat(assignee(book, annas2)).isEqualTo(ANNA);
        assertThat(rejections()).extracting(AuditEntry::actor, AuditEntry::caseId, AuditEntry::rejection)
                .containsExactly(tuple(ANNA, annas1, Rejection.INSUFFICIENT_POWER),
                        tuple(BEN, annas1, Rejection.INSUFFICIENT_POWER),
                        tuple(BEN, annas2, Rejection.INSUFFICIENT_POWER));
    }

    // ---- take-over ----

    @Test
    void aMemberTakesOverWithOneAuditedEvent() {
        String takeover = log.send(BEN, OutgoingStaffEvents.takeover(annas1, ANNA)).eventId();
        log.send(BEN, OutgoingStaffEvents.status(annas1, CaseStatus.WAITING, null));

        CaseBook book = fold();
        assertThat(assignee(book, annas1)).isEqualTo(BEN);
        assertThat(book.find(annas1).orElseThrow().status()).as("now BEN's to change").isEqualTo(CaseStatus.WAITING);
        assertThat(audit.query(AuditQuery.all().forCase(annas1).byActor(BEN))).first().satisfies(e -> {
            assertThat(e.eventId()).isEqualTo(takeover);
            assertThat(e.action()).isEqualTo(StaffEventTypes.TAKEOVER);
            assertThat(e.changes()).containsExactly(new FieldChange("assignee", ANNA, BEN));
        });
    }

    @Test
    void aTakeOverFromSomeoneWhoNoLongerHoldsTheCaseIsRefused() {
        log.send(LEAD, OutgoingStaffEvents.assign(annas1, CARLA)); // BEN had not seen this yet
        log.send(BEN, OutgoingStaffEvents.takeover(annas1, ANNA));
        log.send(BEN, OutgoingStaffEvents.takeover(annasClosed, ANNA));
        log.send(BEN, OutgoingStaffEvents.takeover(bens, BEN));

        CaseBook book = fold();
        assertThat(assignee(book, annas1)).isEqualTo(CARLA);
        assertThat(rejections()).extracting(AuditEntry::caseId, AuditEntry::rejection).containsExactly(
                tuple(annas1, Rejection.ALREADY_ASSIGNED),
                tuple(annasClosed, Rejection.INVALID_TRANSITION),
                tuple(bens, Rejection.INVALID_TRANSITION));
    }

    @Test
    void noTakeOverWhenTheUnitDoesNotLetCaseworkersTakeCases() {
        log.send(LEAD, OutgoingStaffEvents.policy(null, null, false, null, null, null));
        log.send(BEN, OutgoingStaffEvents.takeover(annas1, ANNA));
        log.send(LEAD2, OutgoingStaffEvents.takeover(annas2, ANNA));

        CaseBook book = fold();
        assertThat(assignee(book, annas1)).isEqualTo(ANNA);
        assertThat(assignee(book, annas2)).isEqualTo(LEAD2);
        assertThat(rejections()).extracting(AuditEntry::rejection).containsExactly(Rejection.INSUFFICIENT_POWER);
    }
}
