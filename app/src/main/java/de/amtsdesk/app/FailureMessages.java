package de.amtsdesk.app;

import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.matrix.MatrixException;

/** Turns a classified failure into one sentence a caseworker can act on; no stack traces on screen. */
public final class FailureMessages {

    private final Translations text;
    private final java.nio.file.Path logDirectory;

    public FailureMessages(Translations text) {
        this(text, LogLocation.directory());
    }

    /** @param logDirectory named in texts that send the reader to the log, so IT knows where to look */
    public FailureMessages(Translations text, java.nio.file.Path logDirectory) {
        this.text = text;
        this.logDirectory = logDirectory;
    }

    public String describe(MatrixException failure) {
        String subject = failure.subject() == null ? "" : failure.subject();
        return switch (failure.failure()) {
            case INVALID_URL -> text.get("error.invalidUrl", subject);
            case INSECURE_URL -> text.get("error.insecureUrl", subject);
            case DISCOVERY_FAILED -> text.get("error.discoveryFailed", subject);
            case UNREACHABLE -> text.get("error.unreachable", subject);
            case NOT_A_HOMESERVER -> text.get("error.notAHomeserver", subject);
            case WRONG_CREDENTIALS -> text.get("error.wrongCredentials");
            case TOKEN_REVOKED -> text.get("error.tokenRevoked");
            case SESSION_EXPIRED -> text.get("error.sessionExpired");
            case RATE_LIMITED -> text.get("error.rateLimited");
            case SERVER_ERROR -> text.get("error.serverError", subject);
            case REQUEST_REJECTED, MALFORMED_RESPONSE -> text.get("error.unexpected", subject, logDirectory);
        };
    }
}
