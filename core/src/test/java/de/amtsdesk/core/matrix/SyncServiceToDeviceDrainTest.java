package de.amtsdesk.core.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: a response with a full page of to-device events (Synapse's cap) is followed at once by the next, each
 * page's to-device events are taken in before the next request (the server deletes them once a later token is
 * used), and only then are the timelines handled, in server order.
 */
class SyncServiceToDeviceDrainTest {

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private HomeserverUrl serve(List<String> answers) throws IOException, MatrixException {
        AtomicInteger step = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/_matrix/client/v3/sync", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            String since = query.contains("since=") ? query.replaceAll(".*since=([^&]*).*", "$1") : "-";
            String timeout = query.replaceAll(".*timeout=([^&]*).*", "$1");
            requests.add(since + "@" + timeout);
            byte[] body = answers.get(Math.min(step.getAndIncrement(), answers.size() - 1))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return HomeserverUrl.parse("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String page(String next, int toDevice) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < toDevice; i++) {
            events.append(i == 0 ? "" : ",").append("{\"type\":\"m.room.encrypted\",\"sender\":\"@c:l\",\"content\":{}}");
        }
        return "{\"next_batch\":\"" + next + "\",\"to_device\":{\"events\":[" + events + "]},"
                + "\"rooms\":{\"join\":{\"!r:l\":{\"timeline\":{\"events\":[{\"event_id\":\"$" + next + "\"}]}}}}}";
    }

    /** Records the order of calls as "take s1", "handle s1", with the page's to-device count. */
    private static final class Recorder implements SyncHandler {
        final List<String> calls = new CopyOnWriteArrayList<>();
        String failOnHandle;

        @Override
        public void takeToDevice(JsonNode response, String nextBatch) {
            calls.add("take " + nextBatch + " (" + response.path("to_device").path("events").size() + ")");
        }

        @Override
        public void handle(JsonNode response, String nextBatch) throws MatrixException {
            if (nextBatch.equals(failOnHandle)) {
                throw new MatrixException(MatrixFailure.UNREACHABLE, "store write failed", "test");
            }
            calls.add("handle " + nextBatch + " "
                    + response.path("rooms").path("join").path("!r:l").path("timeline").path("events").get(0)
                            .path("event_id").asText());
        }
    }

    @Test
    void fullToDevicePagesAreDrainedBeforeAnyTimelineIsHandled() throws Exception {
        HomeserverUrl url = serve(List.of(page("s1", 100), page("s2", 100), page("s3", 7), page("s4", 0)));
        Recorder recorder = new Recorder();
        SyncService sync = new SyncService(new MatrixClient(url), new Session(url, "@amt:l", "DEV", "t"), "s0",
                recorder, rooms -> { });

        sync.syncOnce(Duration.ofSeconds(30));

        assertThat(recorder.calls).containsExactly("take s1 (100)", "take s2 (100)", "take s3 (7)",
                "handle s1 $s1", "handle s2 $s2", "handle s3 $s3");
        // The first request long-polls; the drain asks with timeout 0 from each page's token in turn.
        assertThat(requests).containsExactly("s0@30000", "s1@0", "s2@0");
        assertThat(sync.since()).isEqualTo("s3");
    }

    @Test
    void aPageThatIsNotFullEndsTheRoundTrip() throws Exception {
        HomeserverUrl url = serve(List.of(page("s1", 99), page("s2", 0)));
        Recorder recorder = new Recorder();
        SyncService sync = new SyncService(new MatrixClient(url), new Session(url, "@amt:l", "DEV", "t"), "s0",
                recorder, rooms -> { });

        sync.syncOnce(Duration.ZERO);

        assertThat(recorder.calls).containsExactly("take s1 (99)", "handle s1 $s1");
        assertThat(requests).containsExactly("s0@0");
    }

    @Test
    void aFailureWhileHandlingKeepsTheTokenOfTheLastHandledPage() throws Exception {
        HomeserverUrl url = serve(List.of(page("s1", 100), page("s2", 3), page("s2", 0)));
        Recorder recorder = new Recorder();
        recorder.failOnHandle = "s2";
        SyncService sync = new SyncService(new MatrixClient(url), new Session(url, "@amt:l", "DEV", "t"), "s0",
                recorder, rooms -> { });

        assertThatThrownBy(() -> sync.syncOnce(Duration.ZERO)).isInstanceOf(MatrixException.class);
        // Page 1 is handled and its token kept; page 2 is fetched again from there.
        assertThat(sync.since()).isEqualTo("s1");
        recorder.failOnHandle = null;
        sync.syncOnce(Duration.ZERO);
        assertThat(requests).containsExactly("s0@0", "s1@0", "s1@0");
        assertThat(recorder.calls).containsExactly("take s1 (100)", "take s2 (3)", "handle s1 $s1",
                "take s2 (0)", "handle s2 $s2");
        assertThat(sync.since()).isEqualTo("s2");
    }
}
