package de.amtsdesk.core.notice;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.notice.VerificationReport.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exportable report states every fact behind the verdict, and the trust anchors come from the unit's files: the
 * same signed notice is INTACT against the PKI's root read from a PEM file, NOT_CONFIRMED against an unrelated file.
 */
class VerificationReportTextTest {

    private static final Instant CHECKED = Instant.parse("2026-12-03T10:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    @BeforeAll
    static void sign() throws Exception {
        NoticeSigningTest.signOnce();
    }

    private Path rootPem() throws Exception {
        var root = NoticeSigningTest.pki.trustAnchors.getCertificates().getFirst();
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(root.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        return Files.writeString(dir.resolve("root.pem"), pem);
    }

    private static VerificationReport verify(byte[] pdf, List<String> anchors, List<String> warnings) {
        var trust = new TrustSettings(TrustAnchors.load(anchors, warnings), NoticeSigningTest.pki.trust.ocsp(),
                NoticeSigningTest.pki.trust.crl(), NoticeSigningTest.pki.trust.aia());
        return new NoticeVerifier(trust, VerificationLimits.DEFAULT).verify(pdf);
    }

    @Test
    void aTimestampedNoticeIsReportedWithEveryFactAgainstTheUnitsAnchorFile() throws Exception {
        List<String> warnings = new ArrayList<>();
        byte[] pdf = NoticeSigningTest.signedT;
        VerificationReport report = verify(pdf, List.of(rootPem().toString()), warnings);
        assertThat(warnings).isEmpty();
        assertThat(report.verdict()).isEqualTo(Verdict.INTACT);

        List<String> lines = VerificationReportText.lines(report, "Bescheid.pdf", CHECKED, "0.1.0", Locale.GERMAN,
                BERLIN);
        SignatureCheck s = report.signatures().getFirst();
        assertThat(lines.getFirst()).isEqualTo("Prüfbericht zu „Bescheid.pdf“");
        assertThat(lines).contains("Geprüft am 03.12.2026, 11:00:00 von Amtsdesk 0.1.0",
                "SHA-256 der geprüften Datei: " + NoticeHash.sha256Hex(pdf),
                "Das Dokument ist unverändert und von einer vertrauenswürdigen Stelle signiert.",
                "Signatur 1 von 1", "Unterzeichner: good-user",
                "Zertifikatskette: endet bei einer Stelle, der Ihre Einheit vertraut.",
                "Die Signatur deckt die ganze Datei ab.",
                "Ergebnis der Prüfbibliothek (EU DSS): TOTAL_PASSED",
                "Signierte Bytes: 0–" + (s.byteRange().get(1) - 1) + ", " + s.byteRange().get(2) + "–"
                        + (s.byteRange().get(2) + s.byteRange().get(3) - 1));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Zeitstempel: ").contains("ausgestellt von"));
        assertThat(s.byteRange().get(2) + s.byteRange().get(3)).isEqualTo(pdf.length);
    }

    @Test
    void bytesAppendedAfterTheSignatureAreNamedAsPdfsigDoes() throws Exception {
        byte[] signed = NoticeSigningTest.signedB;
        byte[] tail = "\n% appended after signing\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] appended = java.util.Arrays.copyOf(signed, signed.length + tail.length);
        System.arraycopy(tail, 0, appended, signed.length, tail.length);
        VerificationReport report = verify(appended, List.of(rootPem().toString()), new ArrayList<>());
        List<String> lines = VerificationReportText.lines(report, "x.pdf", CHECKED, "0.1.0", Locale.ENGLISH, BERLIN);
        // DSS finds no change of content in a trailing comment: the signed bytes are intact, the end is not signed.
        assertThat(report.verdict()).isEqualTo(Verdict.INTACT);
        assertThat(report.extendedAfterLastSignature()).isTrue();
        assertThat(lines).contains("Note: the file was extended after the last signature. The check found no change"
                + " to the content in it, but that part is not signed.",
                "More bytes follow the signed part: the file was extended after signing.");
        // poppler's pdfsig reads the same file the same way: valid, not the total document.
        assertThat(Pdfsig.run(appended)).contains("Signature is Valid").contains("Not total document signed");
        assertThat(Pdfsig.run(signed)).contains("Total document signed").doesNotContain("Not total document signed");
    }

    @Test
    void anUnrelatedAnchorLeavesTheSignerUnconfirmedAndBadFilesAreNamed() throws Exception {
        Path unrelated = Files.write(dir.resolve("other.der"), NoticeSigningTest.pki.certificate.getEncoded());
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");
        List<String> warnings = new ArrayList<>();
        VerificationReport report = verify(NoticeSigningTest.signedB,
                List.of(garbage.toString(), dir.resolve("missing.pem").toString(), unrelated.toString()), warnings);
        // The signer's own certificate as the only "anchor" is not its chain's root: DSS confirms against roots.
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).startsWith("trust anchor " + garbage + " ignored");
        assertThat(warnings.get(1)).isEqualTo("trust anchor " + dir.resolve("missing.pem") + " ignored: not a file");
        List<String> lines = VerificationReportText.lines(report, "x.pdf", CHECKED, "0.1.0", Locale.ENGLISH, BERLIN);
        assertThat(report.signatures()).singleElement().satisfies(s -> assertThat(s.indication())
                .isNotEqualTo("TOTAL_FAILED"));
        if (report.verdict() == Verdict.INTACT) {
            // a directly trusted end-entity certificate is a valid DSS configuration: then the chain is "trusted"
            assertThat(lines).contains("Certificate chain: ends at an authority your unit trusts.");
        } else {
            assertThat(report.verdict()).isEqualTo(Verdict.NOT_CONFIRMED);
        }
        VerificationReport none = verify(NoticeSigningTest.signedB, List.of(), new ArrayList<>());
        assertThat(none.verdict()).isEqualTo(Verdict.NOT_CONFIRMED);
        assertThat(VerificationReportText.lines(none, "x.pdf", CHECKED, "0.1.0", Locale.ENGLISH, BERLIN))
                .contains("Certificate chain: does not end at any authority your unit trusts.");
    }

    @Test
    void anUnsignedOrRefusedFileSaysSo() {
        VerificationReport refused = new NoticeVerifier(NoticeSigningTest.pki.trust, VerificationLimits.DEFAULT)
                .verify("hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(VerificationReportText.lines(refused, "hello.pdf", CHECKED, "0.1.0", Locale.ENGLISH, BERLIN))
                .contains("The document was not checked: the file is not a PDF.",
                        "Reason in detail: no %PDF- header in the first 1024 bytes");
        VerificationReport unsigned = new NoticeVerifier(NoticeSigningTest.pki.trust, VerificationLimits.DEFAULT)
                .verify(NoticeSigningTest.notice.pdf());
        assertThat(VerificationReportText.lines(unsigned, "draft.pdf", CHECKED, "0.1.0", Locale.ENGLISH, BERLIN))
                .contains("The document is not electronically signed.", "No signature found.");
    }

    @Test
    void byteRangesAreShownAsInclusivePieces() {
        assertThat(VerificationReportText.byteRanges(List.of(0L, 1200L, 9400L, 800L))).isEqualTo("0–1199, 9400–10199");
        assertThat(VerificationReportText.byteRanges(List.of())).isEqualTo("–");
    }
}
