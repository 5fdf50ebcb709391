package de.amtsdesk.core.matrix;

/**
 * What went wrong, in the terms a caseworker or an IT admin can act on. The UI maps each value to a
 * translated message; the technical detail stays in the log.
 */
public enum MatrixFailure {
    INVALID_URL,
    /** {@code http://} to a host that is not this machine: tokens and passwords would travel in clear. */
    INSECURE_URL,
    /**
     * The server publishes {@code .well-known/matrix/client} but it is broken or points at no homeserver
     * (the spec's FAIL_ERROR): the login must not continue with a guessed address.
     */
    DISCOVERY_FAILED,
    UNREACHABLE,
    NOT_A_HOMESERVER,
    WRONG_CREDENTIALS,
    /**
     * Hard logout: the server no longer knows the token and did not say {@code soft_logout}, so the device is gone
     * (deleted by an admin, logged out elsewhere). Its crypto store must not be used for a new device.
     */
    TOKEN_REVOKED,
    /**
     * Soft logout ({@code M_UNKNOWN_TOKEN} with {@code soft_logout: true}): only the token expired. The device and
     * its crypto store stay; logging in again as the same device continues.
     */
    SESSION_EXPIRED,
    RATE_LIMITED,
    SERVER_ERROR,
    REQUEST_REJECTED,
    MALFORMED_RESPONSE
}
