package de.amtsdesk.core.matrix;

/**
 * What went wrong, in the terms a caseworker or an IT admin can act on. The UI maps each value to a
 * translated message; the technical detail stays in the log.
 */
public enum MatrixFailure {
    INVALID_URL,
    UNREACHABLE,
    NOT_A_HOMESERVER,
    WRONG_CREDENTIALS,
    TOKEN_REVOKED,
    RATE_LIMITED,
    SERVER_ERROR,
    REQUEST_REJECTED,
    MALFORMED_RESPONSE
}
