package de.amtsdesk.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one session in step with the homeserver: long-polls {@code /sync} from the stored token, hands each response
 * to the {@link SyncHandler}, backs off with jitter on trouble (honouring {@code retry_after_ms}) and stops when the
 * server no longer accepts the token (soft or hard logout), leaving it to the listener to tell the two apart.
 */
public final class SyncService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    private static final Duration LONG_POLL = Duration.ofSeconds(30);
    private static final String FILTER =
            "{\"room\":{\"timeline\":{\"limit\":50},\"state\":{\"lazy_load_members\":false}}}";

    /** Synapse's cap on to-device events per sync response: a page this full may have more behind it. */
    static final int FULL_TO_DEVICE_PAGE = 100;
    /** Bounds one drain (10,000 to-device events), so a flood cannot hold the timelines back for long. */
    public static final int MAX_DRAIN_PAGES = 100;

    private final MatrixClient client;
    private final Session session;
    private final SyncHandler handler;
    private final SyncListener listener;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2), new Random());
    private volatile String since;
    private volatile boolean running;
    private final java.util.concurrent.Semaphore wake = new java.util.concurrent.Semaphore(0);
    private Thread thread;

    public SyncService(MatrixClient client, Session session, String since, SyncHandler handler,
            SyncListener listener) {
        this.client = client;
        this.session = session;
        this.since = since;
        this.handler = handler;
        this.listener = listener;
    }

    /**
     * One round trip, or a few when to-device events queue up: a response with a full page of them (Synapse hands
     * out at most {@value #FULL_TO_DEVICE_PAGE} per sync) is followed at once by the next (timeout 0), each
     * response's to-device events going to the handler before the next request, because the server deletes them
     * once a later token is used. Then each response is handled in order; a failure there keeps the token of the
     * last response handled, so the rest comes again. The loop is built from this, and tests use it directly.
     */
    public void syncOnce(Duration timeout) throws MatrixException {
        List<Page> pages = new ArrayList<>();
        String from = since;
        Duration wait = timeout;
        while (true) {
            JsonNode response = client.sync(session, from, wait, FILTER);
            String next = response.path("next_batch").asText(null);
            if (next == null) {
                throw new MatrixException(MatrixFailure.MALFORMED_RESPONSE, "sync answer lacks next_batch",
                        client.homeserver().toString());
            }
            handler.takeToDevice(response, next);
            pages.add(new Page(response, next));
            if (pages.size() >= MAX_DRAIN_PAGES
                    || response.path("to_device").path("events").size() < FULL_TO_DEVICE_PAGE) {
                break;
            }
            from = next;
            wait = Duration.ZERO;
        }
        if (pages.size() > 1) {
            LOG.info("drained {} pages of to-device events before decrypting timelines", pages.size());
        }
        for (Page page : pages) {
            handler.handle(page.response(), page.nextBatch());
            since = page.nextBatch();
        }
    }

    private record Page(JsonNode response, String nextBatch) { }

    public String since() {
        return since;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        // A platform thread: each batch runs native crypto calls, which would pin a virtual thread's carrier.
        thread = Thread.ofPlatform().daemon().name("sync-" + session.userId()).start(this::loop);
    }

    private void loop() {
        boolean failing = false;
        boolean caughtUp = false;
        Duration timeout = Duration.ZERO;
        while (running) {
            try {
                syncOnce(timeout);
                timeout = LONG_POLL;
                backoff.reset();
                if (!caughtUp) {
                    caughtUp = true;
                    listener.caughtUp();
                }
                if (failing) {
                    failing = false;
                    listener.syncRecovered();
                }
            } catch (MatrixException e) {
                if (!running) {
                    return;
                }
                if (e.endsSession()) {
                    running = false;
                    listener.sessionEnded(e);
                    return;
                }
                failing = true;
                listener.syncFailing(e);
                Duration wait = backoff.next(e);
                LOG.warn("sync failed ({}), retrying in {} ms", e.failure(), wait.toMillis());
                if (!sleep(wait)) {
                    return;
                }
            } catch (RuntimeException e) {
                // A bug or a malformed answer in one batch must not stop the loop for good.
                LOG.error("unexpected error while processing sync", e);
                if (!sleep(backoff.next(null))) {
                    return;
                }
            }
        }
    }

    /** Ends a back-off wait at once (the caseworker's "retry now"). */
    public void retryNow() {
        wake.release();
    }

    private boolean sleep(Duration wait) {
        try {
            wake.drainPermits();
            if (wake.tryAcquire(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                LOG.info("sync back-off ended early on request");
            }
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
