package de.amtsdesk.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SynapseServer without JUnit's extension (as the demo uses it): its own server in a temp dir, stopped
 * and restarted on the same data. Later tests (reconnect, offline queue) rely on exactly this.
 */
class SynapseServerRestartTest {
    @TempDir
    Path workDir;

    @Test
    void restartKeepsPortUsersAndTokens() throws Exception {
        try (SynapseServer server = SynapseServer.start(workDir)) {
            RegisteredUser user = server.registerUser("restart-user", "secret-pw", "Restart User", false);
            assertThat(user.userId()).isEqualTo("@restart-user:localhost");
            assertThat(whoami(server, user)).isEqualTo(200);
            assertThat(user.toString()).doesNotContain(user.accessToken()).doesNotContain("secret-pw");
            int port = server.port();

            server.stop();
            assertThat(server.isRunning()).isFalse();
            assertThatThrownBy(() -> whoami(server, user)).isInstanceOf(java.io.IOException.class); // nothing listens

            server.restart();
            assertThat(server.port()).isEqualTo(port);
            assertThat(whoami(server, user)).as("same database: the old token still works").isEqualTo(200);
            System.out.printf("Synapse restart took %d ms%n", server.lastStartDuration().toMillis());
        }
    }

    private static int whoami(SynapseServer server, RegisteredUser user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_matrix/client/v3/account/whoami"))
                .header("Authorization", "Bearer " + user.accessToken()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
