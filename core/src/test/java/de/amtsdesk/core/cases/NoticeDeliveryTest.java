package de.amtsdesk.core.cases;

import static de.amtsdesk.core.cases.StaffLog.ANNA;
import static de.amtsdesk.core.cases.StaffLog.BEN;
import static de.amtsdesk.core.cases.StaffLog.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.FieldChange;
import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import de.amtsdesk.core.cases.audit.Rejection;
import de.amtsdesk.core.cases.log.StaffEvent;
import de.amtsdesk.core.cases.log.StaffEventTypes;
import de.amtsdesk.core.notice.NoticeHash;
import de.amtsdesk.core.staff.SnapshotCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Delivery evidence of sent notices through {@code de.amtsdesk.case.notice.delivered} (ADR 0017): sent only for an
 * approved draft, read only by the case's citizen and only for a recorded delivery, each once; survives snapshots.
 */
class NoticeDeliveryTest {

    private static final String ROOM = "!room1:amt.example";
    private static final String CITIZEN = "@citizen-roo:bund.example";
    private static final String DRAFT = NoticeHash.sha256Hex("%PDF draft".getBytes(StandardCharsets.US_ASCII));
    private static final String SIGNED = NoticeHash.sha256Hex("%PDF signed".getBytes(StandardCharsets.US_ASCII));
    private static final String FILE_EVENT = "$file1";
    private static final long READ_TS = 1_796_200_000_000L;

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
    void anApprovedNoticeIsRecordedAsSentThenAsReadByTheCitizenInTheAuditTrail() {
        String id = log.created(LEAD, ROOM);
        log.send(ANNA, OutgoingStaffEvents.requestNoticeSignOff(id, DRAFT, "Bescheid"));
        log.send(BEN, OutgoingStaffEvents.approveNotice(id, DRAFT));
        StaffEvent sent = log.send(ANNA, OutgoingStaffEvents.noticeSent(id, SIGNED, DRAFT, FILE_EVENT));
        StaffEvent read = log.send(ANNA, OutgoingStaffEvents.noticeRead(id, SIGNED, FILE_EVENT, CITIZEN, READ_TS));
        StaffEvent again = log.send(BEN, OutgoingStaffEvents.noticeRead(id, SIGNED, FILE_EVENT, CITIZEN, READ_TS));

        CaseBook book = fold().book();
        NoticeDelivery delivery = book.delivery(id, FILE_EVENT).orElseThrow();
        assertThat(delivery.sha256()).isEqualTo(SIGNED);
        assertThat(delivery.draftSha256()).isEqualTo(DRAFT);
        assertThat(delivery.sentBy()).isEqualTo(ANNA);
        assertThat(delivery.readBy()).isEqualTo(CITIZEN);
        assertThat(delivery.readAt()).isEqualTo(Instant.ofEpochMilli(READ_TS));
        assertThat(entryOf(sent).action()).isEqualTo(StaffEventTypes.NOTICE_DELIVERED);
        assertThat(entryOf(sent).caseId()).isEqualTo(id);
        assertThat(entryOf(sent).changes()).containsExactly(new FieldChange("notice.sha256", null, SIGNED),
                new FieldChange("notice.event", null, FILE_EVENT), new FieldChange("notice.draft", null, DRAFT),
                new FieldChange("notice.delivery", null, "sent"));
        assertThat(entryOf(read).changes()).contains(new FieldChange("notice.delivery", "sent", "read"),
                new FieldChange("notice.readBy", null, CITIZEN),
                new FieldChange("notice.readAt", null, Instant.ofEpochMilli(READ_TS).toString()));
        assertThat(entryOf(again).rejection()).isEqualTo(Rejection.DELIVERY_ALREADY_RECORDED);
    }

    @Test
    void noEvidenceForAnUnapprovedDraftAStrangersReceiptOrAnUnknownDelivery() {
        String id = log.created(LEAD, ROOM);
        log.send(ANNA, OutgoingStaffEvents.requestNoticeSignOff(id, DRAFT, null));
        StaffEvent unapproved = log.send(ANNA, OutgoingStaffEvents.noticeSent(id, SIGNED, DRAFT, FILE_EVENT));
        StaffEvent unknownRead = log.send(ANNA, OutgoingStaffEvents.noticeRead(id, SIGNED, "$other", CITIZEN, 1));
        log.send(BEN, OutgoingStaffEvents.approveNotice(id, DRAFT));
        log.send(ANNA, OutgoingStaffEvents.noticeSent(id, SIGNED, DRAFT, FILE_EVENT));
        StaffEvent duplicate = log.send(BEN, OutgoingStaffEvents.noticeSent(id, SIGNED, DRAFT, FILE_EVENT));
        StaffEvent stranger = log.send(ANNA, OutgoingStaffEvents.noticeRead(id, SIGNED, FILE_EVENT,
                "@someone:bund.example", 1));
        StaffEvent malformed = log.raw(ANNA, StaffEventTypes.NOTICE_DELIVERED, "{'v':1,'case':'" + id
                + "','stage':'read','sha256':'" + SIGNED + "','event':'" + FILE_EVENT + "','reader':'" + CITIZEN
                + "','readAt':'yesterday'}");

        CaseBook book = fold().book();
        assertThat(entryOf(unapproved).rejection()).isEqualTo(Rejection.NOTICE_NOT_APPROVED);
        assertThat(entryOf(unknownRead).rejection()).isEqualTo(Rejection.UNKNOWN_NOTICE_DELIVERY);
        assertThat(entryOf(duplicate).rejection()).isEqualTo(Rejection.DELIVERY_ALREADY_RECORDED);
        assertThat(entryOf(stranger).rejection()).isEqualTo(Rejection.UNKNOWN_NOTICE_DELIVERY);
        assertThat(entryOf(malformed).rejection()).isEqualTo(Rejection.MALFORMED);
        assertThat(book.deliveries(id)).singleElement().satisfies(d -> {
            assertThat(d.isRead()).isFalse();
            assertThat(d.sentBy()).isEqualTo(ANNA);
        });
    }

    @Test
    void deliveriesSurviveJsonAndBinarySnapshots() throws Exception {
        String id = log.created(LEAD, ROOM);
        log.send(ANNA, OutgoingStaffEvents.requestNoticeSignOff(id, DRAFT, null));
        log.send(BEN, OutgoingStaffEvents.approveNotice(id, DRAFT));
        log.send(ANNA, OutgoingStaffEvents.noticeSent(id, SIGNED, DRAFT, FILE_EVENT));
        log.send(ANNA, OutgoingStaffEvents.noticeRead(id, SIGNED, FILE_EVENT, CITIZEN, READ_TS));
        FoldSnapshot snapshot = fold().book().snapshot();
        assertThat(snapshot.noticeDeliveries()).hasSize(1);

        for (FoldSnapshot restored : List.of(
                SnapshotCodec.decode(SnapshotCodec.FORMAT, SnapshotCodec.encode(snapshot)),
                SnapshotCodec.decodeBinary(SnapshotCodec.encodeBinary(snapshot)))) {
            assertThat(restored.noticeDeliveries()).isEqualTo(snapshot.noticeDeliveries());
            assertThat(CaseBook.restore(restored).delivery(id, FILE_EVENT).orElseThrow().readBy()).isEqualTo(CITIZEN);
        }
    }
}
