package de.amtsdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.e2e.agency.AgencyCli;
import de.amtsdesk.e2e.harness.CitizenClient;
import de.amtsdesk.e2e.harness.CitizenRoomsOnServer;
import de.amtsdesk.e2e.harness.HarnessPaths;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Initial sync + decryption of many encrypted rooms from a real Synapse: Amtsdesk's core against matrix-js-sdk
 * (Rust crypto, as in Element Web) on the same account, in the same run. Results go to
 * bench/results/initial-sync.txt; the method is written into that file as well.
 *
 * <p>Set-up: one Synapse; the agency account gets, for each round, two fresh devices before any message exists: an
 * Amtsdesk workstation profile ({@link AgencyCli} {@code login}, which syncs twice while there are no rooms and uploads
 * its keys) and a matrix-js-sdk device ({@code citizen.mjs loginKeysOnly}: keys uploaded, never synced). Citizens
 * create the rooms (inviting the agency), the agency joins them through the API with its registration token (a
 * device without keys, so nobody shares keys with it), and the citizens send the messages. Every measured device
 * thus finds its room keys waiting on the server as to-device messages and knows no timeline.
 *
 * <p>Measurement, per round and client: an initial sync (no since token) and decryption until all messages are
 * readable. Amtsdesk: a fresh JVM on the round's profile ({@code AgencyCli initial-sync --fresh}: the stored since
 * token and room directory are dropped, the crypto store stays), timing the sync round trips. matrix-js-sdk:
 * {@code measureInitialSync} in the device's node process, timing startClient until the last message decrypted.
 * Before each measurement, the registration device does the same initial sync as plain HTTP, so Synapse's caches
 * are equally warm for both, and its time is reported as the server's share. The order alternates between rounds.
 *
 * <p>Options: {@code --rooms=200 --messages=20 --citizens=4 --rounds=3 --out=bench/results/initial-sync.txt
 * --work=DIR --keep --amtsdesk-jvm=ARG} (an extra JVM option for the measured Amtsdesk process, repeatable).
 */
