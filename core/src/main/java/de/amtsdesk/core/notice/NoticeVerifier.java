package de.amtsdesk.core.notice;

import de.amtsdesk.core.notice.VerificationReport.Refusal;
import de.amtsdesk.core.notice.VerificationReport.Verdict;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.enumerations.TimestampType;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/**
 * Checks any PDF (our signed notices, citizens' signed certificates, arbitrary uploads) and says in one verdict
 * whether it is intact, changed after signing, broken, unconfirmed, unsigned or refused, with DSS's findings
 * underneath. Never executes anything from the PDF; bounded in size and time.
 */
public final class NoticeVerifier {

    /**
     * DSS's messages that a signed revision was followed by changes that are not signatures, timestamps or
     * validation data. DSS still answers TOTAL_PASSED for them (the signed bytes are intact), but what the reader
     * sees is not what was signed, so for a caseworker the document is "modified after signing".
     */
    static final Set<String> MODIFIED_AFTER_SIGNING_KEYS = Set.of(
            "BBB_FC_IVDBSFR_ANS", // visual difference between signed and final revision
            "BBB_FC_DSCNUOM_ANS", // undefined object modifications after signing
            "BBB_FC_IOWNSFR_ANS", // overlapping/new annotations
            "BBB_FC_DMFSCDA_ANS"); // forbidden changes to the document's annotations

    /** Our message key for a signature dictionary whose CMS could not be read at all. */
    static final String UNREADABLE_SIGNATURE = "AMTSDESK_SIGNATURE_UNREADABLE";
    private static final String DOCUMENT_TIMESTAMP = "ETSI.RFC3161";

    /** The parser recurses into nested arrays and dictionaries; a bounded stack turns a bomb into a refusal. */
    private static final long WORKER_STACK_BYTES = 4L * 1024 * 1024;

    private final TrustSettings trust;
    private final VerificationLimits limits;

    public NoticeVerifier(TrustSettings trust, VerificationLimits limits) {
        this.trust = trust;
        this.limits = limits;
    }

    /** Refuses a file over the size cap before reading a byte of it. */
    public VerificationReport verify(Path file) throws IOException {
        long size = Files.size(file);
        if (size > limits.maxBytes()) {
            return VerificationReport.refused(Refusal.TOO_LARGE, size + " bytes, limit " + limits.maxBytes(), null);
        }
        return verify(Files.readAllBytes(file));
    }

    public VerificationReport verify(byte[] pdf) {
        if (pdf.length > limits.maxBytes()) {
            return VerificationReport.refused(Refusal.TOO_LARGE, pdf.length + " bytes, limit " + limits.maxBytes(),
                    null);
        }
        String sha256 = NoticeHash.sha256Hex(pdf);
        if (!startsLikePdf(pdf)) {
            return VerificationReport.refused(Refusal.NOT_A_PDF, "no %PDF- header in the first 1024 bytes", sha256);
        }
        if (!endsLikePdf(pdf)) {
            return VerificationReport.refused(Refusal.TRUNCATED, "no %%EOF in the last 1024 bytes", sha256);
        }
        FutureTask<VerificationReport> task = new FutureTask<>(() -> check(pdf, sha256));
        // Own thread: bounded stack, and a parser stuck in a crafted file can be abandoned after the timeout
        // (PDFBox does not react to interrupts; the daemon thread ends with the work or the process).
        Thread worker = Thread.ofPlatform().daemon().name("pdf-verification").stackSize(WORKER_STACK_BYTES)
                .unstarted(task);
        worker.start();
        try {
            return task.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return VerificationReport.refused(Refusal.TIMEOUT, "no result within " + limits.timeout(), sha256);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return VerificationReport.refused(Refusal.TIMEOUT, "interrupted", sha256);
        } catch (ExecutionException e) {
            return refusalFor(e.getCause(), sha256);
        }
    }

    private static VerificationReport refusalFor(Throwable cause, String sha256) {
        if (cause instanceof StackOverflowError) {
            return VerificationReport.refused(Refusal.TOO_COMPLEX, "objects nested too deeply to parse", sha256);
        }
        if (cause instanceof InvalidPasswordException) {
            return VerificationReport.refused(Refusal.ENCRYPTED, "needs a password to open", sha256);
        }
        if (cause instanceof OutOfMemoryError) {
            return VerificationReport.refused(Refusal.TOO_COMPLEX, "needs more memory than allowed", sha256);
        }
        return VerificationReport.refused(Refusal.MALFORMED,
                cause.getClass().getSimpleName() + ": " + cause.getMessage(), sha256);
    }

