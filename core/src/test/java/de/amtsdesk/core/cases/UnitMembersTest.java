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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Capacity, competence and absence set by a lead (ADR 0014): folded, refused and audited. */
class UnitMembersTest {

    private static final String CARLA = "@carla:amt.example";

    private final StaffLog log = StaffLog.startingAt("2026-12-01T09:00").withStandardRoom();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();

    private CaseBook fold() {
        CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), audit);
        fold.applyAll(log.inputs());
        return fold.book();
    }

    private List<AuditEntry> rejections() {
        return audit.query(AuditQuery.all().withOutcome(AuditEntry.Outcome.REJECTED));
    }

    @Test
    void aLeadSetsCapacityCompetenceAndAbsence() {
        log.send(LEAD, OutgoingStaffEvents.member(ANNA, 12, List.of("vehicle", "identity.passport"), false, null));
        log.send(LEAD2, OutgoingStaffEvents.member(BEN, 0, null, true, ANNA));

        CaseBook book = fold();
        UnitMember anna = book.roster().member(ANNA);
        assertThat(anna.maxOpenCases()).isEqualTo(12);
        assertThat(anna.caseTypes()).containsExactly("identity.passport", "vehicle");
        assertThat(anna.handles("vehicle.registration.new")).isTrue();
        assertThat(anna.handles("identity.passport")).isTrue();
        assertThat(anna.handles("identity.idcard")).isFalse();
        assertThat(anna.handles(null)).as("untyped needs every type").isFalse();
        assertThat(book.roster().member(BEN).absent()).isTrue();
        assertThat(book.roster().member(BEN).deputy()).isEqualTo(ANNA);
        assertThat(book.roster().member(LEAD).handles("anything.at-all")).as("never set: unrestricted").isTrue();
        assertThat(audit.query(AuditQuery.all().byActor(LEAD)).getLast().changes()).containsExactly(
                new FieldChange("member." + ANNA + ".maxOpenCases", null, "12"),
                new FieldChange("member." + ANNA + ".caseTypes", "*", "identity.passport,vehicle"));
    }

    @Test
    void aLaterMemberEventReplacesTheWholeSettings() {
        log.send(LEAD, OutgoingStaffEvents.member(ANNA, 12, List.of("vehicle"), true, BEN));
        log.send(LEAD, OutgoingStaffEvents.member(ANNA, null, null, false, null));

        UnitMember anna = fold().roster().member(ANNA);
        assertThat(anna).isEqualTo(UnitMember.unrestricted(ANNA));
    }

    @Test
    void aCaseworkersMemberEventIsRefusedAndAudited() {
        log.send(ANNA, OutgoingStaffEvents.member(ANNA, 500, null, false, null));

        assertThat(fold().roster().member(ANNA).maxOpenCases()).isNull();
        assertThat(rejections()).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::rejection)
                .containsExactly(tuple(ANNA, StaffEventTypes.MEMBER, Rejection.INSUFFICIENT_POWER));
    }

    @Test
    void unknownPeopleAndAnAbsentDeputyAreRefused() {
        log.send(LEAD, OutgoingStaffEvents.member(CARLA, 5, null, false, null));
        log.send(LEAD, OutgoingStaffEvents.member(ANNA, 5, null, true, CARLA));
        log.send(LEAD, OutgoingStaffEvents.member(BEN, null, null, true, null));
        log.send(LEAD, OutgoingStaffEvents.member(ANNA, 5, null, true, BEN));

        CaseBook book = fold();
        assertThat(book.roster().all()).extracting(UnitMember::userId).containsExactly(BEN);
        assertThat(rejections()).extracting(AuditEntry::rejection).containsExactly(Rejection.UNKNOWN_MEMBER,
                Rejection.UNKNOWN_MEMBER, Rejection.INVALID_DEPUTY);
        assertThat(rejections().getFirst().detail()).contains(CARLA).contains("not in the staff room");
    }

    @Test
    void malformedMemberContentIsRefusedWithAReasonAndNeverThrows() {
        String manyTypes = String.join(",", IntStream.rangeClosed(0, 100).mapToObj(i -> "'t" + i + "'").toList());
        List<String> bad = List.of(
                "{'v':1,'user':'@anna:amt.example','maxOpenCases':'12'}",
                "{'v':1,'user':'@anna:amt.example','maxOpenCases':-1}",
                "{'v':1,'user':'@anna:amt.example','maxOpenCases':10001}",
                "{'v':1,'user':'@anna:amt.example','maxOpenCases':4294967297}",
                "{'v':1,'user':'@anna:amt.example','caseTypes':[" + manyTypes + "]}",
                "{'v':1,'user':'@anna:amt.example','caseTypes':['Vehicle']}",
                "{'v':1,'user':'@anna:amt.example','caseTypes':'vehicle'}",
                "{'v':1,'user':'@anna:amt.example','caseTypes':[7]}",
                "{'v':1,'user':'@anna:amt.example','caseTypes':['vehicle','vehicle']}",
                "{'v':1,'user':'@anna:amt.example','caseTypes':['" + "a".repeat(121) + "']}",
                "{'v':1,'user':'@anna:amt.example','deputy':'@ben:amt.example'}",
                "{'v':1,'user':'@anna:amt.example','absent':true,'deputy':'@anna:amt.example'}",
                "{'v':1,'user':'@anna:amt.example','absent':'yes'}",
                "{'v':1,'user':'anna'}",
                "{'v':1,'user':null}",
                "{'v':1}",
                "{'v':1,'user':'@anna:amt.example','role':'lead'}",
                "[1,2]");
        bad.forEach(json -> log.raw(LEAD, StaffEventTypes.MEMBER, json));
        log.raw(LEAD, StaffEventTypes.HANDOVER, "{'v':1,'user':'@anna:amt.example'}");
        log.raw(LEAD, StaffEventTypes.HANDOVER, "{'v':1,'user':'@anna:amt.example','deputy':'@anna:amt.example'}");
        log.raw(LEAD, StaffEventTypes.HANDOVER, "{'v':1,'user':'@anna:amt.example','deputy':['@ben:amt.example']}");
        log.raw(ANNA, StaffEventTypes.TAKEOVER, "{'v':1,'case':'$x','from':42}");
        log.raw(LEAD, StaffEventTypes.MEMBER, null);

        CaseBook book = fold();
        assertThat(book.roster().all()).isEmpty();
        assertThat(rejections()).hasSize(bad.size() + 5)
                .allSatisfy(e -> assertThat(e.detail()).isNotBlank())
                .extracting(AuditEntry::rejection).containsOnly(Rejection.MALFORMED);
    }

    @Test
    void theRosterSurvivesSnapshotAndRestore() {
        log.send(LEAD, OutgoingStaffEvents.member(ANNA, 3, List.of("vehicle"), false, null));
        CaseBook book = fold();

        CaseBook restored = CaseBook.restore(book.snapshot());

        assertThat(restored.roster()).isEqualTo(book.roster());
        assertThat(restored.snapshot()).isEqualTo(book.snapshot());
    }
}
