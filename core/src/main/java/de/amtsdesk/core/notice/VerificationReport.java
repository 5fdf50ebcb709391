package de.amtsdesk.core.notice;

import de.amtsdesk.core.i18n.Translations;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The result of checking a PDF: one verdict for the caseworker, the facts underneath (per signature, with DSS's
 * indication and sub-indication), and anything active the PDF contains.
 *
 * @param refusal why the file was not checked at all, or null when it was
 * @param sha256  the hash of the checked bytes, or null when refused before reading them
 */
public record VerificationReport(Verdict verdict, Refusal refusal, String refusalDetail, List<SignatureCheck> signatures,
        List<ActiveContent> activeContent, String sha256) {

    public enum Verdict {
        /** Every signature intact and trusted, nothing changed after the last one. */
        INTACT,
        /** No signature at all. */
        NOT_SIGNED,
        /** Signed bytes unchanged, but a signer could not be confirmed (untrusted chain, no revocation data). */
        NOT_CONFIRMED,
        /** Changed after signing (incremental update). */
        MODIFIED_AFTER_SIGNING,
        /** A signature does not match the document: it was tampered with or the signature is invalid. */
        BROKEN,
        /** Not checked: too large, not a PDF, cut off, unreadable, too complex, or took too long. */
        REFUSED
    }

    public enum Refusal {
        TOO_LARGE, NOT_A_PDF, TRUNCATED, MALFORMED, ENCRYPTED, TOO_COMPLEX, TIMEOUT
    }

    public VerificationReport {
        signatures = List.copyOf(signatures);
        activeContent = List.copyOf(activeContent);
    }

    static VerificationReport refused(Refusal refusal, String detail, String sha256) {
        return new VerificationReport(Verdict.REFUSED, refusal, detail, List.of(), List.of(), sha256);
    }

    /**
     * Bytes follow the last signature that DSS did not count as a change of content (a comment, junk, or a revision
     * with validation data only). Not a change of what the reader sees, but not signed either: poppler's pdfsig says
     * "Not total document signed" for the same file, and the caseworker is told.
     */
    public boolean extendedAfterLastSignature() {
        return !signatures.isEmpty() && signatures.stream().noneMatch(SignatureCheck::coversWholeFile);
    }

    /** {@link #plainWords(Locale, ZoneId)} with times in the agency's zone (Europe/Berlin). */
    public List<String> plainWords(Locale locale) {
        return plainWords(locale, ZoneId.of("Europe/Berlin"));
    }

    /** The verdict in plain words, then one line per signature and per kind of active content. */
    public List<String> plainWords(Locale locale, ZoneId zone) {
        Translations t = Translations.load(NoticePdfWriter.MESSAGES, locale);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(zone);
        List<String> lines = new ArrayList<>();
        lines.add(refusal == null ? t.get("verdict." + verdict.name())
                : t.get("verdict.REFUSED", t.get("refusal." + refusal.name())));
        for (SignatureCheck s : signatures) {
            String signer = s.signer() == null ? t.get("signer.unknown") : s.signer();
            String time = s.timestampTime() != null ? t.get("signature.timestamped", format.format(s.timestampTime()))
                    : s.claimedSigningTime() != null ? t.get("signature.claimed", format.format(s.claimedSigningTime()))
                    : "";
            lines.add(t.get("signature." + s.state().name(), signer) + " " + time + " ("
                    + s.indication() + (s.subIndication() == null ? "" : " / " + s.subIndication()) + ")");
            // DSS's sub-indication in words where it tells the caseworker something the state does not
            if (s.subIndication() != null && t.bundle().containsKey("subindication." + s.subIndication())) {
                lines.add(t.get("subindication." + s.subIndication()));
            }
        }
        if (extendedAfterLastSignature() && verdict != Verdict.BROKEN && verdict != Verdict.MODIFIED_AFTER_SIGNING) {
            lines.add(t.get("verdict.extended"));
        }
        activeContent.stream().map(ActiveContent::kind).distinct()
                .forEach(kind -> lines.add(t.get("active." + kind.name())));
        return lines;
    }
}
