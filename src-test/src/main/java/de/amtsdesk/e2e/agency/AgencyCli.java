package de.amtsdesk.e2e.agency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.core.conversation.Attachment;
import de.amtsdesk.core.conversation.PollTally;
import de.amtsdesk.core.conversation.TimelineEntry;
import de.amtsdesk.core.engine.AgencyEngine;
import de.amtsdesk.core.engine.Workstation;
import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.RoomSummary;
import de.amtsdesk.core.matrix.Session;
import de.amtsdesk.core.matrix.SyncListener;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A headless agency workstation as its own process, for end-to-end tests that must stop, kill and restart the
 * client: the real core (engine, encrypted store, crypto-native) without the window. One command per run; the
 * result is one JSON line on stdout. Passphrase and password come from AGENCY_PASSPHRASE / AGENCY_PASSWORD.
 */
public final class AgencyCli {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Marks result lines, so log output on stdout (if any) cannot be mistaken for them. */
    static final String RESULT = "AGENCY_RESULT ";
    private static final SyncListener QUIET = rooms -> { };

    private final Map<String, String> options;

    private AgencyCli(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        try {
            ObjectNode result = new AgencyCli(options).run(args[0]);
            System.out.println(RESULT + result.put("ok", true));
            System.out.flush();
            System.exit(0);
        } catch (Exception | Error e) {
            System.out.println(RESULT + JSON.createObjectNode().put("ok", false).put("error", e.toString()));
            e.printStackTrace();
            System.exit(1);
        }
    }

