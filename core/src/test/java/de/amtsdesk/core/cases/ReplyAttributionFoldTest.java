package de.amtsdesk.core.cases;

import static de.amtsdesk.core.cases.StaffLog.ANNA;
import static de.amtsdesk.core.cases.StaffLog.BEN;
import static de.amtsdesk.core.cases.StaffLog.OUTSIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.FieldChange;
import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import de.amtsdesk.core.cases.audit.Rejection;
import de.amtsdesk.core.cases.log.StaffEvent;
import de.amtsdesk.core.cases.log.StaffEventTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code de.amtsdesk.case.replied} (ADR 0011): folded into an audit entry whose actor is the event's sender, with
 * kind, reply event (or transaction), template and hash; never changes the case or its SLA clocks (the reply itself
 * counts as the agency's answer through the citizen room).
 */
class ReplyAttributionFoldTest {

    private static final String ROOM = "!room1:amt.example";
    private static final String SHA = OutgoingStaffEvents.sha256Hex("Vielen Dank, wir prüfen Ihren Antrag.");
    private final StaffLog log = StaffLog.startingAt("2026-01-05T07:00").withStandardRoom();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();

    private CaseLog fold() {
        CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), audit);
        fold.applyAll(log.inputs());
        return fold;
    }

    private List<AuditEntry> entriesOf(StaffEvent event) {
        return audit.all().stream().filter(e -> e.eventId().equals(event.eventId())).toList();
    }

    @Test
    void aReplyIsAuditedUnderItsSenderWithKindEventAndHash() {
        String id = log.at("2026-01-05T09:00").created(StaffLog.LEAD, ROOM);
        StaffEvent replied = log.send(ANNA, OutgoingStaffEvents.replied(id, "$reply1:amt.example", null, "text", null,
                SHA));
        StaffEvent templated = log.send(BEN, OutgoingStaffEvents.replied(id, null, "m1717.42", "template",
                "wohngeld-eingang", SHA));

        CaseLog fold = fold();
        AuditEntry entry = entriesOf(replied).getFirst();
        assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.APPLIED);
        assertThat(entry.actor()).isEqualTo(ANNA);
        assertThat(entry.caseId()).isEqualTo(id);
        assertThat(entry.action()).isEqualTo(StaffEventTypes.REPLIED);
        assertThat(entry.changes()).containsExactly(new FieldChange("reply.kind", null, "text"),
                new FieldChange("reply.event", null, "$reply1:amt.example"),
                new FieldChange("reply.sha256", null, SHA));
        AuditEntry second = entriesOf(templated).getFirst();
        assertThat(second.actor()).isEqualTo(BEN);
        assertThat(second.changes()).containsExactly(new FieldChange("reply.kind", null, "template"),
                new FieldChange("reply.txn", null, "m1717.42"),
                new FieldChange("reply.template", null, "wohngeld-eingang"),
                new FieldChange("reply.sha256", null, SHA));
        // Audit only: the case is as it was created.
        Case c = fold.book().find(id).orElseThrow();
        assertThat(c.status()).isEqualTo(CaseStatus.UNTRIAGED);
        assertThat(c.sla().firstResponse().met()).isNull();
    }

    /** The case does not change, so a shown audit trail learns of the reply through its own notification. */
    @Test
    void listenersAreToldOfTheReplysAuditEntryButNotOfACaseChange() {
        String id = log.at("2026-01-05T09:00").created(StaffLog.LEAD, ROOM);
        CaseLog fold = fold();
        List<String> audited = new java.util.ArrayList<>();
        List<String> changed = new java.util.ArrayList<>();
        fold.addListener(new CaseBookListener() {
            @Override
            public void caseChanged(Case before, Case after) {
                changed.add(after.id());
            }

            @Override
            public void auditRecorded(String caseId) {
                audited.add(caseId);
            }
        });
        int before = log.inputs().size();
        log.send(ANNA, OutgoingStaffEvents.replied(id, "$reply1:amt.example", null, "poll", null, SHA));
        fold.applyAll(log.inputs().subList(before, log.inputs().size()));

        assertThat(audited).containsExactly(id);
        assertThat(changed).isEmpty();
    }

    @Test
    void theFirstResponseIsStillMetByTheAgencysMessageNotByTheAttribution() {
        String id = log.at("2026-01-05T09:00").created(StaffLog.LEAD, ROOM);
        log.send(ANNA, OutgoingStaffEvents.typed(id, "housing.wohngeld.apply"));
        log.at("2026-01-05T10:00").send(ANNA, OutgoingStaffEvents.replied(id, "$reply1:amt.example", null, "text",
                null, SHA));
        assertThat(fold().book().find(id).orElseThrow().sla().firstResponse().met()).isNull();

        log.at("2026-01-05T10:01").agencyReplies(ROOM);
        CaseLog again = new CaseLog(UnitConfig.defaults("BA"), new InMemoryAuditLog());
        again.applyAll(log.inputs());
        assertThat(again.book().find(id).orElseThrow().sla().firstResponse().met())
                .isEqualTo(StaffLog.berlin("2026-01-05T10:01"));
    }

    @Test
    void malformedOrUnauthorisedAttributionsAreRejectedAndAudited() {
        String id = log.at("2026-01-05T09:00").created(StaffLog.LEAD, ROOM);
        StaffEvent outsider = log.send(OUTSIDER, OutgoingStaffEvents.replied(id, "$r:amt.example", null, "text", null,
                SHA));
        StaffEvent unknownCase = log.send(ANNA, OutgoingStaffEvents.replied("$nocase:amt.example", "$r:amt.example",
                null, "text", null, SHA));
        StaffEvent both = log.raw(ANNA, StaffEventTypes.REPLIED, "{'v':1,'case':'" + id
                + "','event':'$r:x','txn':'t1','kind':'text','sha256':'" + SHA + "'}");
        StaffEvent badKind = log.raw(ANNA, StaffEventTypes.REPLIED, "{'v':1,'case':'" + id
                + "','event':'$r:x','kind':'fax','sha256':'" + SHA + "'}");
        StaffEvent templateWithoutId = log.raw(ANNA, StaffEventTypes.REPLIED, "{'v':1,'case':'" + id
                + "','event':'$r:x','kind':'template','sha256':'" + SHA + "'}");
        StaffEvent badHash = log.raw(ANNA, StaffEventTypes.REPLIED, "{'v':1,'case':'" + id
                + "','event':'$r:x','kind':'text','sha256':'ABC'}");
        StaffEvent textInside = log.raw(ANNA, StaffEventTypes.REPLIED, "{'v':1,'case':'" + id
                + "','event':'$r:x','kind':'text','sha256':'" + SHA + "','body':'Klartext'}");
        StaffEvent claimsSender = log.raw(ANNA, StaffEventTypes.REPLIED, "{'v':1,'case':'" + id
                + "','event':'$r:x','kind':'text','sha256':'" + SHA + "','sender':'" + BEN + "'}");
        fold();
        assertThat(entriesOf(outsider).getFirst().rejection()).isEqualTo(Rejection.NOT_A_MEMBER);
        assertThat(entriesOf(unknownCase).getFirst().rejection()).isEqualTo(Rejection.UNKNOWN_CASE);
        for (StaffEvent bad : List.of(both, badKind, templateWithoutId, badHash, textInside, claimsSender)) {
            assertThat(entriesOf(bad)).singleElement().satisfies(e -> {
                assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.REJECTED);
                assertThat(e.rejection()).isEqualTo(Rejection.MALFORMED);
                assertThat(e.actor()).isEqualTo(ANNA);
            });
        }
    }

    @Test
    void theBuilderRefusesAmbiguousReferencesAndHashesUtf8() {
        assertThatThrownBy(() -> OutgoingStaffEvents.replied("$c:x", "$e:x", "t", "text", null, SHA))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutgoingStaffEvents.replied("$c:x", null, null, "text", null, SHA))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(OutgoingStaffEvents.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(OutgoingStaffEvents.replied("$c:x", "$e:x", null, "text", null, SHA).content().toString())
                .doesNotContain("prüfen");
    }
}
