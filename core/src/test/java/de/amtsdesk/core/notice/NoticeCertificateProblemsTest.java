package de.amtsdesk.core.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.core.notice.VerificationReport.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signers the caseworker must not trust, and a signature DSS cannot read: never "intact", never "unsigned". */
class NoticeCertificateProblemsTest {

    static NoticeTestPki pki;
    static NoticePdfWriter.RenderedNotice notice;

    @BeforeAll
    static void pki() throws Exception {
        pki = NoticeTestPki.get();
        notice = NoticeComposeTest.render("general.decision", Locale.GERMAN);
    }

    private static byte[] signAs(String alias) throws Exception {
        return new NoticeSigner(pki.keySourceOf(alias), null, NoticeComposeTest.CLOCK)
                .sign(notice.pdf(), notice.signatureBox(), NoticeSigner.Level.B_B, NoticeSigningTest.DETAILS);
    }

    private static VerificationReport verify(byte[] pdf) {
        return new NoticeVerifier(pki.trust, VerificationLimits.DEFAULT).verify(pdf);
    }

    @Test
    void aRevokedSignerIsNotIntact() throws Exception {
        VerificationReport report = verify(signAs("revoked-user"));
        assertThat(report.verdict()).isEqualTo(Verdict.NOT_CONFIRMED);
        assertThat(report.signatures().getFirst().indication()).isEqualTo("INDETERMINATE");
        assertThat(report.signatures().getFirst().subIndication()).isEqualTo("REVOKED_NO_POE");
        assertThat(report.plainWords(Locale.GERMAN)).contains("Das Zertifikat des Unterzeichners ist gesperrt.");
    }

    @Test
    void aSelfSignedSignerMatchesTheBytesButIsNotConfirmed() throws Exception {
        byte[] signed = signAs("self-signed");
        VerificationReport report = verify(signed);
        assertThat(report.verdict()).isEqualTo(Verdict.NOT_CONFIRMED);
        assertThat(report.signatures().getFirst().indication()).isEqualTo("INDETERMINATE");
        assertThat(report.signatures().getFirst().subIndication()).isEqualTo("NO_CERTIFICATE_CHAIN_FOUND");
        assertThat(report.signatures().getFirst().chainTrusted()).isFalse();
        if (Pdfsig.available()) {
            // pdfsig agrees on integrity (it cannot know our trust anchors)
            assertThat(Pdfsig.run(signed)).contains("Signature is Valid");
        }
    }

    @Test
    void signingWithAnExpiredCertificateIsRefusedWithAReason() {
        assertThatThrownBy(() -> signAs("expired-user")).isInstanceOf(NoticeSigningException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void dataAfterTheCmsInContentsMakesTheSignatureBrokenNotAbsent() throws Exception {
        NoticeSigningTest.signOnce();
        byte[] pdf = NoticeSigningTest.signedB.clone();
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        // /Contents <3082...0000> : put non-zero bytes into the zero padding (not covered by the byte range)
        int contents = text.indexOf("/Contents <");
        int close = text.indexOf('>', contents);
        assertThat(contents).isPositive();
        for (int i = close - 40; i < close; i++) {
            pdf[i] = 'A';
        }
        VerificationReport report = verify(pdf);
        assertThat(report.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.indication()).isEqualTo("TOTAL_FAILED");
            assertThat(s.messages()).contains(NoticeVerifier.UNREADABLE_SIGNATURE);
        });
        if (Pdfsig.available()) {
            // pdfsig (NSS) ignores data after the CMS and calls it valid; we follow DSS/BouncyCastle and PAdES
            // (Contents is a DER CMS, padded with zeros): a deliberate disagreement, see ADR 0017
            assertThat(Pdfsig.run(pdf)).contains("Signature is Valid");
        }
    }

    @Test
    void anUnreachableTsaMakesBTSigningFailWithAReason() {
        assertThatThrownBy(() -> new NoticeSigner(pki.keySource(), NoticeSigner.onlineTsa("http://127.0.0.1:9/tsa"),
                NoticeComposeTest.CLOCK).sign(notice.pdf(), notice.signatureBox(), NoticeSigner.Level.B_T,
                        NoticeSigningTest.DETAILS)).isInstanceOf(NoticeSigningException.class)
                .hasMessageContaining("signing with PKCS#12 file");
    }
}
