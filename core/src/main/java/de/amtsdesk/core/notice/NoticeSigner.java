package de.amtsdesk.core.notice;

import de.amtsdesk.core.cases.CaseBook;
import de.amtsdesk.core.i18n.Translations;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.DSSASN1Utils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;

/**
 * Signs a notice as PAdES baseline B-B or B-T (with an RFC 3161 timestamp from the configured TSA), with a visible
 * signature field in the box the writer kept free. SHA-256 throughout: DSS 6.3 would default to SHA-512, which
 * older verifiers and some smartcards do not handle.
 */
public final class NoticeSigner {

    public enum Level {
        /** Signature only; the signing time is the signer's claim. */
        B_B(SignatureLevel.PAdES_BASELINE_B),
        /** Plus a TSA timestamp proving the signature existed at that time. */
        B_T(SignatureLevel.PAdES_BASELINE_T),
        /**
         * Plus the certificates and revocation data (OCSP/CRL) of the chain, embedded at signing time: the notice
         * still verifies years later, offline, when the responders are gone.
         */
        B_LT(SignatureLevel.PAdES_BASELINE_LT);

        final SignatureLevel dss;

        Level(SignatureLevel dss) {
            this.dss = dss;
        }
    }

    /** What the visible signature and the signature dictionary say besides the signer's name. */
    public record Details(String reason, String location, Locale locale, ZoneId zone) {
        public Details {
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(zone, "zone");
        }
    }

    private final NoticeKeySource keys;
    private final TSPSource tsa;
    private final Clock clock;
    private final TrustSettings revocation;

    /** @param tsa the timestamp authority for B-T; null when the unit signs B-B only */
    public NoticeSigner(NoticeKeySource keys, TSPSource tsa, Clock clock) {
        this(keys, tsa, clock, null);
    }

    /**
     * @param revocation where B-LT gets the chain's revocation data (OCSP, CRL) and missing issuer certificates, and
     *                   which roots it builds the chain to; null when the unit does not sign B-LT
     */
    public NoticeSigner(NoticeKeySource keys, TSPSource tsa, Clock clock, TrustSettings revocation) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.tsa = tsa;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.revocation = revocation;
    }

    /** A TSA reached over HTTP(S) (RFC 3161), e.g. the one the agency's trust service provider runs. */
    public static TSPSource onlineTsa(String url) {
        // Through the admin policy's proxy, with bounded timeouts (DssHttp).
        return new OnlineTSPSource(url, DssHttp.timestamps(url));
    }

    /**
     * Signs a notice of a case only when a second member approved exactly these bytes (Mitzeichnung, ADR 0017).
     *
     * @throws NoticeSigningException when no approval exists for the draft's SHA-256, or signing fails
     */
    public byte[] signApproved(CaseBook book, String caseId, byte[] pdf, SignatureBox box, Level level,
            Details details) throws NoticeSigningException {
        SignOffGate.requireApproval(book, caseId, pdf);
        return sign(pdf, box, level, details);
    }

    /**
     * Signs without looking at sign-offs: for callers that checked {@link SignOffGate} themselves, and tests.
     *
     * @param pdf the notice exactly as signed off (its SHA-256 is what the approval names)
     * @throws NoticeSigningException when the key cannot be opened, B-T is asked without a TSA, or DSS refuses
     */
    public byte[] sign(byte[] pdf, SignatureBox box, Level level, Details details) throws NoticeSigningException {
        if (level != Level.B_B && tsa == null) {
            throw new NoticeSigningException(level.name().replace('_', '-')
                    + " needs a timestamp authority (TSA URL) and none is configured");
        }
        if (level == Level.B_LT && revocation == null) {
            throw new NoticeSigningException("B-LT needs revocation sources (OCSP/CRL) and none are configured");
        }
        try (SigningKey key = keys.open()) {
            PAdESSignatureParameters parameters = parameters(key, box, level, details);
            // B-B/B-T: a plain verifier; one that already trusts the signer makes DSS leave the certificate out of the
            // CMS. B-LT: DSS must build the chain to a root and fetch its revocation data, so it gets the sources.
            PAdESService service = new PAdESService(level == Level.B_LT ? revocation.certificateVerifier()
                    : new CommonCertificateVerifier());
            // Native PDFBox drawing puts the signature text into the PDF with an embedded font (PDF/A); the
            // default factory would paint it as a picture.
            service.setPdfObjFactory(new PdfBoxNativeObjectFactory());
            if (tsa != null) {
                service.setTspSource(tsa);
            }
            DSSDocument document = new InMemoryDocument(pdf, "notice.pdf");
            ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
            SignatureValue value = key.token().sign(toBeSigned, parameters.getDigestAlgorithm(), key.entry());
            DSSDocument signed = service.signDocument(document, parameters, value);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 65_536);
            signed.writeTo(out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new NoticeSigningException("signing with " + keys.describe() + " failed: " + e.getMessage(), e);
        }
    }

    private PAdESSignatureParameters parameters(SigningKey key, SignatureBox box, Level level, Details details)
            throws IOException {
        CertificateToken certificate = key.entry().getCertificate();
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(level.dss);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(certificate);
        parameters.setCertificateChain(key.entry().getCertificateChain());
        parameters.bLevel().setSigningDate(Date.from(clock.instant()));
        String signerName = DSSASN1Utils.getHumanReadableName(certificate);
        parameters.setSignerName(signerName);
        if (details.reason() != null) {
            parameters.setReason(details.reason());
        }
        if (details.location() != null) {
            parameters.setLocation(details.location());
        }

        Translations labels = Translations.load(NoticePdfWriter.MESSAGES, details.locale());
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(details.locale())
                .withZone(details.zone()).format(clock.instant());
        SignatureImageTextParameters text = new SignatureImageTextParameters();
        text.setText(labels.get("signature.visible", signerName, when));
        text.setFont(new DSSFileFont(new InMemoryDocument(NoticeFonts.regularFontFile(), "DejaVuSans.ttf")));
        text.getFont().setSize(8);
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setPage(box.page());
        field.setOriginX(box.x());
        field.setOriginY(box.yFromTop());
        field.setWidth(box.width());
        field.setHeight(box.height());
        SignatureImageParameters image = new SignatureImageParameters();
        image.setTextParameters(text);
        image.setFieldParameters(field);
        parameters.setImageParameters(image);
        return parameters;
    }
}
