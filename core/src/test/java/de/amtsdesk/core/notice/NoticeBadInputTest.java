package de.amtsdesk.core.notice;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.notice.VerificationReport.Refusal;
import de.amtsdesk.core.notice.VerificationReport.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken files: a verdict or a refusal with a reason, in bounded time; nothing runs. */
class NoticeBadInputTest {

    static NoticeVerifier verifier;

    @BeforeAll
    static void trust() throws Exception {
        verifier = new NoticeVerifier(NoticeTestPki.get().trust, VerificationLimits.DEFAULT);
    }

    @Test
    void javascriptAndLaunchActionsAreReportedNotRun() throws Exception {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDActionJavaScript script = new PDActionJavaScript("app.alert('pwned'); this.exportDataObject({});");
            document.getDocumentCatalog().setOpenAction(script);
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDSimpleFileSpecification());
            ((PDSimpleFileSpecification) launch.getFile()).setFile("calc.exe");
            PDPageAdditionalActions actions = page.getActions();
            actions.setO(launch);
            page.setActions(actions);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            pdf = out.toByteArray();
        }
        VerificationReport report = verifier.verify(pdf);
        assertThat(report.verdict()).isEqualTo(Verdict.NOT_SIGNED);
        assertThat(report.activeContent()).extracting(ActiveContent::kind)
                .contains(ActiveContent.Kind.JAVASCRIPT, ActiveContent.Kind.LAUNCH);
        assertThat(report.plainWords(Locale.GERMAN))
                .contains("Das Dokument enthält JavaScript. Es wurde nicht ausgeführt.");
    }

    @Test
    void aFileThatIsNotAPdfIsRefused() {
        VerificationReport report = verifier.verify("<html>Bescheid</html>".getBytes(StandardCharsets.UTF_8));
        assertThat(report.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(report.refusal()).isEqualTo(Refusal.NOT_A_PDF);
        assertThat(report.plainWords(Locale.ENGLISH).getFirst())
                .isEqualTo("The document was not checked: the file is not a PDF.");
    }

    @Test
    void garbageAfterAPdfHeaderIsRefusedAsMalformed() {
        byte[] junk = new byte[20_000];
        new java.util.Random(7).nextBytes(junk);
        byte[] pdf = concat(concat("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1), junk),
                "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        VerificationReport report = verifier.verify(pdf);
        assertThat(report.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(report.refusal()).isEqualTo(Refusal.MALFORMED);
        assertThat(report.refusalDetail()).isNotBlank();
    }

    @Test
    void aTruncatedSignedNoticeIsRefusedAsIncompleteNeverCalledUnsigned() throws Exception {
        NoticeSigningTest.signOnce();
        byte[] signed = NoticeSigningTest.signedB;
        for (int keep : new int[] {signed.length - 200, signed.length / 2, 1000}) {
            VerificationReport report = verifier.verify(Arrays.copyOf(signed, keep));
            // without the %%EOF check, half a notice parsed "leniently" came out NOT_SIGNED
            assertThat(report.refusal()).as("kept %d of %d bytes", keep, signed.length).isEqualTo(Refusal.TRUNCATED);
            assertThat(report.plainWords(Locale.GERMAN).getFirst())
                    .isEqualTo("Das Dokument wurde nicht geprüft: die Datei ist unvollständig (am Ende abgeschnitten).");
        }
    }

    @Test
    void aHugeCompressedStreamIsNeverExpanded() throws Exception {
        // 300 MB of zeros deflate to about 300 KB; nothing in the verification needs to decode a content stream
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(9);
        byte[] zeros = new byte[1 << 20];
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        for (int i = 0; i < 300; i++) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        byte[] bomb;
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            org.apache.pdfbox.cos.COSStream stream = document.getDocument().createCOSStream();
            try (var out = stream.createRawOutputStream()) {
                out.write(compressed.toByteArray());
            }
            stream.setItem(org.apache.pdfbox.cos.COSName.FILTER, org.apache.pdfbox.cos.COSName.FLATE_DECODE);
            page.getCOSObject().setItem(org.apache.pdfbox.cos.COSName.CONTENTS, stream);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            bomb = out.toByteArray();
        }
        assertThat(bomb.length).isLessThan(2_000_000);
        long start = System.nanoTime();
        VerificationReport report = verifier.verify(bomb);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(report.verdict()).isEqualTo(Verdict.NOT_SIGNED);
    }

    @Test
    void deeplyNestedArraysAreRefusedAsMalformedNeverCrash() {
        int depth = 200_000;
        String body = "[".repeat(depth) + "]".repeat(depth);
        String pdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Bomb " + body + " >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
                + "trailer\n<< /Root 1 0 R >>\n%%EOF\n";
        long start = System.nanoTime();
        VerificationReport report = verifier.verify(pdf.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(report.verdict()).isEqualTo(Verdict.REFUSED);
        // PDFBox stops at nesting depth 500, so the catalogue is unreadable (no stack overflow)
        assertThat(report.refusal()).isEqualTo(Refusal.MALFORMED);
        assertThat(report.refusalDetail()).contains("root");
    }

    @Test
    void aFileOverTheSizeCapIsRefusedBeforeReadingIt(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("huge.pdf");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(3L * 1024 * 1024 * 1024); // sparse: 3 GB on paper, nothing on disk
        }
        long start = System.nanoTime();
        VerificationReport report = verifier.verify(big);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(report.refusal()).isEqualTo(Refusal.TOO_LARGE);
        assertThat(report.sha256()).isNull();
        Files.delete(big);
    }

    @Test
    void aVerificationThatTakesTooLongIsRefusedAtTheTimeout() throws Exception {
        NoticeSigningTest.signOnce();
        NoticeVerifier impatient = new NoticeVerifier(NoticeTestPki.get().trust,
                new VerificationLimits(VerificationLimits.DEFAULT.maxBytes(), Duration.ofMillis(1)));
        long start = System.nanoTime();
        VerificationReport report = impatient.verify(NoticeSigningTest.signedT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(report.refusal()).isEqualTo(Refusal.TIMEOUT);
        assertThat(report.plainWords(Locale.GERMAN).getFirst()).contains("zu lange gedauert");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
