package de.amtsdesk.app.notice;

import de.amtsdesk.app.conversation.AttachmentSignatureCheck;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.notice.VerificationReport;
import de.amtsdesk.core.notice.VerificationReportText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A PDF's verification report for the caseworker: the verdict in one sentence (with how serious it is), the whole
 * report underneath, and export as a text file that says the same.
 */
public final class VerificationReportViewModel {

    /** How the headline is shown: good news, "look closer", or a warning. */
    public enum Severity { GOOD, CAUTION, WARNING }

    private final AttachmentSignatureCheck.Result result;
    private final List<String> lines;
    private final Translations text;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public VerificationReportViewModel(AttachmentSignatureCheck.Result result, String version, Translations text,
            Locale locale, ZoneId zone) {
        this.result = result;
        this.text = text;
        this.lines = VerificationReportText.lines(result.report(), result.fileName(), result.checkedAt(), version,
                locale, zone);
    }

    /** The verdict, first of the plain words (after title, time, hash and a blank line). */
    public String headline() {
        return lines.stream().skip(lines.indexOf("") + 1L).findFirst().orElse("");
    }

    public Severity severity() {
        VerificationReport report = result.report();
        return switch (report.verdict()) {
            case INTACT -> report.extendedAfterLastSignature() || !report.activeContent().isEmpty()
                    ? Severity.CAUTION : Severity.GOOD;
            case NOT_SIGNED, NOT_CONFIRMED -> Severity.CAUTION;
            case MODIFIED_AFTER_SIGNING, BROKEN, REFUSED -> Severity.WARNING;
        };
    }

    public String title() {
        return lines.getFirst();
    }

    /** The whole report, one line each, as shown and exported. */
    public String details() {
        return String.join("\n", lines);
    }

    /** A name to offer when saving: the PDF's name with "-pruefbericht.txt". */
    public String exportFileName() {
        String base = result.fileName().replaceAll("(?i)\\.pdf$", "").replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        return (base.isBlank() ? "dokument" : base) + "-" + text.get("report.exportSuffix") + ".txt";
    }

    /** Writes the report as UTF-8 text; the outcome is said in {@link #messageProperty()}. */
    public void export(Path target) {
        try {
            Files.writeString(target, details() + "\n", StandardCharsets.UTF_8);
            message.set(text.get("report.exported", target.getFileName()));
        } catch (IOException e) {
            message.set(text.get("report.exportFailed", e.getClass().getSimpleName()));
        }
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
