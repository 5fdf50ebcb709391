package de.amtsdesk.core.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.core.notice.VerificationReport.Verdict;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign (PAdES B-B, B-T) and verify, with veraPDF and poppler's pdfsig as second opinions. One PKI per JVM. */
class NoticeSigningTest {

    static final NoticeSigner.Details DETAILS =
            new NoticeSigner.Details("Bescheid", "Musterstadt", Locale.GERMAN, ZoneId.of("Europe/Berlin"));

    static NoticeTestPki pki;
    static NoticePdfWriter.RenderedNotice notice;
    static byte[] signedB;
    static byte[] signedT;

    @BeforeAll
    static synchronized void signOnce() throws Exception {
        if (signedT != null) {
            return;
        }
        pki = NoticeTestPki.get();
        notice = NoticeComposeTest.render("general.decision", Locale.GERMAN);
        NoticeSigner signer = new NoticeSigner(pki.keySource(), pki.tsa, NoticeComposeTest.CLOCK);
        signedB = signer.sign(notice.pdf(), notice.signatureBox(), NoticeSigner.Level.B_B, DETAILS);
        signedT = signer.sign(notice.pdf(), notice.signatureBox(), NoticeSigner.Level.B_T, DETAILS);
    }

    static NoticeVerifier verifier() {
        return new NoticeVerifier(pki.trust, VerificationLimits.DEFAULT);
    }

