package de.amtsdesk.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A real citizen peer: src-test/citizen/citizen.mjs (matrix-js-sdk + Rust crypto, as in Element) in a
 * node subprocess, driven over JSON lines. One instance = one user and one device.
 *
 * <p>Every timeline event the citizen receives is collected ({@link #events()}); wait for one with
 * {@link #awaitEvent}. The node process's stderr, plus the requests and replies (passwords redacted), go
 * to {@link #logFile()} in the reports dir, so a failed test can be read afterwards.
 */
public final class CitizenClient implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Path> LOGS_THIS_RUN = ConcurrentHashMap.newKeySet();

    private final String name;
    private final Path logFile;
    private final Process process;
    private final BufferedWriter stdin;
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    private final List<CitizenEvent> events = new ArrayList<>(); // guarded by itself; notified on add
    private final List<CitizenInvite> invites = new ArrayList<>(); // guarded by events
    private volatile Duration timeout = DEFAULT_TIMEOUT;
    private volatile String userId;
    private volatile String deviceId;
    private volatile boolean exited;

    private CitizenClient(String name, Path logFile, Process process) {
        this.name = name;
        this.logFile = logFile;
        this.process = process;
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(this::readStdout, "citizen-" + name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a citizen named {@code name} (used in logs and the log file name) from
     * {@link HarnessPaths#srcTestDir()}/citizen, logging to citizen-&lt;name&gt;.log in the reports dir.
     */
    public static CitizenClient start(String name) {
        return start(name, HarnessPaths.srcTestDir().resolve("citizen"),
                HarnessPaths.reportsDir().resolve("citizen-" + HarnessPaths.safeFileName(name) + ".log"));
    }

    /** As {@link #start(String)} with explicit locations. Runs `npm ci` first if node_modules is missing. */
    public static CitizenClient start(String name, Path citizenDir, Path logFile) {
        CitizenInstaller.ensureInstalled(citizenDir, logFile.resolveSibling("citizen-npm-ci.log"));
        try {
            Files.createDirectories(logFile.getParent());
            // Fresh per test run (JVM), appended within it: two citizens of the same name share one log.
            boolean first = LOGS_THIS_RUN.add(logFile.toAbsolutePath());
            Files.writeString(logFile, "===== citizen " + name + " started " + Instant.now() + " =====\n",
                    StandardOpenOption.CREATE, first ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            ProcessBuilder pb = new ProcessBuilder(List.of("node", "citizen.mjs"))
                    .directory(citizenDir.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            String level = System.getProperty("amtsdesk.citizen.logLevel");
            if (level != null) {
                pb.environment().put("CITIZEN_LOG_LEVEL", level);
            }
            return new CitizenClient(name, logFile, pb.start());
        } catch (IOException e) {
            throw new HarnessException("Cannot start the citizen client (node citizen.mjs in " + citizenDir + "): "
                    + e.getMessage(), e);
        }
    }

    /** Timeout for each command from now on (default {@link #DEFAULT_TIMEOUT}). */
    public CitizenClient withTimeout(Duration commandTimeout) {
        this.timeout = commandTimeout;
        return this;
    }

    public String name() {
        return name;
    }

    /** Set by {@link #login}. */
    public String userId() {
        return userId;
    }

    /** Set by {@link #login}. */
    public String deviceId() {
        return deviceId;
    }

    public Path logFile() {
        return logFile;
    }

    // ----------------------------------------------------------------------------------------------------
    // Commands

    /**
     * Logs in with a password (new device), starts the Rust crypto and syncing, and returns only once the
     * device keys and one-time keys are on the server, so peers can share room keys with this device.
     */
    public void login(String baseUrl, String userId, String password) {
        JsonNode r = call("login", JSON.createObjectNode().put("baseUrl", baseUrl).put("userId", userId).put("password", password));
        this.userId = r.path("userId").asText();
        this.deviceId = r.path("deviceId").asText();
    }

    public void login(SynapseServer server, RegisteredUser user) {
        login(server.baseUrl(), user.userId(), user.password());
    }

    /** Creates an m.megolm.v1.aes-sha2 room, inviting {@code invite}; returns the room id once joined and encrypted. */
    public String createEncryptedRoom(List<String> invite, String roomName, boolean isDirect) {
        ObjectNode args = JSON.createObjectNode().put("isDirect", isDirect);
        ArrayNode list = args.putArray("invite");
        invite.forEach(list::add);
        if (roomName != null) {
            args.put("name", roomName);
        }
        return call("createEncryptedRoom", args).path("roomId").asText();
    }

    /** Joins and returns once our sync shows the room as joined. */
    public void joinRoom(String roomId) {
        call("joinRoom", JSON.createObjectNode().put("roomId", roomId));
    }

    public void setDisplayName(String displayName) {
        call("setDisplayName", JSON.createObjectNode().put("displayName", displayName));
    }

    /** Sends m.text; refuses (fails) if the room is not encrypted. Returns the event id. */
    public String sendText(String roomId, String body) {
        return sendText(roomId, body, false);
    }

    /** Sends m.text; only with {@code allowUnencrypted} into a room without encryption (in clear, as a citizen may). */
    public String sendText(String roomId, String body, boolean allowUnencrypted) {
        return call("sendText", JSON.createObjectNode().put("roomId", roomId).put("body", body)
                .put("allowUnencrypted", allowUnencrypted)).path("eventId").asText();
    }

    /**
     * Encrypts the file as an attachment (AES-CTR, as Element does), uploads the ciphertext and sends an
     * m.file / m.image / m.video / m.audio (by mimetype) with the EncryptedFile info. Returns the event id.
     */
    public String sendFile(String roomId, Path file, String mimetype, String fileName) {
        ObjectNode args = JSON.createObjectNode().put("roomId", roomId).put("path", file.toAbsolutePath().toString())
                .put("mimetype", mimetype);
        if (fileName != null) {
            args.put("name", fileName);
        }
        return call("sendFile", args).path("eventId").asText();
    }

    /**
     * Downloads and decrypts the attachment of an event the citizen received (the ciphertext hash in the
     * event is checked), writes the plaintext to {@code destPath}; returns its SHA-256 as lowercase hex.
     */
    public String downloadFile(String roomId, String eventId, Path destPath) {
        return call("downloadFile", JSON.createObjectNode().put("roomId", roomId).put("eventId", eventId)
                .put("destPath", destPath.toAbsolutePath().toString())).path("sha256").asText();
    }

    /** Sends a public, unthreaded {@code m.read} receipt for the event (matrix-js-sdk's {@code sendReadReceipt}). */
    public void sendReadReceipt(String roomId, String eventId) {
        call("sendReadReceipt", JSON.createObjectNode().put("roomId", roomId).put("eventId", eventId));
    }

    /**
     * Answers a poll in the namespace of its start event (stable m.poll.response for m.poll.start,
     * org.matrix.msc3381.poll.response for Element's unstable polls). Returns the response's event id.
     */
    public String answerPoll(String roomId, String pollStartEventId, List<String> answerIds) {
        ObjectNode args = JSON.createObjectNode().put("roomId", roomId).put("pollStartEventId", pollStartEventId);
        ArrayNode ids = args.putArray("answerIds");
        answerIds.forEach(ids::add);
        return call("answerPoll", args).path("eventId").asText();
    }

    /** A poll start as the citizen's matrix-js-sdk parsed it ({@code PollStartEvent}): what Element would show. */
    public record ReceivedPoll(String eventType, boolean encrypted, String sender, String question,
            List<PollAnswer> answers, int maxSelections, String rawKind, boolean disclosed) {

        /** The id of the answer with this text. */
        public String idOf(String text) {
            return answers.stream().filter(a -> a.text().equals(text)).map(PollAnswer::id).findFirst()
                    .orElseThrow(() -> new HarnessException("no answer \"" + text + "\" in " + answers));
        }
    }

    public record PollAnswer(String id, String text) {}

    /**
     * Decrypts a poll start the citizen received and parses it with matrix-js-sdk's own {@code PollStartEvent};
     * fails (HarnessException) when the SDK cannot parse it or the event cannot be decrypted.
     */
    public ReceivedPoll readPoll(String roomId, String eventId) {
        JsonNode r = call("readPoll", JSON.createObjectNode().put("roomId", roomId).put("eventId", eventId));
        List<PollAnswer> answers = new ArrayList<>();
        r.path("answers").forEach(a -> answers.add(new PollAnswer(a.path("id").asText(), a.path("text").asText())));
        return new ReceivedPoll(r.path("eventType").asText(), r.path("encrypted").asBoolean(),
                r.path("sender").asText(), r.path("question").asText(), List.copyOf(answers),
                r.path("maxSelections").asInt(), r.path("rawKind").isNull() ? null : r.path("rawKind").asText(),
                r.path("disclosed").asBoolean());
    }

    /** A poll the citizen started: answer ids are "answer-1", "answer-2", … in the order given. */
    public record SentPoll(String eventId, List<String> answerIds) {}

    /** Starts a disclosed single-choice poll; {@code stable} picks m.poll.start over Element's org.matrix.msc3381.poll.start. */
    public SentPoll sendPoll(String roomId, String question, List<String> answers, boolean stable) {
        ObjectNode args = JSON.createObjectNode().put("roomId", roomId).put("question", question).put("stable", stable);
        ArrayNode list = args.putArray("answers");
        answers.forEach(list::add);
        JsonNode r = call("sendPoll", args);
        List<String> ids = new ArrayList<>();
        r.path("answerIds").forEach(n -> ids.add(n.asText()));
        return new SentPoll(r.path("eventId").asText(), List.copyOf(ids));
    }

    /**
     * Sends any command of citizen.mjs (for commands without a typed method yet). Returns the reply;
     * throws {@link HarnessException} when the citizen reports an error or does not answer in time.
     */
    public JsonNode call(String cmd, ObjectNode args) {
        long id = nextId.incrementAndGet();
        ObjectNode request = JSON.createObjectNode().put("id", id).put("cmd", cmd);
        request.setAll(args);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            if (exited) {
                throw new HarnessException(prefix() + "cannot send '" + cmd + "': the node process has exited" + logTail());
            }
            synchronized (stdin) {
                stdin.write(request.toString());
                stdin.newLine();
                stdin.flush();
            }
            log("> " + redacted(request));
            JsonNode r = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!r.path("ok").asBoolean()) {
                throw new HarnessException(prefix() + cmd + " failed: " + r.path("error").asText("(no error text)"));
            }
            return r;
        } catch (IOException e) {
            throw new HarnessException(prefix() + "cannot send '" + cmd + "' to the node process: " + e + logTail(), e);
        } catch (TimeoutException e) {
            throw new HarnessException(prefix() + cmd + " did not answer within " + timeout.toSeconds() + " s" + logTail(), e);
        } catch (ExecutionException e) {
            throw new HarnessException(prefix() + cmd + ": " + e.getCause().getMessage() + logTail(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException(prefix() + "interrupted during " + cmd, e);
        } finally {
            pending.remove(id);
        }
    }

    // ----------------------------------------------------------------------------------------------------
    // Received events

    /** A snapshot of all timeline events received so far, in arrival order. */
    public List<CitizenEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** A snapshot of all invites received so far. */
    public List<CitizenInvite> invites() {
        synchronized (events) {
            return List.copyOf(invites);
        }
    }

    /** The first event (already received or arriving within {@code within}) that matches. */
    public CitizenEvent awaitEvent(Predicate<CitizenEvent> match, Duration within) {
        return awaitEvent("a matching event", match, within);
    }

    /**
     * As {@link #awaitEvent(Predicate, Duration)}; {@code description} says what was awaited in the
     * failure, which also lists every event received, so the test log shows what went wrong.
     */
    public CitizenEvent awaitEvent(String description, Predicate<CitizenEvent> match, Duration within) {
        CitizenEvent found = await(events, match, within);
        if (found != null) {
            return found;
        }
        List<CitizenEvent> seen = events();
        StringBuilder msg = new StringBuilder(prefix()).append("no ").append(description).append(" within ")
                .append(within.toSeconds()).append(" s").append(exited ? " (the node process has exited)" : "")
                .append("; received ").append(seen.size()).append(" event(s):");
        seen.forEach(e -> msg.append("\n  - ").append(e.summary()));
        throw new AssertionError(msg.append(logTail()));
    }

    /** Waits for an invite to {@code roomId}. */
    public CitizenInvite awaitInvite(String roomId, Duration within) {
        CitizenInvite found = await(invites, i -> i.roomId().equals(roomId), within);
        if (found == null) {
            throw new AssertionError(prefix() + "no invite to " + roomId + " within " + within.toSeconds()
                    + " s; invites received: " + invites() + logTail());
        }
        return found;
    }

    private <T> T await(List<T> list, Predicate<T> match, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (events) { // one monitor for both lists
            int checked = 0;
            while (true) {
                for (; checked < list.size(); checked++) {
                    if (match.test(list.get(checked))) {
                        return list.get(checked);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || exited) {
                    return null;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(events, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------
    // Process plumbing

    private void readStdout() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                dispatch(line);
            }
        } catch (IOException e) {
            log("stdout reader stopped: " + e);
        } finally {
            exited = true;
            String why = "the node process exited" + exitCode();
            pending.values().forEach(f -> f.completeExceptionally(new HarnessException(why)));
            synchronized (events) {
                events.notifyAll();
            }
        }
    }

    private void dispatch(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            log("(not protocol, ignored) " + line); // something wrote to stdout that should not
            return;
        }
        JsonNode id = n.get("id");
        if (id != null && !id.isNull()) {
            log("< " + line);
            CompletableFuture<JsonNode> f = pending.get(id.asLong());
            if (f != null) {
                f.complete(n);
            }
            return;
        }
        switch (n.path("type").asText()) {
            case "event" -> {
                CitizenEvent e = CitizenEvent.fromJson(n);
                log("< event " + e.summary());
                synchronized (events) {
                    events.add(e);
                    events.notifyAll();
                }
            }
            case "invite" -> {
                log("< " + line);
                synchronized (events) {
                    invites.add(new CitizenInvite(n.path("roomId").asText(), n.path("inviter").isNull() ? null : n.path("inviter").asText()));
                    events.notifyAll();
                }
            }
            default -> log("< (unexpected) " + line);
        }
    }

    /** Sends "stop", closes stdin (citizen.mjs exits on EOF), then stops the process tree if it lingers. */
    @Override
    public void close() {
        if (!exited) {
            try {
                long id = nextId.incrementAndGet();
                synchronized (stdin) {
                    stdin.write("{\"id\":" + id + ",\"cmd\":\"stop\"}");
                    stdin.newLine();
                    stdin.flush();
                }
            } catch (IOException ignored) {
                // already gone
            }
        }
        try {
            synchronized (stdin) {
                stdin.close();
            }
        } catch (IOException ignored) {
            // already gone
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessTree.stop(process, Duration.ofSeconds(5));
        log("closed" + exitCode());
    }

    private String exitCode() {
        return process.isAlive() ? "" : " (exit code " + process.exitValue() + ")";
    }

    private String prefix() {
        return "citizen " + name + (userId == null ? "" : " (" + userId + ")") + ": ";
    }

    private String logTail() {
        return FileTail.section("citizen " + name + " log", logFile, 25);
    }

    /** Passwords and tokens never reach the log. */
    private static String redacted(ObjectNode request) {
        ObjectNode copy = request.deepCopy();
        for (String secret : List.of("password", "accessToken")) {
            if (copy.has(secret)) {
                copy.put(secret, "***");
            }
        }
        return copy.toString();
    }

    private void log(String line) {
        try {
            Files.writeString(logFile, "[java " + Instant.now() + "] " + line + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // logging must never break a test
        }
    }

    @Override
    public String toString() {
        return "CitizenClient[" + name + (userId == null ? "" : ", " + userId + "/" + deviceId) + "]";
    }
}
