package de.amtsdesk.app.notice;

/**
 * What the notice editor needs beyond the case log: sending a signed notice to the case's citizen (in the app
 * {@code NoticeSending.send} over the staff client and the functional account's engine; in tests a fake).
 */
@FunctionalInterface
public interface NoticeWork {

    /**
     * Queues the text and the signed PDF, encrypted, to the case's citizen and records the delivery evidence.
     *
     * @return the outbox transaction of the file
     * @throws Exception when it cannot be queued (no approval, room not encrypted, …): nothing was sent then
     */
    String send(String caseId, byte[] signedPdf, String draftSha256, String fileName, String message)
            throws Exception;
}
