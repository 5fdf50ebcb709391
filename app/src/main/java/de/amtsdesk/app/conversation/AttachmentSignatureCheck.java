package de.amtsdesk.app.conversation;

import de.amtsdesk.core.conversation.Attachment;
import de.amtsdesk.core.conversation.Conversations;
import de.amtsdesk.core.notice.VerificationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the signatures of a PDF in a conversation (a citizen's signed certificate, the agency's own notice): decrypts
 * it into a private temporary file, hands that to the checker and deletes it again. Runs on the caller's background
 * thread; the checker bounds size and time itself (NoticeVerifier).
 */
public final class AttachmentSignatureCheck {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentSignatureCheck.class);

    /** Checks one file; in the app the NoticeVerifier with the unit's trust anchors. */
    @FunctionalInterface
    public interface Checker {
        VerificationReport check(Path pdf) throws IOException;
    }

    /** A finished check: what was checked, when, and the report. */
    public record Result(String fileName, Instant checkedAt, VerificationReport report) {
    }

    private final Conversations conversations;
    private final Checker checker;
    private final Clock clock;

    public AttachmentSignatureCheck(Conversations conversations, Checker checker, Clock clock) {
        this.conversations = conversations;
        this.checker = checker;
        this.clock = clock;
    }

    /** PDFs only: by type or, when the sender's client named none or a generic one, by file name. */
    public static boolean applies(Attachment attachment) {
        if (attachment == null) {
            return false;
        }
        String type = attachment.mimetype() == null ? "" : attachment.mimetype().toLowerCase(Locale.ROOT);
        String name = attachment.name() == null ? "" : attachment.name().toLowerCase(Locale.ROOT);
        return type.equals("application/pdf") || name.endsWith(".pdf");
    }

    /**
     * Decrypts, checks, deletes. {@code failed} gets nothing but is called when the file could not be fetched or
     * decrypted (the server is down, the key is missing); the reason is in the log.
     */
    public void check(Attachment attachment, Consumer<Result> done, Runnable failed) {
        Path copy = null;
        try {
            copy = privateTempFile();
            conversations.saveAttachment(attachment, copy);
            VerificationReport report = checker.check(copy);
            done.accept(new Result(attachment.name(), clock.instant(), report));
        } catch (Exception e) {
            LOG.warn("PDF not checked: {}", e.getClass().getSimpleName());
            failed.run();
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    LOG.warn("temporary copy of a checked PDF not deleted: {}", e.getClass().getSimpleName());
                }
            }
        }
    }

    private static Path privateTempFile() throws IOException {
        try {
            return Files.createTempFile("amtsdesk-check-", ".pdf",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // Windows: the user's own temp folder is private to the user already.
            return Files.createTempFile("amtsdesk-check-", ".pdf");
        }
    }
}