    private static boolean startsLikePdf(byte[] pdf) {
        String head = new String(pdf, 0, Math.min(pdf.length, 1024), StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }

    /**
     * A PDF ends with %%EOF (some writers add a little garbage after it). Without it the file was cut off, and
     * PDFBox's lenient parser would rebuild whatever is left: a signed notice cut before its signature would then
     * look "unsigned" instead of incomplete.
     */
    private static boolean endsLikePdf(byte[] pdf) {
        int from = Math.max(0, pdf.length - 1024);
        String tail = new String(pdf, from, pdf.length - from, StandardCharsets.ISO_8859_1);
        return tail.contains("%%EOF");
    }

    private VerificationReport check(byte[] pdf, String sha256) throws IOException {
        List<ActiveContent> active;
        List<String> signatureFields = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            active = ActiveContentScanner.scan(document);
            for (PDSignature signature : document.getSignatureDictionaries()) {
                if (!DOCUMENT_TIMESTAMP.equals(signature.getSubFilter())) {
                    signatureFields.add(signature.getName() == null ? "?" : signature.getName());
                }
            }
        }
        SignedDocumentValidator validator =
                SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf, "checked.pdf"));
        validator.setCertificateVerifier(trust.certificateVerifier());
        Reports reports = validator.validateDocument();
        List<SignatureCheck> signatures = new ArrayList<>(signatureChecks(reports, pdf.length));
        // DSS skips a signature whose CMS it cannot read (e.g. data after it in /Contents) with a log line only;
        // the file would then look unsigned. A signature the reader cannot check is a broken signature.
        for (int i = signatures.size(); i < signatureFields.size(); i++) {
            signatures.add(new SignatureCheck("unreadable-" + (i + 1), SignatureCheck.State.BROKEN, null, false,
                    null, null, null, List.of(), false, Indication.TOTAL_FAILED.name(),
                    SubIndication.FORMAT_FAILURE.name(), List.of(UNREADABLE_SIGNATURE)));
        }
        Verdict verdict = signatures.isEmpty() ? Verdict.NOT_SIGNED
                : switch (signatures.stream().map(SignatureCheck::state).max(Comparator.naturalOrder()).orElseThrow()) {
                    case INTACT -> Verdict.INTACT;
                    case NOT_CONFIRMED -> Verdict.NOT_CONFIRMED;
                    case MODIFIED_AFTER_SIGNING -> Verdict.MODIFIED_AFTER_SIGNING;
                    case BROKEN -> Verdict.BROKEN;
                };
        return new VerificationReport(verdict, null, null, signatures, active, sha256);
    }

    private static List<SignatureCheck> signatureChecks(Reports reports, long fileLength) {
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        List<SignatureCheck> checks = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            SignatureWrapper signature = diagnostic.getSignatureById(id);
            Indication indication = simple.getIndication(id);
            SubIndication subIndication = simple.getSubIndication(id);
            List<String> messages = Stream.of(simple.getAdESValidationErrors(id), simple.getAdESValidationWarnings(id),
                    simple.getQualificationErrors(id), simple.getQualificationWarnings(id))
                    .flatMap(List::stream).map(m -> m.getKey()).distinct().toList();
            List<Long> byteRange = signature.getSignatureByteRange() == null ? List.of()
                    : signature.getSignatureByteRange().stream().map(BigInteger::longValue).toList();
            boolean coversWholeFile = byteRange.size() == 4 && byteRange.get(2) + byteRange.get(3) == fileLength;
            TimestampWrapper timestamp = signature.getTimestampList().stream()
                    .filter(t -> t.getType() == TimestampType.SIGNATURE_TIMESTAMP).findFirst().orElse(null);
            CertificateWrapper signer = signature.getSigningCertificate();
            checks.add(new SignatureCheck(id, state(indication, messages), signerName(signer, simple, id),
                    signature.isTrustedChain(), instant(signature.getClaimedSigningTime()),
                    timestamp == null ? null : instant(timestamp.getProductionTime()),
                    timestamp == null || timestamp.getSigningCertificate() == null ? null
                            : timestamp.getSigningCertificate().getCommonName(),
                    byteRange, coversWholeFile, indication == null ? null : indication.name(),
                    subIndication == null ? null : subIndication.name(), messages));
        }
        return checks;
    }

    static SignatureCheck.State state(Indication indication, List<String> messages) {
        if (indication == Indication.TOTAL_FAILED || indication == Indication.FAILED) {
            return SignatureCheck.State.BROKEN;
        }
        if (messages.stream().anyMatch(MODIFIED_AFTER_SIGNING_KEYS::contains)) {
            return SignatureCheck.State.MODIFIED_AFTER_SIGNING;
        }
        if (indication == Indication.TOTAL_PASSED || indication == Indication.PASSED) {
            return SignatureCheck.State.INTACT;
        }
        return SignatureCheck.State.NOT_CONFIRMED;
    }

    private static String signerName(CertificateWrapper signer, SimpleReport simple, String id) {
        if (signer != null && signer.getCommonName() != null) {
            return signer.getCommonName();
        }
        return simple.getSignedBy(id);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
