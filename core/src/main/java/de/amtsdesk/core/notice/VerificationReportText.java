package de.amtsdesk.core.notice;

import de.amtsdesk.core.i18n.Translations;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The whole verification report as text, for the screen's details and for export (attached to a file, printed, sent
 * to a lawyer): the verdict in plain words first, then every fact behind it — hash, each signature's signer, chain,
 * times, signed byte ranges and whether they reach the end of the file, DSS's indication and messages — and the
 * active content that was found and not run.
 */
public final class VerificationReportText {

    private VerificationReportText() {
    }

    public static List<String> lines(VerificationReport report, String fileName, Instant checkedAt, String version,
            Locale locale, ZoneId zone) {
        Translations t = Translations.load(NoticePdfWriter.MESSAGES, locale);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(zone);
        List<String> lines = new ArrayList<>();
        lines.add(t.get("report.title", fileName));
        lines.add(t.get("report.checkedAt", format.format(checkedAt), version));
        if (report.sha256() != null) {
            lines.add(t.get("report.sha256", report.sha256()));
        }
        lines.add("");
        lines.addAll(report.plainWords(locale, zone));
        if (report.refusal() != null && report.refusalDetail() != null) {
            lines.add(t.get("report.refusalDetail", report.refusalDetail()));
        }
        if (report.refusal() == null && report.signatures().isEmpty()) {
            lines.add(t.get("report.noSignature"));
        }
        int number = 0;
        for (SignatureCheck s : report.signatures()) {
            number++;
            lines.add("");
            lines.add(t.get("report.signature", number, report.signatures().size()));
            lines.add(t.get("report.signer", s.signer() == null ? t.get("signer.unknown") : s.signer()));
            lines.add(t.get(s.chainTrusted() ? "report.chain.trusted" : "report.chain.untrusted"));
            if (s.claimedSigningTime() != null) {
                lines.add(t.get("report.claimed", format.format(s.claimedSigningTime())));
            }
            lines.add(s.timestampTime() == null ? t.get("report.noTimestamp")
                    : t.get("report.timestamp", format.format(s.timestampTime()),
                            s.timestampAuthority() == null ? t.get("signer.unknown") : s.timestampAuthority()));
            lines.add(t.get("report.byteRange", byteRanges(s.byteRange())));
            lines.add(t.get(s.coversWholeFile() ? "report.coversWholeFile" : "report.notWholeFile"));
            lines.add(t.get("report.dss", s.indication() + (s.subIndication() == null ? "" : " / "
                    + s.subIndication())));
            if (!s.messages().isEmpty()) {
                lines.add(t.get("report.dssMessages", String.join(", ", s.messages())));
            }
        }
        if (!report.activeContent().isEmpty()) {
            lines.add("");
            lines.add(t.get("report.active"));
            report.activeContent().forEach(a -> lines.add("- " + a.kind() + " (" + a.where() + ")"));
        }
        return lines;
    }

    /** {@code [0, 1200, 9400, 800]} as {@code 0–1199, 9400–10199}: the two signed pieces around the signature. */
    static String byteRanges(List<Long> range) {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i + 1 < range.size(); i += 2) {
            long start = range.get(i);
            long length = range.get(i + 1);
            pieces.add(length <= 0 ? start + " (0)" : start + "–" + (start + length - 1));
        }
        return pieces.isEmpty() ? "–" : String.join(", ", pieces);
    }
}
