package de.amtsdesk.core.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sync loop against a scripted HTTP endpoint (a resilience unit test, not an end-to-end claim): it survives 5xx
 * and 429 (honouring retry_after_ms), resumes from the token it had, and stops with "session ended" on a revoked
 * token instead of looping.
 */
class SyncServiceResilienceTest {

    private HttpServer server;

    private HomeserverUrl serve(List<String[]> script, ConcurrentLinkedQueue<String> seenSince)
            throws IOException, MatrixException {
        AtomicInteger step = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/_matrix/client/v3/sync", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            seenSince.add(query.contains("since=") ? query.replaceAll(".*since=([^&]*).*", "$1") : "-");
            String[] answer = script.get(Math.min(step.getAndIncrement(), script.size() - 1));
            byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return HomeserverUrl.parse("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Runs the loop from token s0, each handled batch's token into {@code handled}, until the session ends; its token. */
    private static String runUntilEnded(HomeserverUrl url, List<String> handled, SyncListener listener,
            CountDownLatch ended) throws InterruptedException {
        Session session = new Session(url, "@amt:l", "DEV", "token");
        try (SyncService sync = new SyncService(new MatrixClient(url), session, "s0",
                (response, next) -> handled.add(next), listener)) {
            sync.start();
            assertThat(ended.await(30, TimeUnit.SECONDS)).as("session ended reported").isTrue();
            return sync.since();
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void survivesServerErrorsAndRateLimitsThenEndsOnRevokedToken() throws Exception {
        ConcurrentLinkedQueue<String> seenSince = new ConcurrentLinkedQueue<>();
        HomeserverUrl url = serve(List.of(
                new String[] {"200", "{\"next_batch\":\"s1\"}"},
                new String[] {"502", "<html>bad gateway</html>"},
                new String[] {"429", "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"retry_after_ms\":50}"},
                new String[] {"200", "{\"next_batch\":\"s2\"}"},
                new String[] {"401", "{\"errcode\":\"M_UNKNOWN_TOKEN\",\"soft_logout\":true}"}), seenSince);
        List<MatrixFailure> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger recovered = new AtomicInteger();
        List<String> caughtUpAfter = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        List<MatrixFailure> endedBecause = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        SyncListener listener = new SyncListener() {
            @Override
            public void roomsChanged(List<RoomSummary> rooms) { }

            @Override
            public void syncFailing(MatrixException problem) {
                failures.add(problem.failure());
            }

            @Override
            public void syncRecovered() {
                recovered.incrementAndGet();
            }

            @Override
            public void caughtUp() {
                caughtUpAfter.add(handled.getLast());
            }

            @Override
            public void sessionEnded(MatrixException reason) {
                endedBecause.add(reason.failure());
                ended.countDown();
            }
        };
        assertThat(runUntilEnded(url, handled, listener, ended)).isEqualTo("s2");
        assertThat(failures).containsExactly(MatrixFailure.SERVER_ERROR, MatrixFailure.RATE_LIMITED);
        assertThat(endedBecause).containsExactly(MatrixFailure.SESSION_EXPIRED);
        assertThat(recovered.get()).isEqualTo(1);
        assertThat(handled).containsExactly("s1", "s2");
        // Once, after the first batch; not again when the loop recovers from the failures.
        assertThat(caughtUpAfter).containsExactly("s1");
        // Resumed from the stored token, and never skipped ahead after a failure.
        assertThat(seenSince).containsExactly("s0", "s1", "s1", "s1", "s2");
    }

    @Test
    void aLoopThatStartsWhileTheServerIsDownCatchesUpAtItsFirstSuccess() throws Exception {
        HomeserverUrl url = serve(List.of(
                new String[] {"502", "<html>bad gateway</html>"},
                new String[] {"200", "{\"next_batch\":\"s1\"}"},
                new String[] {"401", "{\"errcode\":\"M_UNKNOWN_TOKEN\",\"soft_logout\":false}"}),
                new ConcurrentLinkedQueue<>());
        List<String> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        SyncListener listener = new SyncListener() {
            @Override
            public void roomsChanged(List<RoomSummary> rooms) { }

            @Override
            public void syncFailing(MatrixException problem) {
                events.add("failing");
            }

            @Override
            public void caughtUp() {
                events.add("caught up after " + handled);
            }

            @Override
            public void sessionEnded(MatrixException reason) {
                ended.countDown();
            }
        };
        runUntilEnded(url, handled, listener, ended);
        assertThat(events).containsExactly("failing", "caught up after [s1]");
    }

    @Test
    void aBatchWhoseHandlerFailsIsFetchedAgain() throws Exception {
        ConcurrentLinkedQueue<String> seenSince = new ConcurrentLinkedQueue<>();
        HomeserverUrl url = serve(List.<String[]>of(new String[] {"200", "{\"next_batch\":\"s1\"}"}), seenSince);
        Session session = new Session(url, "@amt:l", "DEV", "token");
        AtomicInteger calls = new AtomicInteger();
        SyncService sync = new SyncService(new MatrixClient(url), session, "s0", (response, next) -> {
            if (calls.incrementAndGet() == 1) {
                throw new MatrixException(MatrixFailure.UNREACHABLE, "key upload failed", "test");
            }
        }, rooms -> { });
        try {
            sync.syncOnce(Duration.ZERO);
        } catch (MatrixException expected) {
            assertThat(sync.since()).isEqualTo("s0");
        }
        sync.syncOnce(Duration.ZERO);
        assertThat(sync.since()).isEqualTo("s1");
        assertThat(seenSince).containsExactly("s0", "s0");
    }
}
