package de.amtsdesk.e2e.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.NoticeDelivery;
import de.amtsdesk.core.cases.NoticeSignOff;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.FieldChange;
import de.amtsdesk.core.cases.audit.Rejection;
import de.amtsdesk.core.cases.log.StaffEventTypes;
import de.amtsdesk.core.engine.EngineStore;
import de.amtsdesk.core.notice.Letterhead;
import de.amtsdesk.core.notice.NoticeComposer;
import de.amtsdesk.core.notice.NoticeDraft;
import de.amtsdesk.core.notice.NoticeFacts;
import de.amtsdesk.core.notice.NoticeHash;
import de.amtsdesk.core.notice.NoticePdfWriter;
import de.amtsdesk.core.notice.NoticeSigner;
import de.amtsdesk.core.notice.NoticeSigningException;
import de.amtsdesk.core.notice.NoticeTemplate;
import de.amtsdesk.core.notice.NoticeTemplateCatalogue;
import de.amtsdesk.core.notice.NoticeVerifier;
import de.amtsdesk.core.notice.Pkcs12KeySource;
import de.amtsdesk.core.notice.SignatureCheck;
import de.amtsdesk.core.notice.TrustSettings;
import de.amtsdesk.core.notice.VerificationLimits;
import de.amtsdesk.core.notice.VerificationReport;
import de.amtsdesk.core.staff.NoticeSending;
import de.amtsdesk.e2e.harness.CitizenEvent;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import eu.europa.esig.dss.test.PKIFactoryAccess;
import eu.europa.esig.dss.token.DSSPrivateKeyAccessEntry;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10's end-to-end test against a real Synapse, two caseworkers and a matrix-js-sdk citizen: anna drafts a notice
 * and asks for sign-off; her own approval is refused; ben approves; anna signs it PAdES B-T with DSS's in-memory test
 * PKI and TSA (a real PKCS#12 file); it goes to the citizen as an encrypted m.file with a templated message; the
 * citizen's SDK downloads and decrypts it; its SHA-256 is the signed notice's and the core verifier finds it intact;
 * the citizen sends a read receipt; ben's client folds the delivery evidence (hash, file event ID, receipt).
 */
@ExtendWith(SynapseExtension.class)
class NoticeDeliveryAgainstSynapseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] PASSWORD = "notice-e2e".toCharArray();
    private static final NoticeSigner.Details DETAILS =
            new NoticeSigner.Details("Bescheid", "Musterstadt", Locale.GERMAN, ZoneId.of("Europe/Berlin"));
    private static final Letterhead LETTERHEAD = new Letterhead("Stadt Musterstadt – Wohngeldstelle",
            List.of("Rathausplatz 1", "12345 Musterstadt"), "Telefon 0123 4567-0");

    @Test
    void aSignedOffNoticeSignedBtReachesTheCitizenIntactAndTheEvidenceIsInTheOtherCaseworkersStaffLog(
            SynapseServer synapse) throws Exception {
        // The test PKI takes tens of seconds on a shared machine: built while the unit is set up.
        CompletableFuture<Pki> pkiLater = CompletableFuture.supplyAsync(Pki::create);
        try (StaffUnit unit = StaffUnit.start(synapse, "notice")) {
            String caseId = StaffUnit.send(unit.lead, OutgoingStaffEvents.created(unit.citizenRoom, unit.citizenId(),
                    "Erika"));
            unit.await("the case on every client", c -> c.book().find(caseId).isPresent());
            Case theCase = unit.anna.book().find(caseId).orElseThrow();

            // Draft, from the shipped German template, with the case's reference.
            NoticeTemplate template = NoticeTemplateCatalogue.builtIn().find("general.decision", Locale.GERMAN)
                    .orElseThrow();
            NoticeDraft draft = NoticeComposer.compose(template, NoticeFacts.of(LETTERHEAD, theCase.reference(),
                    null, "Anna Amt", "Erika", LocalDate.now(ZoneId.of("Europe/Berlin")), Locale.GERMAN,
                    Map.of("case.type", "Wohngeld")));
            NoticePdfWriter.RenderedNotice rendered = new NoticePdfWriter(Clock.systemUTC()).write(draft);
            String draftSha = rendered.sha256();

            // Mitzeichnung: anna asks, anna's own approval is refused (on ben's client too), ben approves.
            StaffUnit.send(unit.anna, OutgoingStaffEvents.requestNoticeSignOff(caseId, draftSha, draft.title()));
            String selfApproval = StaffUnit.send(unit.anna, OutgoingStaffEvents.approveNotice(caseId, draftSha));
            unit.await("anna's self-approval audited", List.of(unit.anna, unit.ben),
                    c -> !c.audit().forEvent(selfApproval).isEmpty());
            assertThat(unit.ben.audit().forEvent(selfApproval)).singleElement().satisfies(e -> {
                assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.REJECTED);
                assertThat(e.rejection()).isEqualTo(Rejection.SELF_APPROVAL);
            });
            Pki pki = pkiLater.join();
            NoticeSigner signer = new NoticeSigner(new Pkcs12KeySource(pki.pkcs12, PASSWORD, null), pki.tsa,
                    Clock.systemUTC());
            assertThatThrownBy(() -> signer.signApproved(unit.anna.book(), caseId, rendered.pdf(),
                    rendered.signatureBox(), NoticeSigner.Level.B_T, DETAILS))
                    .isInstanceOf(NoticeSigningException.class);
            assertThatThrownBy(() -> NoticeSending.send(unit.anna, unit.amt, caseId, rendered.pdf(), draftSha,
                    "Bescheid.pdf", "x")).isInstanceOf(IllegalStateException.class).hasMessageContaining("signed off");

            StaffUnit.send(unit.ben, OutgoingStaffEvents.approveNotice(caseId, draftSha));
            unit.await("ben's approval", List.of(unit.anna, unit.ben), c -> c.book().signOff(caseId, draftSha)
                    .map(NoticeSignOff::approved).orElse(false));

            // Sign B-T with the test TSA, only because the fold on anna's client holds ben's approval.
            byte[] signed = signer.signApproved(unit.anna.book(), caseId, rendered.pdf(), rendered.signatureBox(),
                    NoticeSigner.Level.B_T, DETAILS);
            String signedSha = NoticeHash.sha256Hex(signed);
            assertThat(signedSha).isNotEqualTo(draftSha);

            // Send: the templated text and the PDF, through the functional account's encrypted outbox.
            String message = NoticeSending.defaultMessage(Locale.GERMAN, draft.title(), theCase.reference());
            NoticeSending.Queued queued = NoticeSending.send(unit.anna, unit.amt, caseId, signed, draftSha,
                    "Bescheid-" + theCase.reference() + ".pdf", message);
            assertThat(queued.pdfSha256()).isEqualTo(signedSha);
            unit.amt.sendPendingNow();
            String fileEventId = unit.amt.outboxItem(queued.fileTxn()).map(EngineStore.OutboxItem::eventId)
                    .orElseThrow(() -> new AssertionError("the notice was not sent"));
            NoticeSending.recordSent(unit.anna, unit.amt);
            unit.anna.flush();

            // The citizen: the message, then the file, encrypted; downloaded and decrypted by matrix-js-sdk.
            CitizenEvent file = unit.citizen.awaitEvent("the notice", e -> e.eventId().equals(fileEventId)
                    && e.isDecrypted(), StaffUnit.WAIT);
            assertThat(file.encrypted()).isTrue();
            assertThat(file.sender()).isEqualTo(unit.amtUser.userId());
            assertThat(file.content().path("msgtype").asText()).isEqualTo("m.file");
            assertThat(file.content().has("url")).as("no cleartext URL, only the EncryptedFile").isFalse();
            assertThat(file.content().path("file").path("v").asText()).isEqualTo("v2");
            assertThat(unit.citizen.events()).anyMatch(e -> message.equals(e.body()) && e.encrypted());
            Path downloaded = unit.root.resolve("citizen-download.pdf");
            JsonNode download = unit.citizen.call("downloadFile", JSON.createObjectNode()
                    .put("roomId", unit.citizenRoom).put("eventId", fileEventId)
                    .put("destPath", downloaded.toAbsolutePath().toString()));
            assertThat(download.path("encrypted").asBoolean()).isTrue();
            assertThat(download.path("mimetype").asText()).isEqualTo("application/pdf");
            assertThat(download.path("sha256").asText()).isEqualTo(signedSha);
            byte[] received = Files.readAllBytes(downloaded);
            assertThat(received).isEqualTo(signed);
            assertThat(NoticeHash.sha256Hex(received)).isEqualTo(signedSha);

            VerificationReport report = new NoticeVerifier(pki.trust, VerificationLimits.DEFAULT).verify(received);
            assertThat(report.verdict()).isEqualTo(VerificationReport.Verdict.INTACT);
            assertThat(report.sha256()).isEqualTo(signedSha);
            SignatureCheck signature = report.signatures().getFirst();
            assertThat(signature.indication()).isEqualTo("TOTAL_PASSED");
            assertThat(signature.chainTrusted()).isTrue();
            assertThat(signature.timestampTime()).as("B-T: a verified timestamp").isNotNull();
            assertThat(signature.coversWholeFile()).isTrue();
            // A copy with one byte changed inside the signed range (the uncompressed XMP) is reported as broken.
            byte[] tampered = received.clone();
            int at = new String(tampered, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("<pdfaid:part>3");
            assertThat(at).isPositive();
            tampered[at + "<pdfaid:part>".length()] = '2';
            VerificationReport tamperedReport = new NoticeVerifier(pki.trust, VerificationLimits.DEFAULT)
                    .verify(tampered);
            assertThat(tamperedReport.verdict()).isEqualTo(VerificationReport.Verdict.BROKEN);
            assertThat(tamperedReport.signatures().getFirst().subIndication()).isEqualTo("HASH_FAILURE");

            // The citizen reads it; anna's workstation sees the receipt in the functional account's sync.
            unit.citizen.sendReadReceipt(unit.citizenRoom, fileEventId);
            Instant deadline = Instant.now().plus(StaffUnit.WAIT);
            while (!unit.ben.book().delivery(caseId, fileEventId).map(NoticeDelivery::isRead).orElse(false)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("no read evidence on ben's client: " + unit.ben.book().deliveries(caseId)
                            + ", audit " + StaffUnit.staffAudit(unit.ben));
                }
                unit.amt.syncOnce(Duration.ofMillis(300));
                unit.anna.flush();
                unit.ben.syncOnce(Duration.ofMillis(300));
            }

            // The evidence as ben's client folded it, and in the case's audit trail.
            NoticeDelivery evidence = unit.ben.book().delivery(caseId, fileEventId).orElseThrow();
            assertThat(evidence.sha256()).isEqualTo(signedSha);
            assertThat(evidence.draftSha256()).isEqualTo(draftSha);
            assertThat(evidence.eventId()).isEqualTo(fileEventId);
            assertThat(evidence.sentBy()).isEqualTo(unit.anna.userId());
            assertThat(evidence.readBy()).isEqualTo(unit.citizenId());
            assertThat(evidence.readAt()).isNotNull();
            List<AuditEntry> trail = unit.ben.audit().all().stream()
                    .filter(e -> caseId.equals(e.caseId()) && e.action().equals(StaffEventTypes.NOTICE_DELIVERED))
                    .toList();
            assertThat(trail).hasSize(2).allSatisfy(e -> {
                assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.APPLIED);
                assertThat(e.actor()).isEqualTo(unit.anna.userId());
                assertThat(e.changes()).contains(new FieldChange("notice.sha256", null, signedSha),
                        new FieldChange("notice.event", null, fileEventId));
            });
            assertThat(trail.get(0).changes()).contains(new FieldChange("notice.delivery", null, "sent"),
                    new FieldChange("notice.draft", null, draftSha));
            assertThat(trail.get(1).changes()).contains(new FieldChange("notice.delivery", "sent", "read"),
                    new FieldChange("notice.readBy", null, unit.citizenId()));
            // Nothing of the staff log reached the citizen.
            assertThat(unit.citizen.events()).noneMatch(e -> String.valueOf(e.content()).contains("de.amtsdesk.case"));
        }
    }

    /** DSS's in-memory test PKI, CA, OCSP, CRL and TSA; the good user's key in a real PKCS#12 file. */
    private static final class Pki extends PKIFactoryAccess {
        Path pkcs12;
        TSPSource tsa;
        TrustSettings trust;

        static Pki create() {
            try {
                Pki pki = new Pki();
                DSSPrivateKeyEntry entry = pki.getPrivateKeyEntry();
                pki.pkcs12 = Files.createTempFile("notice-e2e-", ".p12");
                pki.pkcs12.toFile().deleteOnExit();
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                Certificate[] chain = java.util.Arrays.stream(entry.getCertificateChain())
                        .map(CertificateToken::getCertificate).toArray(Certificate[]::new);
                store.setKeyEntry("notice-signer", ((DSSPrivateKeyAccessEntry) entry).getPrivateKey(), PASSWORD,
                        chain);
                try (OutputStream out = Files.newOutputStream(pki.pkcs12)) {
                    store.store(out, PASSWORD);
                }
                pki.tsa = pki.getGoodTsa();
                var complete = pki.getCompleteCertificateVerifier();
                pki.trust = new TrustSettings(pki.getTrustedCertificateSource(), complete.getOcspSource(),
                        complete.getCrlSource(), complete.getAIASource());
                return pki;
            } catch (Exception e) {
                throw new IllegalStateException("the DSS test PKI could not be built", e);
            }
        }

        @Override
        protected String getSigningAlias() {
            return GOOD_USER;
        }
    }
}
