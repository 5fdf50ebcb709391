package de.amtsdesk.e2e.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsdesk.core.engine.AgencyEngine;
import de.amtsdesk.core.engine.Workstation;
import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.MatrixFailure;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.core.matrix.SyncListener;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseExtension;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hard logout on a real Synapse: the workstation's token is logged out from elsewhere (which deletes the device).
 * Synapse answers M_UNKNOWN_TOKEN without soft_logout; the workstation then throws away the dead device's crypto
 * store and the next login is a new device whose keys the server really has. (Soft logout cannot be provoked on
 * Synapse without refresh tokens; WorkstationSessionEndTest covers it against a scripted answer.)
 */
@ExtendWith(SynapseExtension.class)
class HardLogoutAgainstSynapseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SyncListener QUIET = rooms -> { };

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    private JsonNode post(SynapseServer synapse, String path, String token, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(synapse.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The devices of the account that have uploaded keys, as another member's client would see them. */
    private List<String> devicesWithKeys(SynapseServer synapse, RegisteredUser asker, String userId) throws Exception {
        JsonNode keys = post(synapse, "/_matrix/client/v3/keys/query", asker.accessToken(),
                JSON.writeValueAsString(Map.of("device_keys", Map.of(userId, List.of()))));
        return Stream.of(keys.path("device_keys").path(userId)).flatMap(n -> {
            java.util.List<String> ids = new java.util.ArrayList<>();
            n.fieldNames().forEachRemaining(ids::add);
            return ids.stream();
        }).sorted().toList();
    }

    private static long filesIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void afterTheDeviceIsLoggedOutElsewhereTheWorkstationBecomesANewDevice(SynapseServer synapse) throws Exception {
        RegisteredUser agency = SynapseExtension.registerUser("amt");
        RegisteredUser colleague = SynapseExtension.registerUser("kollegin");
        HomeserverUrl homeserver = HomeserverUrl.parse(synapse.baseUrl());

        try (Workstation workstation = Workstation.create(dataDir.resolve("ws"), "passphrase 4711 hard".toCharArray())) {
            Session first = workstation.login(homeserver, agency.localpart(), agency.password());
            AgencyEngine engine = workstation.engine(first, QUIET, true);
            engine.syncOnce(Duration.ZERO);
            engine.syncOnce(Duration.ZERO);
            assertThat(devicesWithKeys(synapse, colleague, agency.userId())).contains(first.deviceId());
            Path cryptoStore = dataDir.resolve("ws").resolve("crypto-store");
            assertThat(filesIn(cryptoStore)).as("the crypto store is in use").isPositive();

            // IT (or a stolen-laptop procedure) logs the token out from another machine: Synapse deletes the device.
            post(synapse, "/_matrix/client/v3/logout", first.accessToken(), "{}");

            MatrixException refused = catchThrowableOfType(MatrixException.class, () -> engine.syncOnce(Duration.ZERO));
            assertThat(refused).as("sync after the logout").isNotNull();
            assertThat(refused.failure()).isEqualTo(MatrixFailure.TOKEN_REVOKED);

            assertThat(workstation.endSession(refused)).isEqualTo(Workstation.SessionEnd.HARD);
            assertThat(filesIn(cryptoStore)).as("no key of the dead device is left").isZero();
            assertThat(workstation.storedSession()).isEmpty();

            Session second = workstation.login(homeserver, agency.localpart(), agency.password());
            assertThat(second.deviceId()).isNotEqualTo(first.deviceId());
            AgencyEngine newEngine = workstation.engine(second, QUIET, true);
            newEngine.syncOnce(Duration.ZERO);
            newEngine.syncOnce(Duration.ZERO);

            List<String> devices = devicesWithKeys(synapse, colleague, agency.userId());
            assertThat(devices).as("the new device's keys are on the server, the dead one is gone")
                    .contains(second.deviceId()).doesNotContain(first.deviceId());
        }
    }
}