public final class InitialSyncBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What Amtsdesk's SyncService asks for; the raw baseline sync asks the same. */
    private static final String AMTSDESK_FILTER =
            "{\"room\":{\"timeline\":{\"limit\":50},\"state\":{\"lazy_load_members\":false}}}";
    private static final Duration MEASURE_TIMEOUT = Duration.ofMinutes(10);
    /** Synapse's default caches.sync_response_cache_duration. */
    private static final Duration SYNC_RESPONSE_CACHE = Duration.ofMinutes(2);
    /** Extra JVM options for the measured Amtsdesk process (e.g. a flight recording); {@code --amtsdesk-jvm=}. */
    private static final List<String> AMTSDESK_JVM_ARGS = new ArrayList<>();

    /** Whether a third device per round runs with a JDK 25 AOT cache trained on a sync ({@code --no-aot}: not). */
    private static boolean aot = true;
    private final int rooms;
    private final int messages;
    private final int citizenCount;
    private final int rounds;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final long benchStart = System.nanoTime();
    private final AtomicInteger rawSyncs = new AtomicInteger();

    private InitialSyncBench(int rooms, int messages, int citizenCount, int rounds, Path work) {
        this.rooms = rooms;
        this.messages = messages;
        this.citizenCount = citizenCount;
        this.rounds = rounds;
        this.work = work;
    }

    record AmtsdeskRun(long syncMs, long cpuMs, long wallMs, long firstSyncMs, long checkMs, long engineOpenMs,
            long processMs, int syncs, int transientFailures, String perSync, long rssKb, long peakRssKb,
            long firstScreenMs, int firstScreenRooms) { }

    record JsRun(long ms, long cpuMs, long firstSyncMs, int syncs, int lateKeyRetries) { }

    record RawSync(long ms, long bytes) { }

    /** {@code aot}: the same Amtsdesk run with the JDK 25 AOT cache trained on a sync ({@code null} without). */
    record Round(int number, String order, RawSync rawBeforeAmtsdesk, AmtsdeskRun amtsdesk, RawSync rawBeforeJs,
            JsRun js, String loadAverage, AmtsdeskRun aot) {
        double ratio() {
            return (double) js.ms() / amtsdesk.syncMs();
        }
    }

    public static void main(String[] args) throws Exception {
        int rooms = 200;
        int messages = 20;
        int citizens = 4;
        int rounds = 3;
        boolean keep = false;
        Path results = Path.of("bench/results/initial-sync.txt");
        Path work = null;
        for (String arg : args) {
            if (arg.startsWith("--rooms=")) {
                rooms = Integer.parseInt(arg.substring(8));
            } else if (arg.startsWith("--messages=")) {
                messages = Integer.parseInt(arg.substring(11));
            } else if (arg.startsWith("--citizens=")) {
                citizens = Integer.parseInt(arg.substring(11));
            } else if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(arg.substring(9));
            } else if (arg.startsWith("--out=")) {
                results = Path.of(arg.substring(6));
            } else if (arg.startsWith("--work=")) {
                work = Path.of(arg.substring(7));
            } else if (arg.startsWith("--amtsdesk-jvm=")) {
                AMTSDESK_JVM_ARGS.add(arg.substring(15));
            } else if (arg.equals("--no-aot")) {
                aot = false;
            } else if (arg.equals("--keep")) {
                keep = true;
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (work == null) {
            work = Path.of("bench/target/initial-sync-" + System.currentTimeMillis());
        }
        work = Files.createDirectories(work).toAbsolutePath();
        // The harness finds citizen.mjs and Synapse's requirements in src-test; its logs go to the work dir.
        System.setProperty(HarnessPaths.SRC_TEST_DIR_PROPERTY, Path.of("src-test").toAbsolutePath().toString());
        System.setProperty(HarnessPaths.REPORTS_DIR_PROPERTY, work.resolve("logs").toString());
        InitialSyncBench bench = new InitialSyncBench(rooms, messages, citizens, rounds, work);
        try {
            String report = bench.run();
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, report);
            System.out.print(report);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.out.println("FAILED; work directory kept for the logs: " + work);
            System.exit(1);
        }
        if (keep) {
            System.out.println("work directory kept: " + work);
        } else {
            deleteRecursively(work);
        }
        System.exit(0); // nothing may linger (Synapse and node are stopped by now)
    }

    private String run() throws Exception {
        List<CitizenClient> started = Collections.synchronizedList(new ArrayList<>());
        try (SynapseServer synapse = SynapseServer.start(work.resolve("synapse"))) {
            try {
                return run(synapse, started);
            } finally {
                // Before Synapse stops (try-with-resources closes it first otherwise).
                for (CitizenClient c : new ArrayList<>(started)) {
                    try {
                        c.close();
                    } catch (RuntimeException e) {
                        System.err.println("closing " + c + ": " + e);
                    }
                }
            }
        }
    }

    private String run(SynapseServer synapse, List<CitizenClient> started) throws Exception {
        {
            progress("Synapse up at %s (started in %d ms)", synapse.baseUrl(), synapse.lastStartDuration().toMillis());
            String agencyPassword = "bench-agency-" + Long.toHexString(System.nanoTime());
            RegisteredUser agency = synapse.registerUser("amt", agencyPassword, "Bürgeramt", false);

            // 1. Both measured devices of every round, keys uploaded, before any room or message exists.
            List<Path> profiles = new ArrayList<>();
            List<Instant> amtsdeskLogins = new ArrayList<>();
            List<CitizenClient> jsDevices = new ArrayList<>();
            // With --aot: one more device trains the AOT cache on a whole initial sync (never measured), and each
            // round measures a third device that runs with that cache.
            List<Path> aotProfiles = new ArrayList<>();
            List<Instant> aotLogins = new ArrayList<>();
            Path trainProfile = work.resolve("amtsdesk-aot-training");
            Instant trainLogin = Instant.now();
            if (aot) {
                agencyCli(trainProfile, agencyPassword, List.of(), "login", "--homeserver", synapse.baseUrl(),
                        "--user", agency.localpart());
                for (int k = 1; k <= rounds; k++) {
                    Path profile = work.resolve("amtsdesk-aot-" + k);
                    agencyCli(profile, agencyPassword, List.of(), "login", "--homeserver", synapse.baseUrl(),
                            "--user", agency.localpart());
                    aotProfiles.add(profile);
                    aotLogins.add(Instant.now());
                }
            }
            for (int k = 1; k <= rounds; k++) {
                Path profile = work.resolve("amtsdesk-" + k);
                JsonNode login = agencyCli(profile, agencyPassword, List.of(), "login", "--homeserver", synapse.baseUrl(),
                        "--user", agency.localpart()).result();
                profiles.add(profile);
                amtsdeskLogins.add(Instant.now());
                CitizenClient js = CitizenClient.start("agency-js-" + k).withTimeout(Duration.ofMinutes(2));
                started.add(js);
                JsonNode jsLogin = js.call("loginKeysOnly", JSON.createObjectNode().put("baseUrl", synapse.baseUrl())
                        .put("userId", agency.userId()).put("password", agencyPassword)
                        .put("deviceName", "matrix-js-sdk bench " + k));
                jsDevices.add(js);
                progress("round %d devices: Amtsdesk %s, matrix-js-sdk %s", k, login.path("deviceId").asText(),
                        jsLogin.path("deviceId").asText());
            }
            int devicesWithKeys = CitizenRoomsOnServer.devicesWithKeys(synapse, agency);
            int expectedDevices = 2 * rounds + (aot ? rounds + 1 : 0);
            if (devicesWithKeys != expectedDevices) {
                throw new IllegalStateException("expected " + expectedDevices
                        + " agency devices with keys on the server, found " + devicesWithKeys);
            }

            // 2. Citizens open the rooms, the agency joins, the citizens write.
            List<CitizenClient> citizens = new ArrayList<>();
            for (int i = 1; i <= citizenCount; i++) {
                RegisteredUser account = synapse.registerUser("buerger-" + i, "pw-buerger-" + i, "Bürger " + i, false);
                CitizenClient citizen = CitizenClient.start("citizen-" + i).withTimeout(Duration.ofMinutes(2));
                started.add(citizen);
                citizen.login(synapse, account);
                citizens.add(citizen);
            }
            List<List<String>> roomsByCitizen = CitizenRoomsOnServer.open(synapse, agency, citizens, rooms,
                    line -> progress("%s", line));
            CitizenRoomsOnServer.write(citizens, roomsByCitizen, messages, (citizen, m) -> "Nachricht " + m + " von "
                    + citizen.name() + ": Guten Tag, zu meinem Antrag habe ich noch eine Frage zu den Unterlagen, die ich"
                    + " einreichen soll.", line -> progress("%s", line));
            for (CitizenClient citizen : citizens) {
                citizen.close(); // idle from here on; the measurements get the machine to themselves
                started.remove(citizen);
            }

            if (aot) {
                awaitSyncCacheExpiry(trainLogin);
                long t0 = System.nanoTime();
                measureAmtsdesk(trainProfile, agencyPassword, List.of("-XX:AOTCacheOutput=" + aotCache()));
                progress("AOT cache trained on one initial sync in %d ms: %.0f MB",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), Files.size(aotCache()) / 1e6);
            }

            // 3. Measurements, alternating the order.
            List<Round> results = new ArrayList<>();
            for (int k = 1; k <= rounds; k++) {
                boolean amtsdeskFirst = k % 2 == 1;
                RawSync rawA = null;
                RawSync rawJ = null;
                AmtsdeskRun a = null;
                JsRun j = null;
                String load = loadAverage();
                for (int step = 0; step < 2; step++) {
                    boolean amtsdeskNow = (step == 0) == amtsdeskFirst;
                    Thread.sleep(2000); // let the previous client's shutdown and Synapse's follow-up work settle
                    RawSync raw = rawInitialSync(synapse, agency);
                    if (amtsdeskNow) {
                        awaitSyncCacheExpiry(amtsdeskLogins.get(k - 1));
                        rawA = raw;
                        a = measureAmtsdesk(profiles.get(k - 1), agencyPassword);
                        progress("round %d Amtsdesk: %d ms (raw server sync before it: %d ms, %.1f MB)", k, a.syncMs(),
                                raw.ms(), raw.bytes() / 1e6);
                    } else {
                        rawJ = raw;
                        CitizenClient js = jsDevices.get(k - 1);
                        j = measureJs(js);
                        js.close();
                        started.remove(js);
                        progress("round %d matrix-js-sdk: %d ms (raw server sync before it: %d ms)", k, j.ms(), raw.ms());
                    }
                }
                AmtsdeskRun withAot = null;
                if (aot) {
                    Thread.sleep(2000);
                    awaitSyncCacheExpiry(aotLogins.get(k - 1));
                    withAot = measureAmtsdesk(aotProfiles.get(k - 1), agencyPassword,
                            List.of("-XX:AOTCache=" + aotCache()));
                    progress("round %d Amtsdesk with AOT cache: %d ms", k, withAot.syncMs());
                }
                results.add(new Round(k, amtsdeskFirst ? "Amtsdesk first" : "matrix-js-sdk first", rawA, a, rawJ, j,
                        load, withAot));
            }
            return report(results);
        }
    }

    // ---- set-up ----

    // ---- measurements ----

    /**
     * Synapse caches a /sync answer for 2 minutes under (user, device, since, filter, timeout, ...). The Amtsdesk
     * device's login made the very same initial sync (no since token, same filter, timeout 0), so measuring within
     * 2 minutes of it would get that stale answer back. (With the full workload the set-up takes longer anyway.)
     */
    private void awaitSyncCacheExpiry(Instant login) throws InterruptedException {
        Instant safe = login.plus(SYNC_RESPONSE_CACHE).plusSeconds(5);
        Duration wait = Duration.between(Instant.now(), safe);
        if (!wait.isNegative()) {
            progress("waiting %d s until Synapse's cached answer to the login's initial sync has expired",
                    wait.toSeconds());
            Thread.sleep(wait);
        }
    }

    /** The same initial sync Amtsdesk asks for, as plain HTTP by the keyless registration device: server + transfer. */
    private RawSync rawInitialSync(SynapseServer synapse, RegisteredUser agency) throws IOException, InterruptedException {
        // timeout is part of Synapse's response-cache key and ignored by an initial sync (which never waits):
        // a new value each time, so this is computed afresh rather than served from the cache.
        int timeout = rawSyncs.incrementAndGet();
        long start = System.nanoTime();
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(synapse.baseUrl()
                        + "/_matrix/client/v3/sync?timeout=" + timeout + "&filter=" + URLEncoder.encode(AMTSDESK_FILTER,
                        StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + agency.accessToken()).timeout(Duration.ofMinutes(5)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("raw initial sync: HTTP " + r.statusCode());
        }
        int joined = JSON.readTree(r.body()).path("rooms").path("join").size();
        if (joined != rooms) {
            throw new IllegalStateException("raw initial sync shows " + joined + " joined rooms, expected " + rooms);
        }
        return new RawSync(ms, r.body().length);
    }

    private Path aotCache() {
        return work.resolve("amtsdesk-initial-sync.aot");
    }

    private AmtsdeskRun measureAmtsdesk(Path profile, String agencyPassword) throws Exception {
        return measureAmtsdesk(profile, agencyPassword, List.of());
    }

    private AmtsdeskRun measureAmtsdesk(Path profile, String agencyPassword, List<String> extraJvmArgs)
            throws Exception {
        List<String> jvmArgs = new ArrayList<>(AMTSDESK_JVM_ARGS);
        jvmArgs.addAll(extraJvmArgs);
        CliResult cli = agencyCli(profile, agencyPassword, jvmArgs, "initial-sync", "--fresh", "yes", "--expect-rooms",
                Integer.toString(rooms), "--expect-messages", Integer.toString(rooms * messages), "--timeout",
                Long.toString(MEASURE_TIMEOUT.toSeconds()));
        JsonNode r = cli.result();
        List<String> perSync = new ArrayList<>();
        r.path("trace").forEach(t -> perSync.add(t.path("ms").asLong() + " ms"
                + (t.path("undecryptable").asInt() > 0 ? " (" + t.path("undecryptable").asInt() + " waiting for keys)" : "")));
        return new AmtsdeskRun(r.path("syncMs").asLong(), r.path("cpuMs").asLong(), r.path("wallMs").asLong(), r.path("firstSyncMs").asLong(),
                r.path("checkMs").asLong(), r.path("engineOpenMs").asLong(),
                TimeUnit.NANOSECONDS.toMillis(cli.nanos()), r.path("syncs").asInt(),
                r.path("transientFailures").asInt(), String.join(", ", perSync), r.path("rssKb").asLong(-1),
                r.path("peakRssKb").asLong(-1), r.path("firstScreenMs").asLong(-1), r.path("firstScreenRooms").asInt());
    }

    private JsRun measureJs(CitizenClient js) {
        JsonNode r = js.withTimeout(MEASURE_TIMEOUT.plusMinutes(1)).call("measureInitialSync", JSON.createObjectNode()
                .put("expectedMessages", rooms * messages).put("initialSyncLimit", 50)
                .put("timeoutMs", MEASURE_TIMEOUT.toMillis()));
        if (r.path("decrypted").asInt() != rooms * messages || r.path("rooms").asInt() != rooms) {
            throw new IllegalStateException("matrix-js-sdk decrypted " + r.path("decrypted") + " messages in "
                    + r.path("rooms") + " rooms");
        }
        return new JsRun(r.path("ms").asLong(), r.path("cpuMs").asLong(), r.path("firstSyncMs").asLong(), r.path("syncs").asInt(),
                r.path("lateKeyRetries").asInt());
    }

    record CliResult(JsonNode result, long nanos) { }

    /** Runs one AgencyCli command in its own JVM (as the tests' AgencyProcess does) and returns its result line. */
    private CliResult agencyCli(Path profile, String agencyPassword, List<String> jvmArgs, String command,
            String... options) throws IOException, InterruptedException {
        Path tmp = Files.createDirectories(profile.resolveSibling(profile.getFileName() + "-tmp"));
        Path log = profile.resolveSibling(profile.getFileName() + ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=" + tmp,
                "-Damtsdesk.logDir=" + tmp.resolve("logs")));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
                AgencyCli.class.getName(), command, "--data-dir", profile.toString()));
        cmd.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AGENCY_PASSPHRASE", "bench-passphrase-" + profile.getFileName());
        builder.environment().put("AGENCY_PASSWORD", agencyPassword);
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(MEASURE_TIMEOUT.plusMinutes(1).toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("AgencyCli " + command + " did not finish; see " + log);
            }
            long nanos = System.nanoTime() - start;
            String last = output.lines().filter(l -> l.startsWith("AGENCY_RESULT "))
                    .map(l -> l.substring("AGENCY_RESULT ".length())).reduce((a, b) -> b).orElse("{}");
            JsonNode result = JSON.readTree(last);
            if (!result.path("ok").asBoolean(false)) {
                throw new IllegalStateException("AgencyCli " + command + " failed: " + result.path("error").asText(output)
                        + " (log " + log + ")");
            }
            return new CliResult(result, nanos);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    // ---- report ----

    private String report(List<Round> results) throws IOException {
        int total = rooms * messages;
        List<Long> a = results.stream().map(r -> r.amtsdesk().syncMs()).toList();
        List<Long> j = results.stream().map(r -> r.js().ms()).toList();
        List<Long> aCpu = results.stream().map(r -> r.amtsdesk().cpuMs()).toList();
        List<Long> jCpu = results.stream().map(r -> r.js().cpuMs()).toList();
        List<Long> raw = new ArrayList<>();
        results.forEach(r -> {
            raw.add(r.rawBeforeAmtsdesk().ms());
            raw.add(r.rawBeforeJs().ms());
        });
        long aMed = median(a);
        long jMed = median(j);
        double ratio = (double) jMed / aMed;
        StringBuilder rounds = new StringBuilder();
        for (Round r : results) {
            AmtsdeskRun x = r.amtsdesk();
            JsRun y = r.js();
            rounds.append(String.format(Locale.ROOT, """
                      round %d (%s, load average before: %s):
                        amtsdesk: %d ms, CPU %d ms (%d syncs: %s; %d transient failures; progress checks %d ms extra; \
                    engine open %d ms; whole process incl. JVM start and vault unlock %d ms; RSS at the end %d MB, peak %d MB)
                        amtsdesk first screenful of the room list: %d ms (%s)
                        matrix-js-sdk: %d ms, CPU %d ms (first sync done at %d ms, %d syncs, %d events decrypted only after \
                    a late key)
                        js/amtsdesk: %.2f (CPU %.2f)
                        raw server initial sync just before: %d ms before Amtsdesk, %d ms before matrix-js-sdk (%.1f MB)
                    """, r.number(), r.order(), r.loadAverage(), x.syncMs(), x.cpuMs(), x.syncs(), x.perSync(),
                    x.transientFailures(), x.checkMs(), x.engineOpenMs(), x.processMs(), x.rssKb() / 1024,
                    x.peakRssKb() / 1024, x.firstScreenMs(), x.firstScreenRooms() > 0
                            ? x.firstScreenRooms() + " rooms from one sliding sync request" : "the full list from /sync came first",
                    y.ms(), y.cpuMs(),
                    y.firstSyncMs(), y.syncs(), y.lateKeyRetries(), r.ratio(), (double) y.cpuMs() / x.cpuMs(), r.rawBeforeAmtsdesk().ms(), r.rawBeforeJs().ms(),
                    r.rawBeforeAmtsdesk().bytes() / 1e6));
            if (r.aot() != null) {
                AmtsdeskRun z = r.aot();
                rounds.append(String.format(Locale.ROOT, """
                            amtsdesk with AOT cache (measured last): %d ms, CPU %d ms (%d syncs: %s; whole process %d ms);                         js/amtsdesk-aot: %.2f
                        """, z.syncMs(), z.cpuMs(), z.syncs(), z.perSync(), z.processMs(), (double) y.ms() / z.syncMs()));
            }
        }
        List<Long> screens = results.stream().map(r -> r.amtsdesk().firstScreenMs()).toList();
        List<Long> rss = results.stream().map(r -> r.amtsdesk().rssKb() / 1024).toList();
        String aotSummary = String.format(Locale.ROOT, """
                amtsdesk-first-screen-ms: %s median %d (goal < 1000 ms after sign-in: %s)
                amtsdesk-rss-mb (after all rooms are synced and decrypted): %s median %d
                """, screens, median(screens), median(screens) < 1000 ? "met" : "NOT met", rss, median(rss));
        if (results.stream().allMatch(r -> r.aot() != null)) {
            List<Long> z = results.stream().map(r -> r.aot().syncMs()).toList();
            List<Long> zCpu = results.stream().map(r -> r.aot().cpuMs()).toList();
            aotSummary += String.format(Locale.ROOT, """
                    amtsdesk-aot-ms: %s median %d
                    amtsdesk-aot-cpu-ms: %s median %d
                    ratio-js-sdk/amtsdesk-aot (medians): %.2f (> 1: Amtsdesk with the AOT cache faster)
                    aot-method: a JDK 25 AOT cache (-XX:AOTCacheOutput) trained by one more device's whole initial sync                     of the same rooms (never measured); each round's third device then runs -XX:AOTCache=that file,                     measured after the other two.
                    """, z, median(z), zCpu, median(zCpu), (double) jMed / median(z));
        }
        String body = String.format(Locale.ROOT, """
                # Initial sync + decrypt from a real Synapse: Amtsdesk core vs matrix-js-sdk, same account, same run (%s)
                date: %s
                code: %s
                machine: %d cpus, load average at the end: %s
                java: %s %s
                node: %s, matrix-js-sdk %s, @matrix-org/matrix-sdk-crypto-wasm %s (in-memory stores)
                synapse: %s (SQLite, loopback HTTP)
                workload: %d rooms x %d encrypted m.room.message = %d messages, from %d citizens (matrix-js-sdk), \
                one Megolm session per room
                rounds: %d (each with two fresh agency devices whose room keys wait on the server; order alternates)
                per round:
                %s\
                amtsdesk-ms: %s median %d
                matrix-js-sdk-ms: %s median %d
                amtsdesk-cpu-ms: %s median %d
                matrix-js-sdk-cpu-ms: %s median %d
                ratio-js-sdk/amtsdesk-cpu (medians): %.2f
                raw-server-initial-sync-ms: %s median %d
                amtsdesk-events-per-second: %.0f
                matrix-js-sdk-events-per-second: %.0f
                ratio-js-sdk/amtsdesk (medians): %.2f (> 1: Amtsdesk faster)
                target: Amtsdesk faster: %s
                method:
                  - One Synapse (src-test harness, rate limits raised) with one agency account. Before any room exists,
                    each round's two agency devices log in and upload device and one-time keys: an Amtsdesk workstation
                    profile (AgencyCli login: two syncs on an empty account) and a matrix-js-sdk device (citizen.mjs
                    loginKeysOnly: keys uploaded through the crypto's outgoing-request loop, never synced).
                  - %d citizens (citizen.mjs, matrix-js-sdk 37.5 + Rust crypto) create %d encrypted DM rooms inviting
                    the agency; the agency joins each through the API with its registration token (a device without
                    keys); then the citizens send %d texts per room. So every measured device has its %d room keys
                    waiting as to-device messages (Synapse hands out at most 100 per sync) and has seen no timeline.
                  - Measured: from the first /sync request without a since token until all %d messages are decrypted.
                    Amtsdesk: a fresh JVM on the round's profile (AgencyCli initial-sync --fresh drops the stored since
                    token and room directory; crypto store kept); syncOnce(timeout 0) in a loop, each batch fully
                    processed as the app does (to-device into the OlmMachine, key requests, decryption via JNI,
                    the encrypted H2 store, late-key retries, room directory and token saved). The figure is the sum
                    of the syncOnce calls; the harness's progress checks between them (directory has all rooms and
                    nothing undecryptable in the store) are timed apart and left out (the CPU figure, the process's
                    CPU time over the whole span on all threads, includes them); afterwards the store is counted:
                    exactly %d decrypted m.room.message, none undecryptable. Not timed: JVM start, vault unlock
                    (Argon2id) and engine open (crypto store), shown in the round lines.
                    matrix-js-sdk: the device's own node process (logged in earlier, no sync yet) runs
                    startClient({initialSyncLimit: 50}) (same timeline limit as Amtsdesk's filter, no lazy loading) and
                    stops the clock when MatrixEventEvent.Decrypted has reported %d distinct successfully decrypted
                    m.room.message events; CPU: process.cpuUsage() over the same span. Not timed: login and
                    initRustCrypto. Its stores are in memory (Node has no IndexedDB); Amtsdesk writes everything to
                    its encrypted database and its encrypted crypto store on disk: this favours matrix-js-sdk.
                  - Wall times count from the clients' own clocks; CPU times (user + system of the client process,
                    JIT compiler and GC threads included) are reported too, since other work on a shared machine
                    stretches wall times more than CPU times. The ratio and the target use wall times.
                  - Before each measurement, the keyless registration device makes the same initial sync as plain HTTP
                    (raw-server-initial-sync-ms: Synapse's work plus transfer, no client work). It warms Synapse's caches
                    equally for the client that follows; the order of the two clients alternates between rounds.
                  - Each device is measured once: only its first sync finds its room keys pending, so every figure is a
                    cold start of that device; rounds repeat with fresh devices. Citizens are stopped before measuring;
                    Synapse, the measured client and this harness are the only busy processes (other work on the machine,
                    if any, shows in the load averages).
                """, InitialSyncBench.class.getSimpleName(), Instant.now(), gitRevision(), Runtime.getRuntime().availableProcessors(),
                loadAverage(), System.getProperty("java.vendor"), System.getProperty("java.version"), nodeVersion(),
                packageVersion("matrix-js-sdk"), packageVersion("@matrix-org/matrix-sdk-crypto-wasm"), synapseVersion(),
                this.rooms, messages, total, citizenCount, this.rounds, rounds, a, aMed, j, jMed, aCpu, median(aCpu), jCpu,
                median(jCpu), (double) median(jCpu) / median(aCpu), raw, median(raw),
                total * 1000.0 / aMed, total * 1000.0 / jMed, ratio, aMed < jMed ? "met" : "NOT met",
                citizenCount, this.rooms, messages, this.rooms, total, total, total);
        // The AOT figures go right after the target line, before the method text.
        int method = body.indexOf("method:\n");
        return body.substring(0, method) + aotSummary + body.substring(method);
    }

    // ---- helpers ----

    private void progress(String format, Object... args) {
        long s = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - benchStart);
        System.out.printf("[%4d s] %s%n", s, String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The commit measured, and whether the modules that run differed from it (a build of local changes). */
    private static String gitRevision() {
        try {
            String head = command("git", "rev-parse", "--short", "HEAD").trim();
            String dirty = command("git", "status", "--porcelain", "--", "core/src/main", "crypto-native/src",
                    "app/src/main", "src-test/src/main", "src-test/citizen/citizen.mjs", "bench/src");
            return "git " + head + (dirty.isBlank() ? "" : " + uncommitted changes in " + dirty.lines()
                    .map(l -> l.substring(3)).toList());
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "git revision unknown";
        }
    }

    private static String command(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
        return out;
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return "node " + v;
        } catch (IOException | InterruptedException e) {
            return "node (version unknown)";
        }
    }

    private static String packageVersion(String name) {
        try {
            Path pkg = HarnessPaths.srcTestDir().resolve("citizen/node_modules").resolve(name).resolve("package.json");
            return JSON.readTree(pkg.toFile()).path("version").asText("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String synapseVersion() {
        try {
            return Files.readAllLines(HarnessPaths.srcTestDir().resolve("synapse/requirements.txt")).stream()
                    .filter(l -> l.startsWith("matrix-synapse==")).findFirst()
                    .map(l -> "Synapse " + l.substring("matrix-synapse==".length())).orElse("Synapse");
        } catch (IOException e) {
            return "Synapse";
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
