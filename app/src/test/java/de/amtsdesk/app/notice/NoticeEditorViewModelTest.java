package de.amtsdesk.app.notice;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.casepanel.CasePanelViewModel;
import de.amtsdesk.app.workspace.FoldDesk;
import de.amtsdesk.core.cases.NoticeSignOff;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.log.StaffEventTypes;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.notice.Letterhead;
import de.amtsdesk.core.notice.NoticeHash;
import de.amtsdesk.core.notice.NoticeTemplate;
import de.amtsdesk.core.notice.NoticeTemplateCatalogue;
import de.amtsdesk.core.notice.NoticeVerifier;
import de.amtsdesk.core.notice.TrustSettings;
import de.amtsdesk.core.notice.VerificationLimits;
import de.amtsdesk.core.notice.VerificationReport;
import de.amtsdesk.core.store.NoticeDraftStore;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notice editor without the toolkit, against the real fold (FoldDesk): gaps named and filled, preview rendered,
 * sign-off requested for the exact PDF, signing refused until a second member approved (in the case panel, where the
 * drafter gets no Approve), then signed with a PKCS#12 key and handed to sending with the approved draft's hash.
 */
class NoticeEditorViewModelTest {

    private static final Executor NOW = Runnable::run;
    private static final char[] PASSWORD = TestSigner.PASSWORD;
    private static final Translations TEXT = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN);
    private static final Translations CASE_TEXT = Translations.load("de.amtsdesk.core.cases.messages",
            Locale.GERMAN);
    private static final Letterhead LETTERHEAD = new Letterhead("Stadt Musterstadt – Wohngeldstelle",
            List.of("Rathausplatz 1", "12345 Musterstadt"), "");
    private static final NoticeTemplateCatalogue CATALOGUE = new NoticeTemplateCatalogue(List.of(
            new NoticeTemplate("housing.missing", "de", "*", "Nachforderung zu {case.reference}",
                    "Sehr geehrte(r) {citizen.name|Damen und Herren},\n\nbitte reichen Sie bis {case.due} den "
                            + "Mietvertrag ein.\n\nMit freundlichen Grüßen\n{caseworker.name}\n{unit.contact}")));

    @TempDir
    Path tmp;

    private final FoldDesk anna = new FoldDesk(FoldDesk.ANNA);
    private final List<String> sentNotices = new ArrayList<>();
    private byte[] sentPdf;

    private NoticeEditorViewModel editor(String caseId) {
        return editor(caseId, NoticeDraftStore.inMemory(), Clock.fixed(Instant.now(), ZoneOffset.UTC));
    }

    private NoticeEditorViewModel editor(String caseId, NoticeDraftStore drafts, Clock clock) {
        return new NoticeEditorViewModel(anna, caseId, CATALOGUE, LETTERHEAD, Locale.GERMAN,
                ZoneId.of("Europe/Berlin"), clock, (id, pdf, sha, name, message) -> {
                    sentNotices.add(id + " " + sha + " " + name + " " + message);
                    sentPdf = pdf;
                    return "txn-1";
                }, TEXT, NOW, NOW, drafts);
    }

    /**
     * The workstation restarts between the request and the approval: the new editor restores the typed gap and the
     * exact bytes the approval names (a fresh render has another creation time, so another SHA-256), and signs them.
     * Against the real encrypted store, closed and unlocked in between.
     */
    @Test
    void anApprovalGivenWhileTheWorkstationRestartedCanStillBeSigned() throws Exception {
        String caseId = anna.newCase("!room1:amt.example", "Erika Mustermann");
        Path store = tmp.resolve("staff-store");
        Instant approvalDay = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .minus(java.time.Duration.ofHours(1));
        String sha;
        byte[] requested;
        try (var vault = de.amtsdesk.core.store.Vault.create(store, "Bescheid".toCharArray(),
                de.amtsdesk.core.store.Argon2idParameters.MINIMUM);
                var db = de.amtsdesk.core.store.AppDatabase.open(vault)) {
            // Both clocks lie within the test certificate's validity (from a day ago): the signature is made at the
            // later one. (Fixed dates here made this test fail once the real clock passed the certificate's start.)
            NoticeEditorViewModel before = editor(caseId, db.noticeDrafts(), Clock.fixed(
                    approvalDay.minus(java.time.Duration.ofHours(6)), ZoneOffset.UTC));
            before.gaps().getFirst().value().set("Zimmer 4, Telefon 0123 4567-0");
            Path calculation = java.nio.file.Files.writeString(tmp.resolve("Berechnung.csv"), "Monat;Wohngeld\n");
            before.attach(calculation, de.amtsdesk.core.notice.NoticeAttachment.Relationship.DATA);
            assertThat(before.attachments()).extracting(de.amtsdesk.core.notice.NoticeAttachment::name)
                    .containsExactly("Berechnung.csv");
            before.requestSignOff();
            sha = before.requestedSha256();
            requested = before.requestedPdf();
            before.dispose();
        }
        anna.apply(FoldDesk.BEN, OutgoingStaffEvents.approveNotice(caseId, sha));

        try (var vault = de.amtsdesk.core.store.Vault.unlock(store, "Bescheid".toCharArray());
                var db = de.amtsdesk.core.store.AppDatabase.open(vault)) {
            // A later clock: rendering now would give other bytes.
            NoticeEditorViewModel after = editor(caseId, db.noticeDrafts(), Clock.fixed(approvalDay, ZoneOffset.UTC));
            assertThat(after.gaps()).singleElement().satisfies(g -> assertThat(g.value().get())
                    .isEqualTo("Zimmer 4, Telefon 0123 4567-0"));
            assertThat(after.requestedSha256()).isEqualTo(sha);
            assertThat(after.requestedPdf()).isEqualTo(requested);
            assertThat(after.attachments()).extracting(de.amtsdesk.core.notice.NoticeAttachment::name)
                    .containsExactly("Berechnung.csv");
            // The attachment is inside the bytes the approval names.
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(requested)) {
                assertThat(pdf.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get("Berechnung.csv")
                        .getEmbeddedFile().toByteArray()).asString().isEqualTo("Monat;Wohngeld\n");
            }
            assertThat(after.stageProperty().get()).isEqualTo(NoticeEditorViewModel.Stage.APPROVED);
            after.keyFileProperty().set(selfSignedPkcs12().toString());
            after.sign(PASSWORD.clone());
            assertThat(after.messageProperty().get()).isEqualTo(TEXT.get("notice.signed"));
            after.send();
            assertThat(after.stageProperty().get()).isEqualTo(NoticeEditorViewModel.Stage.SENT);
            after.dispose();
            assertThat(db.noticeDrafts().load(caseId).orElseThrow().sent()).isTrue();
            NoticeEditorViewModel reopened = editor(caseId, db.noticeDrafts(), Clock.systemUTC());
            assertThat(reopened.stageProperty().get()).isEqualTo(NoticeEditorViewModel.Stage.SENT);
            assertThat(reopened.signedPdf()).isEqualTo(sentPdf);
            reopened.dispose();
        }
    }

    @Test
    void draftGapsPreviewSignOffByASecondMemberThenSignAndSend() throws Exception {
        String caseId = anna.newCase("!room1:amt.example", "Erika Mustermann");
        NoticeEditorViewModel vm = editor(caseId);

        // The template's gap is named and blocks the request.
        assertThat(vm.templates()).extracting(NoticeTemplate::id).containsExactly("housing.missing");
        assertThat(vm.gaps()).extracting(NoticeEditorViewModel.Gap::name).containsExactly("unit.contact");
        assertThat(vm.missingProperty().get()).isEqualTo("Noch offen: unit.contact");
        assertThat(vm.completeProperty().get()).isFalse();
        int before = anna.sent().size();
        vm.requestSignOff();
        assertThat(vm.messageProperty().get()).isEqualTo(TEXT.get("notice.fillGaps"));
        assertThat(anna.sent()).hasSize(before);

        // Filled: complete, and the live preview shows the first page.
        vm.gaps().getFirst().value().set("Telefon 0123 4567-0");
        assertThat(vm.completeProperty().get()).isTrue();
        assertThat(vm.missingProperty().get()).isEmpty();
        assertThat(vm.gaps()).extracting(NoticeEditorViewModel.Gap::name).containsExactly("unit.contact");
        assertThat(vm.previewProperty().get()).isNotNull();
        assertThat(vm.previewProperty().get().getHeight()).isGreaterThan(vm.previewProperty().get().getWidth());
        assertThat(vm.titleProperty().get()).startsWith("Nachforderung zu ");

        // Request: the staff event names the SHA-256 of exactly the PDF the editor holds.
        vm.requestSignOff();
        String sha = vm.requestedSha256();
        assertThat(sha).isEqualTo(NoticeHash.sha256Hex(vm.requestedPdf()));
        assertThat(anna.sent().getLast().type()).isEqualTo(StaffEventTypes.NOTICE_SIGNOFF);
        assertThat(anna.sent().getLast().content().path("sha256").asText()).isEqualTo(sha);
        assertThat(vm.stageProperty().get()).isEqualTo(NoticeEditorViewModel.Stage.REQUESTED);

        // Anna's own case panel offers no Approve; signing is refused while only requested.
        CasePanelViewModel annasPanel = new CasePanelViewModel(anna, TEXT, CASE_TEXT, Locale.GERMAN,
                ZoneId.of("Europe/Berlin"), Clock.systemUTC(), NOW, NOW);
        annasPanel.show(caseId);
        assertThat(annasPanel.signOffs()).singleElement().satisfies(row -> {
            assertThat(row.mayDecide()).isFalse();
            assertThat(row.state()).isEqualTo(TEXT.get("case.signoff.requested"));
        });
        Path p12 = selfSignedPkcs12();
        vm.keyFileProperty().set(p12.toString());
        vm.sign(PASSWORD.clone());
        assertThat(vm.messageProperty().get()).isEqualTo(TEXT.get("notice.notApproved"));
        assertThat(vm.signedPdf()).isNull();

        // Ben's approval (what his case panel's Approve sends) reaches anna's fold: ready to sign.
        anna.apply(FoldDesk.BEN, OutgoingStaffEvents.approveNotice(caseId, sha));
        assertThat(anna.book().signOff(caseId, sha).map(NoticeSignOff::approved)).contains(true);
        assertThat(vm.stageProperty().get()).isEqualTo(NoticeEditorViewModel.Stage.APPROVED);
        assertThat(vm.stageTextProperty().get()).contains("Ben Bearbeiter");

        vm.sign(PASSWORD.clone());
        assertThat(vm.messageProperty().get()).isEqualTo(TEXT.get("notice.signed"));
        assertThat(vm.stageProperty().get()).isEqualTo(NoticeEditorViewModel.Stage.SIGNED);
        byte[] signed = vm.signedPdf();
        VerificationReport report = new NoticeVerifier(TrustSettings.offline(new CommonTrustedCertificateSource()),
                VerificationLimits.DEFAULT).verify(signed);
        assertThat(report.signatures()).as(report.toString()).singleElement().satisfies(s -> assertThat(s.indication())
                .isNotEqualTo("TOTAL_FAILED"));
        assertThat(report.verdict()).isNotIn(VerificationReport.Verdict.NOT_SIGNED, VerificationReport.Verdict.BROKEN,
                VerificationReport.Verdict.MODIFIED_AFTER_SIGNING);

        vm.send();
        assertThat(vm.stageProperty().get()).isEqualTo(NoticeEditorViewModel.Stage.SENT);
        assertThat(sentPdf).isEqualTo(signed);
        String reference = anna.book().find(caseId).orElseThrow().reference();
        assertThat(sentNotices).singleElement().asString().startsWith(caseId + " " + sha + " Bescheid-")
                .contains(reference.replaceAll("[^A-Za-z0-9._-]", "-") + ".pdf")
                .contains("anbei erhalten Sie den Bescheid");
        vm.dispose();
        annasPanel.dispose();
    }

    @Test
    void anotherMembersPanelApprovesAndRejectsTheDraftByItsHash() {
        FoldDesk ben = new FoldDesk(FoldDesk.BEN);
        String caseId = ben.newCase("!room2:amt.example", "Erika");
        String sha = NoticeHash.sha256Hex(new byte[] {1, 2, 3});
        ben.apply(FoldDesk.ANNA, OutgoingStaffEvents.requestNoticeSignOff(caseId, sha, "Bescheid Wohngeld"));
        CasePanelViewModel panel = new CasePanelViewModel(ben, TEXT, CASE_TEXT, Locale.GERMAN,
                ZoneId.of("Europe/Berlin"), Clock.systemUTC(), NOW, NOW);
        panel.show(caseId);
        assertThat(panel.signOffs()).singleElement().satisfies(row -> {
            assertThat(row.mayDecide()).isTrue();
            assertThat(row.title()).isEqualTo("Bescheid Wohngeld");
            assertThat(row.requestedBy()).isEqualTo("Anna Arbeit");
        });
        panel.approveNotice(sha);
        assertThat(ben.book().signOff(caseId, sha).orElseThrow().status()).isEqualTo(NoticeSignOff.Status.APPROVED);
        assertThat(panel.signOffs()).singleElement().satisfies(row -> {
            assertThat(row.mayDecide()).isFalse();
            assertThat(row.state()).isEqualTo(TEXT.get("case.signoff.approved", "Ben Bearbeiter"));
        });
        assertThat(panel.audit()).anySatisfy(row -> assertThat(row.text()).startsWith("Mitzeichnung"));
        panel.dispose();
    }

    private Path selfSignedPkcs12() throws Exception {
        return TestSigner.create(tmp).pkcs12;
    }
}
