package de.amtsdesk.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.MatrixFailure;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.core.store.Argon2idParameters;
import de.amtsdesk.core.store.StoredAccount;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soft and hard logout of a workstation against a scripted homeserver: soft keeps device, keys and sync position and
 * logs in as the same device; hard deletes the crypto store, forgets the sync position and logs in as a new device.
 */
class WorkstationSessionEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private HttpServer server;
    private HomeserverUrl url;
    /** The device_id each login asked for ("-" for none). */
    private final List<String> requestedDevices = new CopyOnWriteArrayList<>();
    private final AtomicInteger newDevices = new AtomicInteger();
    private volatile boolean ignoreRequestedDevice;
    private Workstation workstation;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/_matrix/client/versions", exchange -> answer(exchange, "{\"versions\":[\"v1.11\"]}"));
        server.createContext("/_matrix/client/v3/logout", exchange -> answer(exchange, "{}"));
        server.createContext("/_matrix/client/v3/login", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String requested = body.path("device_id").asText(null);
            requestedDevices.add(requested == null ? "-" : requested);
            String device = requested == null || ignoreRequestedDevice ? "NEW" + newDevices.incrementAndGet()
                    : requested;
            answer(exchange, "{\"user_id\":\"@amt:localhost\",\"access_token\":\"token-" + device
                    + "\",\"device_id\":\"" + device + "\"}");
        });
        server.start();
        url = HomeserverUrl.parse("http://127.0.0.1:" + server.getAddress().getPort());
        workstation = Workstation.create(dir, "a passphrase of this test".toCharArray(), Argon2idParameters.MINIMUM);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterEach
    void stop() {
        workstation.close();
        server.stop(0);
    }

    private Path cryptoStore() {
        return dir.resolve("crypto-store");
    }

    /** Stands in for the files matrix-sdk-sqlite keeps there (the engine itself needs the native library). */
    private void useCryptoStore() throws IOException {
        Files.writeString(cryptoStore().resolve("matrix-sdk-crypto.sqlite3"), "keys of this device");
        Files.createDirectories(cryptoStore().resolve("sub"));
        Files.writeString(cryptoStore().resolve("sub").resolve("wal"), "more keys");
    }

    private static long filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void softLogoutKeepsDeviceKeysAndSyncPositionAndLogsInAsTheSameDevice() throws Exception {
        Session first = workstation.login(url, "amt", "pw");
        useCryptoStore();
        workstation.database().syncState().save("s42");

        Workstation.SessionEnd end = workstation.endSession(new MatrixException(MatrixFailure.SESSION_EXPIRED,
                "M_UNKNOWN_TOKEN", url.toString()));

        assertThat(end).isEqualTo(Workstation.SessionEnd.SOFT);
        assertThat(workstation.storedSession()).isEmpty();
        assertThat(workstation.account()).get().extracting(StoredAccount::deviceId).isEqualTo(first.deviceId());
        assertThat(filesIn(cryptoStore())).isEqualTo(2);
        assertThat(workstation.database().syncState().since()).contains("s42");

        Session again = workstation.login(url, "amt", "pw");
        assertThat(requestedDevices).containsExactly("-", first.deviceId());
        assertThat(again.deviceId()).isEqualTo(first.deviceId());
        assertThat(filesIn(cryptoStore())).isEqualTo(2);
    }

    @Test
    void hardLogoutDeletesTheCryptoStoreAndTheNextLoginIsANewDevice() throws Exception {
        Session first = workstation.login(url, "amt", "pw");
        useCryptoStore();
        workstation.database().syncState().save("s42");

        Workstation.SessionEnd end = workstation.endSession(new MatrixException(MatrixFailure.TOKEN_REVOKED,
                "M_UNKNOWN_TOKEN", url.toString()));

        assertThat(end).isEqualTo(Workstation.SessionEnd.HARD);
        assertThat(workstation.storedSession()).isEmpty();
        assertThat(Files.isDirectory(cryptoStore())).isTrue();
        assertThat(filesIn(cryptoStore())).as("no key of the dead device is left").isZero();
        assertThat(workstation.database().syncState().since()).as("the new device starts with an initial sync")
                .isEmpty();

        Session second = workstation.login(url, "amt", "pw");
        assertThat(requestedDevices).containsExactly("-", "-");
        assertThat(second.deviceId()).isNotEqualTo(first.deviceId());
        assertThat(workstation.account()).get().extracting(StoredAccount::deviceId).isEqualTo(second.deviceId());
        assertThat(workstation.storedSession()).get().extracting(Session::deviceId).isEqualTo(second.deviceId());
        assertThat(Files.exists(dir.resolve(RetiredDevice.FILE_NAME))).isFalse();
    }

    @Test
    void aRetirementInterruptedByACrashIsFinishedBeforeTheNextLogin() throws Exception {
        Session first = workstation.login(url, "amt", "pw");
        useCryptoStore();
        // The crash came right after the marker: token and crypto store are still there.
        new RetiredDevice(dir).mark(first.deviceId());

        assertThat(workstation.storedSession()).as("a retired device's token is never used again").isEmpty();
        Session second = workstation.login(url, "amt", "pw");

        assertThat(requestedDevices).containsExactly("-", "-");
        assertThat(second.deviceId()).isNotEqualTo(first.deviceId());
        assertThat(filesIn(cryptoStore())).isZero();
    }

    @Test
    void aServerThatIgnoresTheDeviceIdIsRefusedSoTheKeysAreNotMixedUp() throws Exception {
        Session first = workstation.login(url, "amt", "pw");
        useCryptoStore();
        workstation.endSession(new MatrixException(MatrixFailure.SESSION_EXPIRED, "M_UNKNOWN_TOKEN", url.toString()));
        ignoreRequestedDevice = true;

        assertThatThrownBy(() -> workstation.login(url, "amt", "pw"))
                .isInstanceOfSatisfying(MatrixException.class,
                        e -> assertThat(e.failure()).isEqualTo(MatrixFailure.MALFORMED_RESPONSE));
        assertThat(workstation.account()).get().extracting(StoredAccount::deviceId).isEqualTo(first.deviceId());
        assertThat(filesIn(cryptoStore())).isEqualTo(2);
    }
}
