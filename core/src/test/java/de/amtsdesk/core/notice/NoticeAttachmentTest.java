package de.amtsdesk.core.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.core.notice.VerificationReport.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.junit.jupiter.api.Test;

/**
 * Attachments of a notice as PDF/A-3 associated files: veraPDF finds the notice compliant with them before and after
 * signing, a reader gets the same bytes back, and they are inside the signed range (the verifier names them).
 */
class NoticeAttachmentTest {

    private static final byte[] CALCULATION = ("Monat;Miete;Wohngeld\nJanuar;650,00;212,00\n")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void aCalculationTravelsInsideTheSignedPdfA3b() throws Exception {
        NoticeSigningTest.signOnce();
        NoticeDraft draft = NoticeComposeTest.draft("general.decision", Locale.GERMAN);
        NoticeAttachment csv = new NoticeAttachment("Berechnung.csv", "text/csv", CALCULATION,
                NoticeAttachment.Relationship.DATA);
        NoticePdfWriter.RenderedNotice rendered = new NoticePdfWriter(NoticeComposeTest.CLOCK).write(draft,
                List.of(csv));
        assertThat(PdfA.validate3b(rendered.pdf()).failures()).isEmpty();

        NoticeSigner signer = new NoticeSigner(NoticeSigningTest.pki.keySource(), NoticeSigningTest.pki.tsa,
                NoticeComposeTest.CLOCK);
        byte[] signed = signer.sign(rendered.pdf(), rendered.signatureBox(), NoticeSigner.Level.B_T,
                NoticeSigningTest.DETAILS);
        assertThat(PdfA.validate3b(signed).failures()).isEmpty();

        try (var document = Loader.loadPDF(signed)) {
            var files = document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            assertThat(files).containsOnlyKeys("Berechnung.csv");
            PDComplexFileSpecification spec = files.get("Berechnung.csv");
            assertThat(spec.getEmbeddedFile().toByteArray()).isEqualTo(CALCULATION);
            assertThat(spec.getEmbeddedFile().getSubtype()).isEqualTo("text/csv");
            assertThat(spec.getCOSObject().getNameAsString(COSName.getPDFName("AFRelationship"))).isEqualTo("Data");
            COSArray af = (COSArray) document.getDocumentCatalog().getCOSObject().getDictionaryObject(
                    COSName.getPDFName("AF"));
            assertThat(af.size()).isEqualTo(1);
        }
        VerificationReport report = NoticeSigningTest.verifier().verify(signed);
        assertThat(report.verdict()).isEqualTo(Verdict.INTACT);
        assertThat(report.activeContent()).extracting(ActiveContent::kind)
                .containsExactly(ActiveContent.Kind.EMBEDDED_FILE);
        assertThat(report.signatures().getFirst().coversWholeFile()).isTrue();
    }

    @Test
    void unsafeNamesTwinsAndOversizedFilesAreRefused() throws Exception {
        assertThatThrownBy(() -> new NoticeAttachment("../etc/passwd", "text/plain", new byte[1],
                NoticeAttachment.Relationship.SUPPLEMENT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NoticeAttachment("a.bin", null, new byte[NoticeAttachment.MAX_BYTES + 1],
                NoticeAttachment.Relationship.SUPPLEMENT)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new NoticeAttachment("a.bin", "Text/HTML; x", new byte[1], NoticeAttachment.Relationship.SOURCE)
                .mimeType()).isEqualTo("application/octet-stream");
        NoticeAttachment twin = new NoticeAttachment("a.csv", "text/csv", new byte[1], NoticeAttachment.Relationship.DATA);
        assertThatThrownBy(() -> new NoticePdfWriter(NoticeComposeTest.CLOCK).write(
                NoticeComposeTest.draft("general.decision", Locale.GERMAN), List.of(twin, twin)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
