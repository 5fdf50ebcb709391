package de.amtsdesk.core.staff;

import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.NoticeDelivery;
import de.amtsdesk.core.cases.NoticeSignOff;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.engine.AgencyEngine;
import de.amtsdesk.core.engine.EngineStore;
import de.amtsdesk.core.engine.ReadReceipt;
import de.amtsdesk.core.notice.NoticeHash;
import de.amtsdesk.core.store.NoticeDeliveryRepository;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a signed notice to the case's citizen and proves it (ADR 0017): a short templated text and the PDF as an
 * encrypted attachment ({@code m.file} with an {@code EncryptedFile}, through {@link AgencyEngine#sendFile} and
 * the functional account's outbox, like every reply: there is no cleartext path), then delivery evidence in the staff
 * log from the caseworker's personal account: {@code de.amtsdesk.case.notice.delivered} with stage {@code sent}
 * (SHA-256 of the PDF bytes sent, SHA-256 of the approved draft, the file's event ID) once the outbox named the
 * event, and with stage {@code read} once the citizen's {@code m.read} receipt for that event (or a later one)
 * arrives in the functional account's sync.
 *
 * <p>What is still to be queued waits in the caseworker's profile store ({@code notice_deliveries}), so it survives a
 * lock or restart. {@link StaffClient#followCitizenRooms} drives {@link #recordSent} and {@link #recordReceipts};
 * call them yourself without that. A read receipt is only seen while this workstation syncs the functional account
 * (a receipt sent while it was off arrives with the next initial sync only).
 */
public final class NoticeSending {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeSending.class);
    private static final String MESSAGES = "de.amtsdesk.core.notice.messages";

    private NoticeSending() {
    }

    /** The text that goes with the PDF: "Guten Tag, anbei erhalten Sie den Bescheid „title“ zu Ihrem Anliegen REF…". */
    public static String defaultMessage(Locale locale, String title, String reference) {
        // Translations: German for German, never the machine's default locale (plain getBundle fell back to English).
        return de.amtsdesk.core.i18n.Translations.load(MESSAGES, locale).get("delivery.message", title, reference);
    }

    /** What was queued: the outbox transactions of the text and the file, and the PDF's SHA-256. */
    public record Queued(String messageTxn, String fileTxn, String pdfSha256) {
    }

    /**
     * Queues {@code message} and the signed notice to the case's citizen in the functional account's outbox, and the
     * delivery evidence for later. Refused (nothing queued) unless the case's staff log holds an approved sign-off
     * of {@code draftSha256} by a second member.
     *
     * @param signedPdf   the signed notice's exact bytes (their SHA-256 is what the evidence names)
     * @param draftSha256 the SHA-256 of the draft that was signed off and then signed
     * @throws IllegalArgumentException when the case is not in {@code staff}'s book
     * @throws IllegalStateException    without an approved sign-off, or before {@code staff} may send to the staff room
     */
    public static Queued send(StaffClient staff, AgencyEngine functional, String caseId, byte[] signedPdf,
            String draftSha256, String fileName, String message) throws IOException {
        Objects.requireNonNull(signedPdf, "signedPdf");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(message, "message");
        Case c = staff.book().find(caseId).orElseThrow(() -> new IllegalArgumentException("no case " + caseId
                + " in the staff log of " + staff.userId()));
        if (!staff.readyToSend()) {
            throw new IllegalStateException("the staff room is not joined and encrypted on this client yet: the"
                    + " delivery could not be recorded");
        }
        Optional<NoticeSignOff> signOff = staff.book().signOff(caseId, draftSha256);
        if (signOff.isEmpty() || !signOff.get().approved()) {
            throw new IllegalStateException("the notice draft " + draftSha256 + " is not signed off in case "
                    + c.reference() + ": it must not be sent");
        }
        if (!functional.isEncrypted(c.roomId())) {
            throw new IllegalStateException("the citizen room of " + c.reference() + " is not encrypted");
        }
        String pdfSha256 = NoticeHash.sha256Hex(signedPdf);
        String messageTxn = functional.sendText(c.roomId(), message);
        String fileTxn = functional.sendFile(c.roomId(), signedPdf, fileName, "application/pdf");
        NoticeDeliveryRepository.of(staff.workstation().database()).add(fileTxn, caseId, pdfSha256, draftSha256);
        LOG.info("notice {} for case {} queued as {}", pdfSha256, caseId, fileTxn);
        recordSent(staff, functional);
        return new Queued(messageTxn, fileTxn, pdfSha256);
    }

    /**
     * Queues the {@code sent} evidence of every notice the functional outbox has sent since; forgets notices that
     * were discarded from it.
     *
     * @return how many were queued
     */
    public static int recordSent(StaffClient staff, AgencyEngine functional) {
        return staff.recordSentNotices(functional);
    }

    /**
     * Queues the {@code read} evidence for each notice this caseworker sent whose file event the case's citizen
     * acknowledged with an {@code m.read} receipt: for that event, or for a later event of the room (a read receipt
     * means "read up to here", Matrix spec, receipts module).
     *
     * @return how many were queued
     */
    public static int recordReceipts(StaffClient staff, AgencyEngine functional, List<ReadReceipt> receipts) {
        return staff.recordNoticeReceipts(functional, receipts);
    }

    /** The delivery evidence of a case as this client folded it. */
    public static List<NoticeDelivery> evidence(StaffClient staff, String caseId) {
        return staff.book().deliveries(caseId);
    }

    static boolean covers(AgencyEngine functional, String roomId, String fileEventId, String receiptEventId) {
        if (fileEventId.equals(receiptEventId)) {
            return true;
        }
        List<EngineStore.StoredEvent> events = functional.storedEvents(roomId);
        int file = -1;
        int receipt = -1;
        for (int i = 0; i < events.size(); i++) {
            String id = events.get(i).eventId();
            if (fileEventId.equals(id)) {
                file = i;
            } else if (receiptEventId.equals(id)) {
                receipt = i;
            }
        }
        return file >= 0 && receipt > file;
    }
}
