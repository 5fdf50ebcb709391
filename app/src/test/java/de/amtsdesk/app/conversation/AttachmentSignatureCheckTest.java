package de.amtsdesk.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.notice.TestSigner;
import de.amtsdesk.app.notice.VerificationReportViewModel;
import de.amtsdesk.core.conversation.Attachment;
import de.amtsdesk.core.conversation.MessageTrust;
import de.amtsdesk.core.conversation.TimelineEntry;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.notice.NoticeVerifier;
import de.amtsdesk.core.notice.TrustAnchors;
import de.amtsdesk.core.notice.TrustSettings;
import de.amtsdesk.core.notice.VerificationLimits;
import de.amtsdesk.core.notice.VerificationReport.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Check signature" on a PDF in a conversation, without the toolkit: the attachment is decrypted (here: the stub's
 * bytes), checked by the real DSS verifier against the unit's anchor file, and the report is what the dialog shows and
 * exports. A flipped byte is reported broken; the temporary copy is gone afterwards; a download failure is said.
 */
class AttachmentSignatureCheckTest {

    private static final String ROOM = "!antrag:amt.example";
    private static final String CITIZEN = "@erika:buerger.example";
    private static final Translations TEXT = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;
    static TestSigner signer;
    static byte[] signed;

    @BeforeAll
    static void signOnce() throws Exception {
        signer = TestSigner.create(dir);
        signed = signer.signedNotice();
    }

    private final List<Path> checkedFiles = new ArrayList<>();

    private ConversationViewModel conversationWith(byte[] pdfBytes, String name, String mimetype) {
        List<TimelineEntry> entries = List.of(new TimelineEntry("$pdf", ROOM, CITIZEN,
                Instant.parse("2026-12-01T09:05:00Z"), TimelineEntry.Kind.FILE, "",
                new Attachment(name, mimetype, pdfBytes == null ? 0 : pdfBytes.length, "{}", null), null, null, null,
                null, MessageTrust.UNVERIFIED_IDENTITY));
        StubConversations stub = new StubConversations(entries, Map.of(CITIZEN, "Erika"));
        stub.attachmentContent = pdfBytes;
        ConversationViewModel vm = new ConversationViewModel(ROOM, "@amt:amt.example", stub, Runnable::run,
                Runnable::run, TEXT, ZoneId.of("Europe/Berlin"));
        NoticeVerifier verifier = new NoticeVerifier(TrustSettings.offline(TrustAnchors.load(
                List.of(signer.certificatePem.toString()), new ArrayList<>())), VerificationLimits.DEFAULT);
        vm.checkSignaturesWith(new AttachmentSignatureCheck(stub, file -> {
            checkedFiles.add(file);
            return verifier.verify(file);
        }, CLOCK));
        vm.refresh();
        return vm;
    }

    @Test
    void aSignedNoticeIsCheckedAgainstTheUnitsAnchorAndTheReportCanBeExported() throws Exception {
        ConversationViewModel vm = conversationWith(signed, "Bescheid.pdf", "application/pdf");
        TimelineRow row = vm.rows().getFirst();
        assertThat(vm.canCheckSignature(row)).isTrue();
        assertThat(row.accessibleText()).endsWith("Strg+Umschalt+P prüft die Signaturen");

        vm.checkSignature(row);

        var result = vm.signatureCheckProperty().get();
        assertThat(result).isNotNull();
        assertThat(result.report().verdict()).as(result.report().toString()).isEqualTo(Verdict.INTACT);
        assertThat(result.fileName()).isEqualTo("Bescheid.pdf");
        assertThat(vm.noticeProperty().get()).isEqualTo("Bescheid.pdf wurde geprüft; der Prüfbericht ist geöffnet.");
        assertThat(checkedFiles).singleElement().satisfies(file -> assertThat(file).doesNotExist());

        var report = new VerificationReportViewModel(result, "0.1.0", TEXT, Locale.GERMAN, ZoneId.of("Europe/Berlin"));
        assertThat(report.headline())
                .isEqualTo("Das Dokument ist unverändert und von einer vertrauenswürdigen Stelle signiert.");
        assertThat(report.severity()).isEqualTo(VerificationReportViewModel.Severity.GOOD);
        assertThat(report.exportFileName()).isEqualTo("Bescheid-pruefbericht.txt");
        Path exported = dir.resolve(report.exportFileName());
        report.export(exported);
        String text = Files.readString(exported, StandardCharsets.UTF_8);
        assertThat(text).startsWith("Prüfbericht zu „Bescheid.pdf“\nGeprüft am 03.12.2026, 11:00:00 von Amtsdesk 0.1.0")
                .contains("Unterzeichner: Wohngeldstelle Test")
                .contains("Zertifikatskette: endet bei einer Stelle, der Ihre Einheit vertraut.")
                .contains("Die Signatur deckt die ganze Datei ab.");
        assertThat(report.messageProperty().get()).isEqualTo("Prüfbericht gespeichert: Bescheid-pruefbericht.txt");
    }

    @Test
    void aFlippedByteIsReportedBrokenAsAWarning() {
        byte[] tampered = signed.clone();
        // a byte inside the signed content (the first range), not in the signature's hex
        int at = indexOf(tampered, "Erika Mustermann".getBytes(StandardCharsets.ISO_8859_1));
        tampered[at > 0 ? at : 200] ^= 0x01;
        ConversationViewModel vm = conversationWith(tampered, "bescheid-kopie.pdf", "application/octet-stream");
        vm.checkSignature(vm.rows().getFirst());
        var result = vm.signatureCheckProperty().get();
        assertThat(result.report().verdict()).isIn(Verdict.BROKEN, Verdict.REFUSED);
        var report = new VerificationReportViewModel(result, "0.1.0", TEXT, Locale.GERMAN, ZoneId.of("Europe/Berlin"));
        assertThat(report.severity()).isEqualTo(VerificationReportViewModel.Severity.WARNING);
    }

    @Test
    void onlyPdfsAreOfferedAndADownloadFailureIsSaid() {
        assertThat(AttachmentSignatureCheck.applies(new Attachment("foto.jpg", "image/jpeg", 1, null, null))).isFalse();
        assertThat(AttachmentSignatureCheck.applies(new Attachment("ANTRAG.PDF", null, 1, null, null))).isTrue();
        ConversationViewModel vm = conversationWith(null, "Bescheid.pdf", "application/pdf");
        vm.checkSignature(vm.rows().getFirst());
        assertThat(vm.signatureCheckProperty().get()).isNull();
        assertThat(vm.noticeProperty().get()).isEqualTo(
                "Bescheid.pdf konnte für die Prüfung nicht geladen oder entschlüsselt werden. Bitte später erneut versuchen.");
        assertThat(checkedFiles).isEmpty();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
