package de.amtsdesk.core.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.core.notice.VerificationReport.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PAdES B-LT: the chain's revocation data goes into the PDF at signing time, so the notice verifies offline later —
 * where the same B-T notice, checked offline, cannot be confirmed (no revocation data). Still PDF/A-3b; pdfsig agrees.
 */
class NoticeLongTermTest {

    static byte[] signedLt;

    @BeforeAll
    static void sign() throws Exception {
        NoticeSigningTest.signOnce();
        NoticeTestPki pki = NoticeSigningTest.pki;
        NoticeSigner signer = new NoticeSigner(pki.keySource(), pki.tsa, NoticeComposeTest.CLOCK, pki.trust);
        signedLt = signer.sign(NoticeSigningTest.notice.pdf(), NoticeSigningTest.notice.signatureBox(),
                NoticeSigner.Level.B_LT, NoticeSigningTest.DETAILS);
    }

    private static NoticeVerifier offline() {
        return new NoticeVerifier(TrustSettings.offline(NoticeSigningTest.pki.trustAnchors), VerificationLimits.DEFAULT);
    }

    @Test
    void aLongTermNoticeVerifiesOfflineWhereBtCannotBeConfirmed() throws Exception {
        VerificationReport lt = offline().verify(signedLt);
        assertThat(lt.verdict()).as(lt.toString()).isEqualTo(Verdict.INTACT);
        assertThat(lt.signatures().getFirst().indication()).isEqualTo("TOTAL_PASSED");
        assertThat(lt.signatures().getFirst().timestampTime()).isNotNull();
        // The revocation data is in the file: a /DSS dictionary with OCSP answers or CRLs.
        String text = new String(signedLt, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("/DSS");
        assertThat(text.contains("/OCSPs") || text.contains("/CRLs")).isTrue();

        VerificationReport t = offline().verify(NoticeSigningTest.signedT);
        assertThat(t.verdict()).isEqualTo(Verdict.NOT_CONFIRMED);

        assertThat(PdfA.validate3b(signedLt).compliant()).isTrue();
        assertThat(Pdfsig.run(signedLt)).contains("Signature Validation: Signature is Valid.");
    }

    @Test
    void longTermNeedsATsaAndRevocationSources() {
        NoticeTestPki pki = NoticeSigningTest.pki;
        assertThatThrownBy(() -> new NoticeSigner(pki.keySource(), pki.tsa, NoticeComposeTest.CLOCK).sign(
                NoticeSigningTest.notice.pdf(), NoticeSigningTest.notice.signatureBox(), NoticeSigner.Level.B_LT,
                NoticeSigningTest.DETAILS)).isInstanceOf(NoticeSigningException.class).hasMessageContaining("B-LT");
        assertThatThrownBy(() -> new NoticeSigner(pki.keySource(), null, NoticeComposeTest.CLOCK, pki.trust).sign(
                NoticeSigningTest.notice.pdf(), NoticeSigningTest.notice.signatureBox(), NoticeSigner.Level.B_LT,
                NoticeSigningTest.DETAILS)).isInstanceOf(NoticeSigningException.class).hasMessageContaining("TSA");
    }
}
