package de.amtsdesk.core.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MatrixHttpTest {

    private static final URI LOGIN = URI.create("https://hs.example/_matrix/client/v3/login");
    private static final URI SYNC = URI.create("https://hs.example/_matrix/client/v3/sync");

    private static MatrixException failureOf(URI uri, int status, String body) {
        return catchThrowableOfType(MatrixException.class, () -> MatrixHttp.interpret(uri, status, body));
    }

    @Test
    void forbiddenLoginIsWrongCredentials() {
        MatrixException e = failureOf(LOGIN, 403, "{\"errcode\":\"M_FORBIDDEN\",\"error\":\"Invalid password\"}");
        assertThat(e.failure()).isEqualTo(MatrixFailure.WRONG_CREDENTIALS);
        assertThat(e.subject()).isEqualTo("https://hs.example");
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        MatrixException e = failureOf(SYNC, 429, "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"retry_after_ms\":1234}");
        assertThat(e.failure()).isEqualTo(MatrixFailure.RATE_LIMITED);
        assertThat(e.retryAfterMillis()).contains(1234L);
        assertThat(e.isTransient()).isTrue();
    }

    @Test
    void unknownTokenWithSoftLogoutOnlyExpiresTheSession() {
        MatrixException e = failureOf(SYNC, 401, "{\"errcode\":\"M_UNKNOWN_TOKEN\",\"soft_logout\":true}");
        assertThat(e.failure()).isEqualTo(MatrixFailure.SESSION_EXPIRED);
        assertThat(e.endsSession()).isTrue();
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void unknownTokenWithoutSoftLogoutIsAHardLogout() {
        for (String body : new String[] {"{\"errcode\":\"M_UNKNOWN_TOKEN\"}",
                "{\"errcode\":\"M_UNKNOWN_TOKEN\",\"soft_logout\":false}",
                "{\"errcode\":\"M_UNKNOWN_TOKEN\",\"soft_logout\":\"yes\"}"}) {
            MatrixException e = failureOf(SYNC, 401, body);
            assertThat(e.failure()).as(body).isEqualTo(MatrixFailure.TOKEN_REVOKED);
            assertThat(e.endsSession()).isTrue();
            assertThat(e.isTransient()).isFalse();
        }
    }

    @Test
    void missingTokenNeverCountsAsHardLogout() {
        assertThat(failureOf(SYNC, 401, "{\"errcode\":\"M_MISSING_TOKEN\"}").failure())
                .isEqualTo(MatrixFailure.SESSION_EXPIRED);
    }

    @Test
    void otherFailuresDoNotEndTheSession() {
        assertThat(failureOf(SYNC, 502, "").endsSession()).isFalse();
        assertThat(failureOf(LOGIN, 403, "{\"errcode\":\"M_FORBIDDEN\"}").endsSession()).isFalse();
    }

    @Test
    void gatewayErrorPageIsServerErrorAndTransient() {
        MatrixException e = failureOf(SYNC, 502, "<html>Bad gateway</html>");
        assertThat(e.failure()).isEqualTo(MatrixFailure.SERVER_ERROR);
        assertThat(e.isTransient()).isTrue();
    }

    @Test
    void htmlPageIsNotAHomeserver() {
        assertThat(failureOf(SYNC, 200, "<html>Welcome to nginx</html>").failure())
                .isEqualTo(MatrixFailure.NOT_A_HOMESERVER);
        assertThat(failureOf(SYNC, 404, "Not found").failure()).isEqualTo(MatrixFailure.NOT_A_HOMESERVER);
    }

    @Test
    void matrixJsonPassesThrough() throws MatrixException {
        assertThat(MatrixHttp.interpret(SYNC, 200, "{\"next_batch\":\"s1\"}").path("next_batch").asText())
                .isEqualTo("s1");
    }
}
