package de.amtsdesk.core.cases;

import static de.amtsdesk.core.cases.StaffLog.ANNA;
import static de.amtsdesk.core.cases.StaffLog.LEAD;
import static de.amtsdesk.core.cases.StaffLog.OUTSIDER;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.AuditQuery;
import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import de.amtsdesk.core.cases.audit.Rejection;
import de.amtsdesk.core.cases.log.StaffEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Staff events that must be ignored with an audit entry: never a crash, never half-applied. */
class BadInputTest {

    private final StaffLog log = StaffLog.startingAt("2026-12-01T09:00").withStandardRoom();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final String caseId = log.created(ANNA, "!room1:amt.example");
    private final CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), audit);

    private FoldResult foldAllAndLast() {
        FoldResult last = null;
        for (var input : log.inputs()) {
            last = fold.apply(input);
        }
        return last;
    }

    /** The case as it was right after creation: what every rejected event must leave untouched. */
    private Case pristine() {
        CaseLog reference = new CaseLog(UnitConfig.defaults("BA"), new InMemoryAuditLog());
        reference.applyAll(log.inputs().subList(0, 6));
        return reference.book().find(caseId).orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown version      | de.amtsdesk.case.typed  | {'v':2,'case':'CASE','type':'housing.wohngeld.apply'} | UNSUPPORTED_VERSION",
            "version as text      | de.amtsdesk.case.typed  | {'v':'1','case':'CASE','type':'housing.wohngeld.apply'} | UNSUPPORTED_VERSION",
            "no version           | de.amtsdesk.case.typed  | {'case':'CASE','type':'housing.wohngeld.apply'}      | MALFORMED",
            "missing field        | de.amtsdesk.case.typed  | {'v':1,'case':'CASE'}                                | MALFORMED",
            "wrong field type     | de.amtsdesk.case.note   | {'v':1,'case':'CASE','text':42}                      | MALFORMED",
            "unknown field        | de.amtsdesk.case.note   | {'v':1,'case':'CASE','text':'x','colour':'red'}      | MALFORMED",
            "bad status           | de.amtsdesk.case.status | {'v':1,'case':'CASE','status':'untriaged'}           | MALFORMED",
            "bad type key         | de.amtsdesk.case.typed  | {'v':1,'case':'CASE','type':'Wohngeld'}              | MALFORMED",
            "content not object   | de.amtsdesk.case.note   | ['v',1]                                              | MALFORMED",
            "assign both forms    | de.amtsdesk.case.assigned | {'v':1,'case':'CASE','cases':['CASE'],'assignee':null} | MALFORMED",
            "assignee missing     | de.amtsdesk.case.assigned | {'v':1,'case':'CASE'}                              | MALFORMED",
            "unknown case         | de.amtsdesk.case.note   | {'v':1,'case':'$nope:amt.example','text':'x'}        | UNKNOWN_CASE",
            "unknown type         | de.amtsdesk.case.merged | {'v':1,'case':'CASE'}                                | UNKNOWN_EVENT_TYPE",
    })
    void isIgnoredAndAudited(String name, String type, String json, Rejection reason) {
        log.raw(ANNA, type, json.replace("CASE", caseId));

        FoldResult result = foldAllAndLast();

        assertThat(result.rejection()).isEqualTo(reason);
        assertThat(fold.book().find(caseId)).contains(pristine());
        assertThat(audit.query(AuditQuery.all().withOutcome(AuditEntry.Outcome.REJECTED))).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.rejection()).isEqualTo(reason);
                    assertThat(entry.actor()).isEqualTo(ANNA);
                    assertThat(entry.action()).isEqualTo(type);
                    assertThat(entry.changes()).isEmpty();
                    assertThat(entry.detail()).isNotBlank();
                });
    }

    @Test
    void aForgedSenderOutsideTheStaffRoomIsIgnored() {
        log.send(OUTSIDER, OutgoingStaffEvents.assign(caseId, OUTSIDER));
        log.send(OUTSIDER, OutgoingStaffEvents.created("!evil:amt.example", "@x:evil.example", null));

        foldAllAndLast();

        assertThat(fold.book().cases()).containsExactly(pristine());
        assertThat(audit.query(AuditQuery.all().byActor(OUTSIDER))).extracting(AuditEntry::rejection)
                .containsExactly(Rejection.NOT_A_MEMBER, Rejection.NOT_A_MEMBER);
        assertThat(audit.query(AuditQuery.all().forCase(caseId).byActor(OUTSIDER))).hasSize(1);
    }

    @Test
    void aMemberWhoLeftCanNoLongerChangeCases() {
        log.leave(ANNA);
        log.send(ANNA, OutgoingStaffEvents.note(caseId, "after leaving"));

        assertThat(foldAllAndLast().rejection()).isEqualTo(Rejection.NOT_A_MEMBER);
    }

    @Test
    void aStatusChangeBeforeItsCreatedEventIsIgnoredForGood() {
        // A broken or malicious client refers to a case ID the log only creates later.
        StaffLog outOfOrder = StaffLog.startingAt("2026-12-01T09:00").withStandardRoom();
        StaffEvent status = outOfOrder.raw(ANNA, "de.amtsdesk.case.status",
                "{'v':1,'case':'$ev7:amt.example','status':'closed'}");
        String created = outOfOrder.created(ANNA, "!room1:amt.example");
        assertThat(created).isEqualTo("$ev7:amt.example");

        CaseLog late = new CaseLog(UnitConfig.defaults("BA"), audit);
        late.applyAll(outOfOrder.inputs());

        assertThat(late.book().find(created).orElseThrow().status()).isEqualTo(CaseStatus.UNTRIAGED);
        assertThat(audit.query(AuditQuery.all().forCase(created))).extracting(AuditEntry::eventId, AuditEntry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(status.eventId(), AuditEntry.Outcome.REJECTED),
                        org.assertj.core.groups.Tuple.tuple(created, AuditEntry.Outcome.APPLIED));
    }

    @Test
    void aDuplicateDeliveryIsIgnoredWithoutASecondAuditEntry() {
        StaffEvent note = log.send(ANNA, OutgoingStaffEvents.note(caseId, "einmal"));
        foldAllAndLast();
        int entries = audit.size();

        FoldResult again = fold.apply(note);

        assertThat(again.outcome()).isEqualTo(FoldResult.Outcome.DUPLICATE);
        assertThat(fold.book().find(caseId).orElseThrow().notes()).hasSize(1);
        assertThat(audit.size()).isEqualTo(entries);
    }

    @Test
    void policyAndTemplatesNeedALead() {
        log.send(ANNA, OutgoingStaffEvents.policy(null, null, false, null, null, null));
        log.send(ANNA, OutgoingStaffEvents.template("greeting", "de", "*", 1, "Gruß", "Hallo", false));
        foldAllAndLast();

        assertThat(fold.book().policy().takeUnassigned()).isTrue();
        assertThat(fold.book().templates().all()).isEmpty();
        assertThat(audit.query(AuditQuery.all().byActor(ANNA).withOutcome(AuditEntry.Outcome.REJECTED)))
                .extracting(AuditEntry::rejection)
                .containsExactly(Rejection.INSUFFICIENT_POWER, Rejection.INSUFFICIENT_POWER);
    }

    @Test
    void aBadPolicyIsRejectedWhole() {
        // A valid takeUnassigned next to an invalid pattern: neither may take effect.
        log.raw(LEAD, "de.amtsdesk.case.policy", "{'v':1,'takeUnassigned':false,'referencePattern':'{unit}-{nope}'}");
        FoldResult result = foldAllAndLast();

        assertThat(result.rejection()).isEqualTo(Rejection.MALFORMED);
        assertThat(fold.book().policy().takeUnassigned()).isTrue();
    }

    @Test
    void nullContentAndGarbageNeverEscapeAsExceptions() {
        log.raw(ANNA, "de.amtsdesk.case.note", null);
        log.raw(ANNA, "de.amtsdesk.case.assigned", "{'v':1,'cases':[1,2],'assignee':'@anna:amt.example'}");
        log.raw(ANNA, "de.amtsdesk.case.tagged", "{'v':1,'case':'" + caseId + "','add':['x'],'remove':['x']}");
        log.raw(LEAD, "de.amtsdesk.case.policy", "{'v':1,'sla':{'v':1}}");
        log.raw(LEAD, "de.amtsdesk.case.template", "{'v':1,'id':'x','lang':'de','caseType':'*','version':1,"
                + "'title':'t','body':'Hallo {buerger.name}'}");

        foldAllAndLast();

        assertThat(fold.book().cases()).containsExactly(pristine());
        assertThat(audit.query(AuditQuery.all().withOutcome(AuditEntry.Outcome.REJECTED)))
                .hasSize(5).extracting(AuditEntry::rejection).containsOnly(Rejection.MALFORMED);
    }
}