    @Test
    void bLevelSignatureIsIntactPdfA3bAndCoversTheWholeFile() throws Exception {
        VerificationReport report = verifier().verify(signedB);

        assertThat(report.verdict()).isEqualTo(Verdict.INTACT);
        assertThat(report.sha256()).isEqualTo(NoticeHash.sha256Hex(signedB));
        SignatureCheck signature = report.signatures().getFirst();
        assertThat(signature.indication()).isEqualTo("TOTAL_PASSED");
        assertThat(signature.subIndication()).isNull();
        assertThat(signature.chainTrusted()).isTrue();
        assertThat(signature.signer()).isEqualTo("good-user");
        assertThat(signature.claimedSigningTime()).isEqualTo(NoticeComposeTest.CLOCK.instant());
        assertThat(signature.timestampTime()).isNull();
        assertThat(signature.coversWholeFile()).isTrue();
        assertThat(signature.byteRange()).hasSize(4).first().isEqualTo(0L);
        assertThat(report.plainWords(Locale.GERMAN)).containsExactly(
                "Das Dokument ist unverändert und von einer vertrauenswürdigen Stelle signiert.",
                "Signatur von good-user: gültig. Signierzeit laut Unterzeichner: 02.12.2026, 11:15:30. (TOTAL_PASSED)");

        assertThat(PdfA.validate3b(signedB).failures()).isEmpty();
        assertThat(PdfA.validate3b(signedB).compliant()).isTrue();
        try (PDDocument document = Loader.loadPDF(signedB)) {
            PDSignature dictionary = document.getLastSignatureDictionary();
            assertThat(dictionary.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            // the visible field sits on the last page in the box the writer kept free
            var field = document.getSignatureFields().getFirst();
            var widget = field.getWidgets().getFirst();
            assertThat(widget.getRectangle().getWidth()).isPositive();
            assertThat(document.getPages().indexOf(widget.getPage())).isEqualTo(notice.pageCount() - 1);
            assertThat(widget.getAppearance().getNormalAppearance()).isNotNull();
        }
    }

    @Test
    void tLevelSignatureCarriesAVerifiedTimestampAndStaysPdfA3b() throws Exception {
        VerificationReport report = verifier().verify(signedT);

        assertThat(report.verdict()).isEqualTo(Verdict.INTACT);
        SignatureCheck signature = report.signatures().getFirst();
        assertThat(signature.indication()).isEqualTo("TOTAL_PASSED");
        assertThat(signature.timestampTime()).isNotNull();
        assertThat(signature.timestampAuthority()).isNotBlank();
        assertThat(PdfA.validate3b(signedT).compliant()).isTrue();
    }

    @Test
    void pdfsigAgreesThatBothSignaturesAreValid() throws Exception {
        assertThat(Pdfsig.available()).as("poppler's pdfsig installed (apt-get install poppler-utils)").isTrue();
        for (byte[] signed : new byte[][] {signedB, signedT}) {
            String out = Pdfsig.run(signed);
            assertThat(out).contains("Signature Validation: Signature is Valid.")
                    .contains("Signer full Distinguished Name: ").contains("good-user")
                    .contains("Hash Algorithm: SHA-256").contains("Total document signed");
        }
    }

    @Test
    void aFlippedByteInsideTheSignedRangeIsBrokenAndPdfsigSeesADigestMismatch() throws Exception {
        byte[] tampered = signedB.clone();
        // change a digit of the reference number in the page content? Content is compressed: flip a byte of the
        // XMP metadata instead, which is uncompressed and inside the signed range
        String text = new String(tampered, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("<pdfaid:part>3");
        assertThat(at).isPositive();
        tampered[at + "<pdfaid:part>".length()] = '2';

        VerificationReport report = verifier().verify(tampered);
        assertThat(report.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(report.signatures().getFirst().indication()).isEqualTo("TOTAL_FAILED");
        assertThat(report.signatures().getFirst().subIndication()).isEqualTo("HASH_FAILURE");
        assertThat(report.plainWords(Locale.ENGLISH).getFirst()).startsWith("Warning: the signature does not match");
        if (Pdfsig.available()) {
            assertThat(Pdfsig.run(tampered)).contains("Digest Mismatch");
        }
    }

    @Test
    void aVisibleChangeAppendedAfterSigningIsModifiedAfterSigning() throws Exception {
        byte[] modified = appendVisibleText(signedB, "NACHTRÄGLICH GEÄNDERT");

        VerificationReport report = verifier().verify(modified);
        assertThat(report.verdict()).isEqualTo(Verdict.MODIFIED_AFTER_SIGNING);
        SignatureCheck signature = report.signatures().getFirst();
        assertThat(signature.coversWholeFile()).isFalse();
        assertThat(signature.messages()).containsAnyElementsOf(NoticeVerifier.MODIFIED_AFTER_SIGNING_KEYS);
        assertThat(report.plainWords(Locale.GERMAN).getFirst()).contains("nach dem Signieren verändert");
        if (Pdfsig.available()) {
            // pdfsig: the signed part is fine, but it does not cover the document
            assertThat(Pdfsig.run(modified)).contains("Signature is Valid").contains("Not total document signed");
        }
    }

    @Test
    void dssReadsZeroPaddedSignaturesThroughOurCmsReaderOnly() throws Exception {
        java.lang.reflect.Field impl = eu.europa.esig.dss.cms.CMSUtils.class.getDeclaredField("impl");
        impl.setAccessible(true);
        assertThat(impl.get(null)).as("ServiceLoader order: core's reader must win").isInstanceOf(PaddedCmsUtils.class);
        byte[] der = {0x30, 0x03, 0x02, 0x01, 0x05};
        byte[] padded = java.util.Arrays.copyOf(der, 40);
        assertThat(PaddedCmsUtils.withoutZeroPadding(padded)).containsExactly(der);
        byte[] trailingJunk = padded.clone();
        trailingJunk[30] = 1;
        assertThat(PaddedCmsUtils.withoutZeroPadding(trailingJunk)).isSameAs(trailingJunk);
    }

    @Test
    void anUnsignedNoticeIsNotSigned() {
        VerificationReport report = verifier().verify(notice.pdf());
        assertThat(report.verdict()).isEqualTo(Verdict.NOT_SIGNED);
        assertThat(report.signatures()).isEmpty();
        assertThat(report.plainWords(Locale.ENGLISH)).containsExactly("The document is not electronically signed.");
    }

    @Test
    void withoutTheTrustAnchorTheSignatureMatchesButIsNotConfirmed() {
        TrustSettings nobodyTrusted = new TrustSettings(new eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource(),
                pki.trust.ocsp(), pki.trust.crl(), pki.trust.aia());
        VerificationReport report = new NoticeVerifier(nobodyTrusted, VerificationLimits.DEFAULT).verify(signedB);
        assertThat(report.verdict()).isEqualTo(Verdict.NOT_CONFIRMED);
        assertThat(report.signatures().getFirst().indication()).isEqualTo("INDETERMINATE");
        assertThat(report.signatures().getFirst().subIndication()).isEqualTo("NO_CERTIFICATE_CHAIN_FOUND");
        assertThat(report.signatures().getFirst().chainTrusted()).isFalse();
    }

    @Test
    void bTWithoutATsaAndAWrongPasswordAreRefusedWithAReason() throws Exception {
        NoticeSigner noTsa = new NoticeSigner(pki.keySource(), null, NoticeComposeTest.CLOCK);
        assertThatThrownBy(() -> noTsa.sign(notice.pdf(), notice.signatureBox(), NoticeSigner.Level.B_T, DETAILS))
                .isInstanceOf(NoticeSigningException.class).hasMessageContaining("TSA");
        NoticeSigner wrongPassword = new NoticeSigner(new Pkcs12KeySource(pki.pkcs12, "falsch".toCharArray(), null),
                null, NoticeComposeTest.CLOCK);
        assertThatThrownBy(() -> wrongPassword.sign(notice.pdf(), notice.signatureBox(), NoticeSigner.Level.B_B,
                DETAILS)).isInstanceOf(NoticeSigningException.class).hasMessageContaining("wrong password");
        NoticeSigner missingFile = new NoticeSigner(new Pkcs12KeySource(Path.of("/nonexistent.p12"),
                NoticeTestPki.PASSWORD, null), null, NoticeComposeTest.CLOCK);
        assertThatThrownBy(() -> missingFile.sign(notice.pdf(), notice.signatureBox(), NoticeSigner.Level.B_B,
                DETAILS)).isInstanceOf(NoticeSigningException.class).hasMessageContaining("not found");
    }

    @Test
    void signApprovedSignsOnlyTheExactDraftASecondMemberApproved() throws Exception {
        java.time.Instant t = java.time.Instant.parse("2026-12-02T08:00:00Z");
        String lead = "@lena:amt.example";
        String anna = "@anna:amt.example";
        String ben = "@ben:amt.example";
        java.util.List<de.amtsdesk.core.cases.log.FoldInput> log = new java.util.ArrayList<>(java.util.List.of(
                new de.amtsdesk.core.cases.log.StaffMembership("$1:amt.example", lead, true, "Lena", t),
                new de.amtsdesk.core.cases.log.StaffPowerLevels("$2:amt.example", lead,
                        new de.amtsdesk.core.cases.log.PowerLevels(java.util.Map.of(lead, 100), 0, java.util.Map.of()), t),
                new de.amtsdesk.core.cases.log.StaffMembership("$3:amt.example", anna, true, "Anna", t),
                new de.amtsdesk.core.cases.log.StaffMembership("$4:amt.example", ben, true, "Ben", t)));
        String caseId = "$5:amt.example";
        log.add(staffEvent(caseId, lead, de.amtsdesk.core.cases.OutgoingStaffEvents.created("!citizen:amt.example",
                "@joerg:bund.example", "Jörg Weiß"), t));
        String sha = NoticeHash.sha256Hex(notice.pdf());
        log.add(staffEvent("$6:amt.example", anna,
                de.amtsdesk.core.cases.OutgoingStaffEvents.requestNoticeSignOff(caseId, sha, "Bescheid"), t));
        NoticeSigner signer = new NoticeSigner(pki.keySource(), null, NoticeComposeTest.CLOCK);

        assertThatThrownBy(() -> signer.signApproved(fold(log), caseId, notice.pdf(), notice.signatureBox(),
                NoticeSigner.Level.B_B, DETAILS)).isInstanceOf(NoticeSigningException.class)
                .hasMessageContaining("requested, not approved");

        log.add(staffEvent("$7:amt.example", ben,
                de.amtsdesk.core.cases.OutgoingStaffEvents.approveNotice(caseId, sha), t));
        byte[] signed = signer.signApproved(fold(log), caseId, notice.pdf(), notice.signatureBox(),
                NoticeSigner.Level.B_B, DETAILS);
        assertThat(verifier().verify(signed).verdict()).isEqualTo(Verdict.INTACT);
        byte[] otherDraft = NoticeComposeTest.render("general.decision", Locale.ENGLISH).pdf();
        assertThatThrownBy(() -> signer.signApproved(fold(log), caseId, otherDraft, notice.signatureBox(),
                NoticeSigner.Level.B_B, DETAILS)).isInstanceOf(NoticeSigningException.class)
                .hasMessageContaining("no sign-off request");
    }

    private static de.amtsdesk.core.cases.log.StaffEvent staffEvent(String id, String sender,
            de.amtsdesk.core.cases.OutgoingStaffEvents.Outgoing outgoing, java.time.Instant at) {
        return new de.amtsdesk.core.cases.log.StaffEvent(id, outgoing.type(), sender, at, outgoing.content());
    }

    private static de.amtsdesk.core.cases.CaseBook fold(java.util.List<de.amtsdesk.core.cases.log.FoldInput> log) {
        de.amtsdesk.core.cases.CaseLog fold = new de.amtsdesk.core.cases.CaseLog(
                de.amtsdesk.core.cases.UnitConfig.defaults("BA"), new de.amtsdesk.core.cases.audit.InMemoryAuditLog());
        fold.applyAll(log);
        return fold.book();
    }

    /** An incremental update that draws text on page 1: what an attacker adds to a signed notice. */
    static byte[] appendVisibleText(byte[] pdf, String text) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var page = document.getPage(0);
            try (PDPageContentStream out = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true)) {
                out.beginText();
                out.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 24);
                out.newLineAtOffset(100, 400);
                out.showText(text.replace('Ä', 'A'));
                out.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            page.getResources().getCOSObject().setNeedToBeUpdated(true);
            document.getPages().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }
}
