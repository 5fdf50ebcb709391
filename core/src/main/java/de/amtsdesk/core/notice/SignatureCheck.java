package de.amtsdesk.core.notice;

import java.time.Instant;
import java.util.List;

/**
 * The verification of one signature in a PDF.
 *
 * @param signer             the signing certificate's name (CN or the like); null when not identifiable
 * @param chainTrusted       whether the certificate chain ends in one of the configured trust anchors
 * @param claimedSigningTime the time the signer's software wrote (not proven)
 * @param timestampTime      the time a TSA confirmed (proven), or null without a signature timestamp
 * @param byteRange          the signed byte ranges as in the PDF: offset, length, offset, length
 * @param coversWholeFile    true when the byte ranges end at the end of the file (nothing appended since)
 * @param indication         DSS's indication (TOTAL_PASSED, TOTAL_FAILED, INDETERMINATE)
 * @param subIndication      DSS's sub-indication (HASH_FAILURE, NO_CERTIFICATE_CHAIN_FOUND, ...) or null
 * @param messages           DSS's message keys for errors and warnings (e.g. BBB_FC_IVDBSFR_ANS)
 */
public record SignatureCheck(String id, State state, String signer, boolean chainTrusted, Instant claimedSigningTime,
        Instant timestampTime, String timestampAuthority, List<Long> byteRange, boolean coversWholeFile,
        String indication, String subIndication, List<String> messages) {

    /** The caseworker's reading of a signature, worst last. */
    public enum State {
        /** Unchanged since signing and signed by a trusted certificate. */
        INTACT,
        /** The signed part is unchanged, but the certificate chain could not be confirmed (untrusted, no revocation). */
        NOT_CONFIRMED,
        /** The signed bytes are unchanged but the document was changed afterwards (incremental update). */
        MODIFIED_AFTER_SIGNING,
        /** The signature does not match the bytes (tampered) or is otherwise invalid. */
        BROKEN
    }

    public SignatureCheck {
        byteRange = List.copyOf(byteRange);
        messages = List.copyOf(messages);
    }
}
