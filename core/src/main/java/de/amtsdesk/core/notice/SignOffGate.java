package de.amtsdesk.core.notice;

import de.amtsdesk.core.cases.CaseBook;
import de.amtsdesk.core.cases.NoticeSignOff;

/**
 * The rule between Mitzeichnung and signing: a notice is signed only when the case's folded staff log holds an
 * approval for the SHA-256 of exactly these bytes. A re-rendered or edited draft has another hash and needs its own
 * approval. The fold already refused approvals by the drafter (audited as SELF_APPROVAL).
 */
public final class SignOffGate {

    private SignOffGate() {
    }

    /** @throws NoticeSigningException naming the draft's hash and what is missing */
    public static NoticeSignOff requireApproval(CaseBook book, String caseId, byte[] pdf)
            throws NoticeSigningException {
        String sha256 = NoticeHash.sha256Hex(pdf);
        NoticeSignOff signOff = book.signOff(caseId, sha256).orElseThrow(() -> new NoticeSigningException(
                "notice " + sha256 + " has no sign-off request in case " + caseId + "; it cannot be signed"));
        if (!signOff.approved()) {
            throw new NoticeSigningException("notice " + sha256 + " is " + signOff.status().wireName()
                    + ", not approved; it cannot be signed");
        }
        return signOff;
    }
}
