package de.amtsdesk.core.cases;

import static de.amtsdesk.core.cases.StaffLog.ANNA;
import static de.amtsdesk.core.cases.StaffLog.BEN;
import static de.amtsdesk.core.cases.StaffLog.LEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.FieldChange;
import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import de.amtsdesk.core.cases.audit.Rejection;
import de.amtsdesk.core.cases.log.StaffEvent;
import de.amtsdesk.core.cases.log.StaffEventTypes;
import de.amtsdesk.core.notice.NoticeHash;
import de.amtsdesk.core.notice.NoticeSigningException;
import de.amtsdesk.core.notice.SignOffGate;
import de.amtsdesk.core.staff.SnapshotCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mitzeichnung of notice drafts through {@code de.amtsdesk.case.notice.signoff} (ADR 0017): request, approve,
 * reject, each naming the draft's SHA-256; the drafter cannot approve; signing needs an approval of exactly the
 * bytes to be signed; the state survives a snapshot.
 */
class NoticeSignOffTest {

    private static final String ROOM = "!room1:amt.example";
    private static final byte[] DRAFT = "%PDF-1.7 draft one".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EDITED = "%PDF-1.7 draft two".getBytes(StandardCharsets.US_ASCII);
    private static final String SHA = NoticeHash.sha256Hex(DRAFT);
    private static final String SHA_EDITED = NoticeHash.sha256Hex(EDITED);

    private final StaffLog log = StaffLog.startingAt("2026-12-02T09:00").withStandardRoom();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();

    private CaseLog fold() {
        CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), audit);
        fold.applyAll(log.inputs());
        return fold;
    }

    private AuditEntry entryOf(StaffEvent event) {
        return audit.all().stream().filter(e -> e.eventId().equals(event.eventId())).findFirst().orElseThrow();
    }

    @Test
    void aSecondMemberApprovesTheExactDraftAndOnlyThatDraftCanBeSigned() throws Exception {
        String id = log.created(LEAD, ROOM);
        StaffEvent request = log.send(ANNA, OutgoingStaffEvents.requestNoticeSignOff(id, SHA, "Bescheid Wohngeld"));
        StaffEvent approval = log.send(BEN, OutgoingStaffEvents.approveNotice(id, SHA));

        CaseBook book = fold().book();
        NoticeSignOff signOff = book.signOff(id, SHA).orElseThrow();
        assertThat(signOff.status()).isEqualTo(NoticeSignOff.Status.APPROVED);
        assertThat(signOff.requestedBy()).isEqualTo(ANNA);
        assertThat(signOff.decidedBy()).isEqualTo(BEN);
        assertThat(signOff.title()).isEqualTo("Bescheid Wohngeld");
        assertThat(entryOf(request).changes()).containsExactly(new FieldChange("notice.sha256", null, SHA),
                new FieldChange("notice.signoff", null, "requested"));
        assertThat(entryOf(approval).outcome()).isEqualTo(AuditEntry.Outcome.APPLIED);
        assertThat(entryOf(approval).action()).isEqualTo(StaffEventTypes.NOTICE_SIGNOFF);
        assertThat(entryOf(approval).changes()).contains(new FieldChange("notice.signoff", "requested", "approved"));

        assertThat(SignOffGate.requireApproval(book, id, DRAFT).decidedBy()).isEqualTo(BEN);
        // one changed byte: another hash, no approval
        assertThatThrownBy(() -> SignOffGate.requireApproval(book, id, EDITED))
                .isInstanceOf(NoticeSigningException.class).hasMessageContaining(SHA_EDITED)
                .hasMessageContaining("no sign-off request");
    }

    @Test
    void theDrafterCannotApproveTheirOwnDraftAndTheRefusalIsAudited() {
        String id = log.created(LEAD, ROOM);
        log.send(ANNA, OutgoingStaffEvents.requestNoticeSignOff(id, SHA, null));
        StaffEvent selfApproval = log.send(ANNA, OutgoingStaffEvents.approveNotice(id, SHA));

        CaseBook book = fold().book();
        AuditEntry refused = entryOf(selfApproval);
        assertThat(refused.outcome()).isEqualTo(AuditEntry.Outcome.REJECTED);
        assertThat(refused.rejection()).isEqualTo(Rejection.SELF_APPROVAL);
        assertThat(refused.actor()).isEqualTo(ANNA);
        assertThat(refused.caseId()).isEqualTo(id);
        assertThat(book.signOff(id, SHA).orElseThrow().status()).isEqualTo(NoticeSignOff.Status.REQUESTED);
        assertThatThrownBy(() -> SignOffGate.requireApproval(book, id, DRAFT))
                .isInstanceOf(NoticeSigningException.class).hasMessageContaining("requested, not approved");
    }

    @Test
    void aRejectionNeedsAnotherRequestAndNothingIsApprovedWithoutARequest() {
        String id = log.created(LEAD, ROOM);
        StaffEvent approveUnknown = log.send(BEN, OutgoingStaffEvents.approveNotice(id, SHA));
        log.send(ANNA, OutgoingStaffEvents.requestNoticeSignOff(id, SHA, null));
        StaffEvent reject = log.send(BEN, OutgoingStaffEvents.rejectNotice(id, SHA, "Rechtsbehelfsbelehrung fehlt"));
        StaffEvent lateApproval = log.send(LEAD, OutgoingStaffEvents.approveNotice(id, SHA));
        log.send(ANNA, OutgoingStaffEvents.requestNoticeSignOff(id, SHA_EDITED, null));
        log.send(LEAD, OutgoingStaffEvents.approveNotice(id, SHA_EDITED));
        StaffEvent malformed = log.raw(BEN, StaffEventTypes.NOTICE_SIGNOFF,
                "{'v':1,'case':'" + id + "','action':'approve','sha256':'" + SHA + "','title':'x'}");

        CaseBook book = fold().book();
        assertThat(entryOf(approveUnknown).rejection()).isEqualTo(Rejection.UNKNOWN_NOTICE_DRAFT);
        assertThat(entryOf(reject).changes()).contains(new FieldChange("notice.reason", null,
                "Rechtsbehelfsbelehrung fehlt"));
        assertThat(entryOf(lateApproval).rejection()).isEqualTo(Rejection.SIGN_OFF_ALREADY_DECIDED);
        assertThat(entryOf(malformed).rejection()).isEqualTo(Rejection.MALFORMED);
        assertThat(book.signOffs(id)).extracting(NoticeSignOff::sha256, NoticeSignOff::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SHA, NoticeSignOff.Status.REJECTED),
                org.assertj.core.groups.Tuple.tuple(SHA_EDITED, NoticeSignOff.Status.APPROVED));
    }

    @Test
    void signOffsSurviveJsonAndBinarySnapshots() throws Exception {
        String id = log.created(LEAD, ROOM);
        log.send(ANNA, OutgoingStaffEvents.requestNoticeSignOff(id, SHA, "Bescheid"));
        log.send(BEN, OutgoingStaffEvents.approveNotice(id, SHA));
        FoldSnapshot snapshot = fold().book().snapshot();
        assertThat(snapshot.noticeSignOffs()).hasSize(1);

        for (FoldSnapshot restored : List.of(
                SnapshotCodec.decode(SnapshotCodec.FORMAT, SnapshotCodec.encode(snapshot)),
                SnapshotCodec.decodeBinary(SnapshotCodec.encodeBinary(snapshot)))) {
            assertThat(restored.noticeSignOffs()).isEqualTo(snapshot.noticeSignOffs());
            assertThat(CaseBook.restore(restored).signOff(id, SHA).orElseThrow().approved()).isTrue();
        }
    }
}
