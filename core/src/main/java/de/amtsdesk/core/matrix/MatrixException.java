package de.amtsdesk.core.matrix;

import java.util.Optional;

/** A failed homeserver interaction, classified so callers can react (retry, ask to log in again, show). */
public class MatrixException extends Exception {

    private final MatrixFailure failure;
    private final String subject;
    private final String errcode;
    private final Long retryAfterMillis;

    public MatrixException(MatrixFailure failure, String detail, String subject) {
        this(failure, detail, subject, null, null, null);
    }

    public MatrixException(MatrixFailure failure, String detail, String subject, String errcode, Long retryAfterMillis,
            Throwable cause) {
        super(failure + ": " + detail + (subject == null || subject.isEmpty() ? "" : " (" + subject + ")"), cause);
        this.failure = failure;
        this.subject = subject;
        this.errcode = errcode;
        this.retryAfterMillis = retryAfterMillis;
    }

    public MatrixFailure failure() {
        return failure;
    }

    /** The URL or user the failure is about, for the message shown to people. */
    public String subject() {
        return subject;
    }

    public Optional<String> errcode() {
        return Optional.ofNullable(errcode);
    }

    public Optional<Long> retryAfterMillis() {
        return Optional.ofNullable(retryAfterMillis);
    }

    /**
     * The server no longer accepts the token, softly ({@link MatrixFailure#SESSION_EXPIRED}) or for good
     * ({@link MatrixFailure#TOKEN_REVOKED}): retrying cannot help, the caseworker must log in again.
     */
    public boolean endsSession() {
        return failure == MatrixFailure.TOKEN_REVOKED || failure == MatrixFailure.SESSION_EXPIRED;
    }

    /** Failures where waiting and trying again can help (sync loop backoff). */
    public boolean isTransient() {
        return failure == MatrixFailure.UNREACHABLE || failure == MatrixFailure.RATE_LIMITED
                || failure == MatrixFailure.SERVER_ERROR;
    }
}