    private String option(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    private Workstation workstation() throws Exception {
        Path dataDir = Path.of(option("data-dir"));
        char[] passphrase = System.getenv("AGENCY_PASSPHRASE").toCharArray();
        return Workstation.exists(dataDir) ? Workstation.unlock(dataDir, passphrase)
                : Workstation.create(dataDir, passphrase);
    }

    private ObjectNode run(String command) throws Exception {
        try (Workstation ws = workstation()) {
            ObjectNode out = JSON.createObjectNode();
            if (command.equals("login")) {
                Session session = ws.login(HomeserverUrl.parse(option("homeserver")), option("user"),
                        System.getenv("AGENCY_PASSWORD"));
                AgencyEngine engine = ws.engine(session, QUIET, true);
                engine.syncOnce(Duration.ZERO);
                engine.syncOnce(Duration.ZERO);
                return out.put("deviceId", session.deviceId()).put("userId", session.userId())
                        .put("accessToken", session.accessToken());
            }
            Session session = ws.storedSession().orElseThrow(() -> new IllegalStateException("not logged in"));
            out.put("deviceId", session.deviceId());
            if (command.equals("timeline") && options.containsKey("offline")) {
                // Straight from the encrypted store, no network: what a restarted app shows at once.
                AgencyEngine engine = ws.engine(session, QUIET, true);
                return out.set("entries", entries(engine.timeline(option("room"))));
            }
            if (command.equals("initial-sync")) {
                return initialSync(ws, session, out);
            }
            AgencyEngine engine = ws.engine(session, QUIET, true);
            switch (command) {
                case "sync" -> syncUntil(engine, timelineHas(engine, option("room"), option("until-text")));
                case "timeline" -> {
                    engine.syncOnce(Duration.ZERO);
                    if (options.containsKey("until-decrypted")) {
                        syncUntil(engine, () -> engine.timeline(option("room"), Integer.MAX_VALUE).stream()
                                .noneMatch(e -> e.kind() == TimelineEntry.Kind.UNDECRYPTABLE));
                    }
                    out.set("entries", entries(options.containsKey("all")
                            ? engine.timeline(option("room"), Integer.MAX_VALUE) : engine.timeline(option("room"))));
                }
                case "load-older" -> {
                    engine.syncOnce(Duration.ZERO);
                    int pages = Integer.parseInt(options.getOrDefault("pages", "1"));
                    int added = 0;
                    for (int i = 0; i < pages; i++) {
                        added += engine.loadOlder(option("room"));
                    }
                    out.put("added", added);
                    out.set("entries", entries(engine.timeline(option("room"), Integer.MAX_VALUE)));
                }
                case "leave" -> {
                    engine.syncOnce(Duration.ZERO);
                    engine.client().leaveRoom(session, option("room"));
                    engine.syncOnce(Duration.ZERO);
                }
                case "damage-directory" -> {
                    // A damaged room-directory snapshot (what a torn write or a bug could leave): the engine must
                    // still never send in clear into a room it knew to be encrypted.
                    String since = ws.database().syncState().since().orElseThrow();
                    ws.database().syncState().save(since, "{\"!broken\": [}");
                }
                case "backup-status" -> {
                    var status = engine.keyBackupStatus();
                    out.put("serverVersion", status.serverVersion().orElse(null))
                            .put("localVersion", status.localVersion().orElse(null))
                            .put("totalKeys", status.totalKeys()).put("backedUpKeys", status.backedUpKeys());
                }
                case "backup-replace" -> {
                    engine.syncOnce(Duration.ZERO);
                    out.put("recoveryKey", engine.replaceKeyBackup(option("confirm-version")));
                }
                case "first-screen" -> {
                    // No sync first: what a workstation shows from one sliding sync request (ADR 0021).
                    long t0 = System.nanoTime();
                    var shown = engine.showFirstScreenful(Integer.parseInt(options.getOrDefault("count", "40")));
                    out.put("ms", millis(System.nanoTime() - t0));
                    ArrayNode rooms = out.putArray("rooms");
                    shown.forEach(r -> rooms.addObject().put("roomId", r.roomId()).put("name", r.displayName())
                            .put("encrypted", r.encrypted())
                            .put("joined", r.membership() == RoomSummary.Membership.JOINED));
                }
                case "rooms" -> {
                    engine.syncOnce(Duration.ZERO);
                    ArrayNode rooms = out.putArray("rooms");
                    engine.directory().summaries().forEach(r -> rooms.addObject().put("roomId", r.roomId())
                            .put("name", r.displayName()).put("joined", r.membership() == RoomSummary.Membership.JOINED));
                }
                case "send-text" -> {
                    int count = Integer.parseInt(options.getOrDefault("count", "1"));
                    if (options.containsKey("spread-ms")) {
                        // As a caseworker types: the outbox loop runs first, messages arrive one by one while it
                        // may be backing off from a dead server.
                        System.out.println(RESULT + out.put("ok", true));
                        System.out.flush();
                        engine.start();
                        for (int i = 1; i <= count; i++) {
                            engine.sendText(option("room"), option("text") + " " + i);
                            Thread.sleep(Long.parseLong(option("spread-ms")));
                        }
                        Thread.sleep(Duration.ofMinutes(10));
                    }
                    for (int i = 1; i <= count; i++) {
                        String body = count == 1 ? option("text") : option("text") + " " + i;
                        engine.sendText(option("room"), body);
                    }
                    out.put("queued", count);
                    if (options.containsKey("then-hang")) {
                        // Keep trying in the background until the test kills this process.
                        System.out.println(RESULT + out.put("ok", true));
                        System.out.flush();
                        engine.start();
                        Thread.sleep(Duration.ofMinutes(10));
                    }
                    if (options.containsKey("once")) {
                        // One outbox pass, no waiting for an empty outbox: for messages that must end up refused.
                        engine.syncOnce(Duration.ZERO);
                        engine.sendPendingNow();
                        out.set("entries", entries(engine.timeline(option("room"))));
                        return out;
                    }
                    drain(engine);
                }
                case "drain" -> drain(engine);
                case "soak-send" -> soakSend(engine);
                case "outbox" -> {
                    ArrayNode items = out.putArray("items");
                    ws.database().outbox().unsent(option("room")).forEach(m -> items.addObject()
                            .put("txnId", m.txnId()).put("state", m.state().name()).put("attempts", m.attempts())
                            .put("error", m.lastError()));
                }
                case "send-file" -> {
                    engine.syncOnce(Duration.ZERO);
                    out.put("txnId", engine.sendFile(option("room"), Path.of(option("path"))));
                    drain(engine);
                }
                case "send-poll" -> {
                    engine.syncOnce(Duration.ZERO);
                    out.put("txnId", engine.sendPoll(option("room"), option("question"),
                            List.of(option("answers").split("\\|"))));
                    drain(engine);
                    engine.syncOnce(Duration.ZERO);
                    out.put("eventId", engine.timeline(option("room")).stream()
                            .filter(e -> e.kind() == TimelineEntry.Kind.POLL_START).reduce((a, b) -> b)
                            .map(TimelineEntry::id).orElse(null));
                }
                case "poll-result" -> {
                    String pollId = option("event");
                    int expected = Integer.parseInt(options.getOrDefault("until-voters", "0"));
                    syncUntil(engine, () -> engine.pollResult(option("room"), pollId).voters() >= expected);
                    PollTally.Result result = engine.pollResult(option("room"), pollId);
                    ObjectNode counts = out.putObject("counts");
                    result.countsByAnswerId().forEach(counts::put);
                    out.put("voters", result.voters());
                }
                case "save-file" -> {
                    syncUntil(engine, () -> find(engine, option("room"), option("event")) != null);
                    Attachment attachment = find(engine, option("room"), option("event")).attachment();
                    out.put("sha256", engine.saveAttachment(attachment, Path.of(option("target"))));
                }
                case "backup-setup" -> {
                    engine.syncOnce(Duration.ZERO);
                    try {
                        out.put("recoveryKey", engine.setUpKeyBackup());
                    } catch (de.amtsdesk.core.engine.KeyBackupExistsException e) {
                        out.put("refused", "exists").put("existingVersion", e.version());
                    }
                }
                case "backup-restore" -> {
                    engine.syncOnce(Duration.ZERO);
                    out.put("imported", engine.restoreKeyBackup(System.getenv("AGENCY_RECOVERY_KEY")));
                }
                default -> throw new IllegalArgumentException("unknown command " + command);
            }
            return out;
        }
    }

    /**
     * For bench/run-initial-sync.sh: with {@code --fresh}, forgets the stored sync token and room directory first, so
     * the next sync is an initial one (no since token; the crypto store and its keys stay). Then syncs until every one
     * of {@code --expect-rooms} joined rooms is known and nothing in the store is left undecryptable, and counts the
     * decrypted m.room.message events, which must be {@code --expect-messages}. Times each part on its own: opening
     * the engine (crypto store), the sync round trips with all their processing (HTTP, JSON, to-device and room
     * decryption, the encrypted store), and the progress checks between syncs, which are the harness's, not the app's;
     * plus the process's CPU time over the syncing (all threads), which a busy machine distorts less than wall time.
     */
    private ObjectNode initialSync(Workstation ws, Session session, ObjectNode out) throws Exception {
        int expectRooms = Integer.parseInt(option("expect-rooms"));
        int expectMessages = Integer.parseInt(option("expect-messages"));
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(options.getOrDefault("timeout", "600")));
        if (options.containsKey("fresh")) {
            ws.database().syncState().clear();
        }
        long openStart = System.nanoTime();
        AgencyEngine engine = ws.engine(session, QUIET, true);
        long openNanos = System.nanoTime() - openStart;
        long syncNanos = 0;
        long checkNanos = 0;
        long firstSyncNanos = -1;
        int syncs = 0;
        int transientFailures = 0;
        ArrayNode trace = JSON.createArrayNode();
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        // As the app does on a workstation that never synced: the newest rooms from one sliding sync request, in
        // parallel with the first /sync (AgencyEngine.start); timed to its answer.
        java.util.concurrent.CompletableFuture<long[]> firstScreen = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    int shown = engine.showFirstScreenful(AgencyEngine.FIRST_SCREEN_ROOMS).size();
                    return new long[] {shown, System.nanoTime() - start};
                });
        while (true) {
            long syncStart = System.nanoTime();
            try {
                engine.syncOnce(Duration.ZERO);
                syncs++;
            } catch (MatrixException e) {
                if (!e.isTransient() || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                transientFailures++; // counted in the time: the app would retry too (after a back-off)
            }
            syncNanos += System.nanoTime() - syncStart;
            if (firstSyncNanos < 0 && syncs > 0) {
                firstSyncNanos = System.nanoTime() - start;
            }
            long checkStart = System.nanoTime();
            int joined = joinedRooms(engine).size();
            int waiting = joined >= expectRooms ? ws.database().events().undecryptable(null).size() : -1;
            boolean done = joined >= expectRooms && waiting == 0;
            checkNanos += System.nanoTime() - checkStart;
            trace.addObject().put("ms", millis(System.nanoTime() - syncStart)).put("joinedRooms", joined)
                    .put("undecryptable", waiting);
            if (done) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not all rooms and messages after " + syncs + " syncs");
            }
        }
        long wallNanos = System.nanoTime() - start;
        long cpuNanos = cpuNanos() - cpuStart;
        int decrypted = 0;
        int undecryptable = 0;
        for (String roomId : joinedRooms(engine)) {
            for (de.amtsdesk.core.store.StoredEvent e : ws.database().events().timeline(roomId, 10_000)) {
                if (e.decryptionStatus() == de.amtsdesk.core.store.DecryptionStatus.DECRYPTED
                        && "m.room.message".equals(e.eventType())) {
                    decrypted++;
                } else if (e.decryptionStatus() == de.amtsdesk.core.store.DecryptionStatus.UNABLE_TO_DECRYPT) {
                    undecryptable++;
                }
            }
        }
        if (decrypted != expectMessages || undecryptable != 0) {
            throw new IllegalStateException("expected " + expectMessages + " decrypted messages, the store holds "
                    + decrypted + " (" + undecryptable + " undecryptable)");
        }
        return out.put("engineOpenMs", millis(openNanos)).put("syncMs", millis(syncNanos))
                .put("firstSyncMs", millis(firstSyncNanos)).put("checkMs", millis(checkNanos))
                .put("wallMs", millis(wallNanos)).put("cpuMs", millis(cpuNanos)).put("syncs", syncs).put("transientFailures", transientFailures)
                .put("rooms", joinedRooms(engine).size()).put("decrypted", decrypted)
                .put("firstScreenRooms", firstScreen.get()[0])
                .put("firstScreenMs", firstScreen.get()[0] > 0 ? millis(firstScreen.get()[1]) : millis(firstSyncNanos))
                .put("rssKb", residentKb("VmRSS")).put("peakRssKb", residentKb("VmHWM")).set("trace", trace);
    }

    /** This process's resident memory from /proc (Linux), in kB; -1 where there is no /proc. */
    private static long residentKb(String field) {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith(field + ":"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private static List<String> joinedRooms(AgencyEngine engine) {
        return engine.directory().summaries().stream()
                .filter(r -> r.membership() == RoomSummary.Membership.JOINED).map(RoomSummary::roomId).toList();
    }

    /** CPU time of this whole process so far (all threads: JIT compilers and GC included), -1 if unknown. */
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    private static long millis(long nanos) {
        return java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static TimelineEntry find(AgencyEngine engine, String roomId, String eventId) {
        return engine.timeline(roomId).stream().filter(e -> e.id().equals(eventId)).findFirst().orElse(null);
    }

    private static java.util.function.BooleanSupplier timelineHas(AgencyEngine engine, String roomId, String text) {
        Predicate<TimelineEntry> match = e -> text.equals(e.body());
        return () -> engine.timeline(roomId).stream().anyMatch(match);
    }

    private void syncUntil(AgencyEngine engine, java.util.function.BooleanSupplier done) throws MatrixException {
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(options.getOrDefault("timeout", "60")));
        engine.syncOnce(Duration.ZERO);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("condition not met before the deadline");
            }
            engine.syncOnce(Duration.ofSeconds(2));
        }
    }

    /**
     * For bench/run-soak.sh: the workstation as it runs in the office (sync and outbox loops), queueing
     * {@code --count} messages "{@code --text} i" once per profile (a marker file records that all are queued, so a
     * restart after kill -9 queues nothing twice), then running until it is killed. Prints SOAK_QUEUED once all are in
     * the outbox, and SOAK_DRAINED whenever the outbox is empty.
     */
    private void soakSend(AgencyEngine engine) throws Exception {
        Path marker = Path.of(option("data-dir")).resolveSibling(Path.of(option("data-dir")).getFileName() + ".queued");
        System.out.println(RESULT + JSON.createObjectNode().put("ok", true).put("resumed", java.nio.file.Files.exists(marker)));
        System.out.flush();
        engine.start();
        if (!java.nio.file.Files.exists(marker)) {
            int count = Integer.parseInt(option("count"));
            long pace = Long.parseLong(options.getOrDefault("pace-ms", "0"));
            for (int i = 1; i <= count; i++) {
                engine.sendText(option("room"), option("text") + " " + i);
                if (pace > 0) {
                    Thread.sleep(pace);
                }
            }
            java.nio.file.Files.writeString(marker, Integer.toString(count));
        }
        System.out.println("SOAK_QUEUED");
        System.out.flush();
        boolean reported = false;
        while (true) {
            boolean empty = engine.unsentCount() == 0;
            if (empty && !reported) {
                System.out.println("SOAK_DRAINED");
                System.out.flush();
            }
            reported = empty;
            Thread.sleep(500);
        }
    }

    /** Sends until nothing is left in the outbox, syncing in between so new room members get keys. */
    private void drain(AgencyEngine engine) throws Exception {
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(options.getOrDefault("timeout", "60")));
        while (true) {
            try {
                engine.syncOnce(Duration.ZERO);
                engine.sendPendingNow();
                if (engine.unsentCount() == 0) {
                    return;
                }
            } catch (MatrixException e) {
                if (!e.isTransient() || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(500);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("outbox not empty before the deadline");
            }
        }
    }

    private static ArrayNode entries(List<TimelineEntry> timeline) {
        ArrayNode array = JSON.createArrayNode();
        for (TimelineEntry e : timeline) {
            ObjectNode node = array.addObject().put("id", e.id()).put("sender", e.sender())
                    .put("kind", e.kind().name()).put("body", e.body())
                    .put("state", e.sendState() == null ? null : e.sendState().name()).put("problem", e.problem());
            if (e.attachment() != null) {
                node.put("file", e.attachment().name());
            }
        }
        return array;
    }
}
