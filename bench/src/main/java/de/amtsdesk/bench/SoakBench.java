package de.amtsdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsdesk.e2e.agency.AgencyCli;
import de.amtsdesk.e2e.harness.CitizenClient;
import de.amtsdesk.e2e.harness.CitizenEvent;
import de.amtsdesk.e2e.harness.HarnessPaths;
import de.amtsdesk.e2e.harness.RegisteredUser;
import de.amtsdesk.e2e.harness.SynapseServer;
import de.amtsdesk.e2e.harness.ToxiproxyServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The soak of issue 7: {@code --messages} messages from the agency and as many from the citizen, while a fault
 * proxy (Toxiproxy, loopback) between the sending workstation and Synapse injects {@code --faults} faults — connection
 * resets, answers cut after the request reached Synapse, latency, stalls, sliced and throttled streams, the server
 * "down" — and the workstation is killed with SIGKILL at random points and started again. The citizen (matrix-js-sdk)
 * counts the agency's messages, a second workstation (direct, off during the soak, so it also exercises gap filling)
 * counts all of them. Goal: 0 lost, 0 duplicated, every fault recovered without a person.
 * Writes bench/results/soak.txt.
 */
public final class SoakBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENCY_TEXT = "Agentur";
    private static final String CITIZEN_TEXT = "Buerger";

    private final int messages;
    private final int faults;
    private final int kills;
    private final Path work;
    private final Random random = new Random(4711);
    private final Map<String, Integer> faultsByKind = new TreeMap<>();
    private final List<String> log = new ArrayList<>();

    private SoakBench(int messages, int faults, int kills, Path work) {
        this.messages = messages;
        this.faults = faults;
        this.kills = kills;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        int messages = 1000;
        int faults = 1000;
        int kills = 10;
        Path results = Path.of("bench/results/soak.txt");
        for (String arg : args) {
            if (arg.startsWith("--messages=")) {
                messages = Integer.parseInt(arg.substring(11));
            } else if (arg.startsWith("--faults=")) {
                faults = Integer.parseInt(arg.substring(9));
            } else if (arg.startsWith("--kills=")) {
                kills = Integer.parseInt(arg.substring(8));
            } else if (arg.startsWith("--out=")) {
                results = Path.of(arg.substring(6));
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        Path work = Files.createDirectories(Path.of("bench/target/soak-" + System.currentTimeMillis())).toAbsolutePath();
        System.setProperty(HarnessPaths.SRC_TEST_DIR_PROPERTY, Path.of("src-test").toAbsolutePath().toString());
        System.setProperty(HarnessPaths.REPORTS_DIR_PROPERTY, work.resolve("logs").toString());
        try {
            String report = new SoakBench(messages, faults, kills, work).run();
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, report);
            System.out.print(report);
            System.exit(report.contains("RESULT: PASS") ? 0 : 1);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.out.println("FAILED; work directory kept for the logs: " + work);
            System.exit(2);
        }
    }

    private String run() throws Exception {
        try (SynapseServer synapse = SynapseServer.start(work.resolve("synapse"));
                ToxiproxyServer proxy = ToxiproxyServer.startInFrontOf(synapse.port(), work.resolve("logs"));
                CitizenClient citizen = CitizenClient.start("soak-citizen").withTimeout(Duration.ofMinutes(5))) {
            String agencyPassword = "soak-agency-pw";
            RegisteredUser agency = synapse.registerUser("amt", agencyPassword, "Bürgeramt", false);
            RegisteredUser account = synapse.registerUser("buergerin", "soak-citizen-pw", "Erika", false);
            citizen.login(synapse, account);
            String roomId = citizen.createEncryptedRoom(List.of(agency.userId()), "Soak", true);

            Workstation ws1 = new Workstation(work.resolve("ws1"), agencyPassword);
            Workstation ws2 = new Workstation(work.resolve("ws2"), agencyPassword);
            ws1.run("login", "--homeserver", proxy.baseUrl(), "--user", agency.localpart());
            ws2.run("login", "--homeserver", synapse.baseUrl(), "--user", agency.localpart());
            citizen.sendText(roomId, "Beginn");
            ws1.run("sync", "--room", roomId, "--until-text", "Beginn");

            Instant start = Instant.now();
            ws1.startSoak(roomId);
            AtomicBoolean citizenDone = new AtomicBoolean();
            Thread citizenSends = Thread.ofPlatform().start(() -> citizenSends(citizen, roomId, citizenDone));
            int killed = injectFaults(proxy, ws1, roomId, citizenDone);
            citizenSends.join(Duration.ofMinutes(10).toMillis());
            Duration faulty = Duration.between(start, Instant.now());

            proxy.heal();
            if (!ws1.alive()) {
                ws1.startSoak(roomId);
            }
            Instant recoveryStart = Instant.now();
            Map<String, Set<String>> atCitizen = awaitAtCitizen(citizen, Duration.ofMinutes(8));
            Duration recovery = Duration.between(recoveryStart, Instant.now());
            ws1.stop();

            JsonNode second = ws2.run("timeline", "--room", roomId, "--all", "yes", "--until-decrypted", "yes",
                    "--timeout", "600");
            Map<String, Integer> atSecond = new HashMap<>();
            int undecryptable = 0;
            for (JsonNode entry : second.path("entries")) {
                if ("UNDECRYPTABLE".equals(entry.path("kind").asText())) {
                    undecryptable++;
                }
                String body = entry.path("body").asText("");
                if (body.startsWith(AGENCY_TEXT + " ") || body.startsWith(CITIZEN_TEXT + " ")) {
                    atSecond.merge(body, 1, Integer::sum);
                }
            }
            return report(atCitizen, atSecond, undecryptable, killed, faulty, recovery);
        }
    }

    private void citizenSends(CitizenClient citizen, String roomId, AtomicBoolean done) {
        try {
            for (int from = 1; from <= messages; from += 50) {
                ObjectNode args = JSON.createObjectNode().put("roomId", roomId);
                ArrayNode bodies = args.putArray("bodies");
                for (int i = from; i < Math.min(messages + 1, from + 50); i++) {
                    bodies.add(CITIZEN_TEXT + " " + i);
                }
                citizen.call("sendTexts", args);
            }
        } finally {
            done.set(true);
        }
    }

    /** Faults until the quota is reached (and the citizen is done); returns how many SIGKILLs were among them. */
    private int injectFaults(ToxiproxyServer proxy, Workstation ws1, String roomId, AtomicBoolean citizenDone)
            throws Exception {
        int killed = 0;
        int killEvery = Math.max(1, faults / Math.max(1, kills));
        for (int n = 1; n <= faults || !citizenDone.get(); n++) {
            if (n <= faults && n % killEvery == 0 && killed < kills) {
                ws1.kill();
                killed++;
                count("kill -9 of the workstation");
                Thread.sleep(200 + random.nextInt(800));
                ws1.startSoak(roomId);
                continue;
            }
            if (n > faults) {
                Thread.sleep(200);
                continue;
            }
            String name = "f" + n;
            long hold = 50 + random.nextInt(350);
            switch (random.nextInt(7)) {
                case 0 -> toxic(proxy, name, "reset_peer", randomStream(), Map.of("timeout", 0), hold,
                        "connection reset");
                case 1 -> toxic(proxy, name, "limit_data", "downstream", Map.of("bytes", random.nextInt(3000)), hold,
                        "answer cut after the request reached Synapse");
                case 2 -> toxic(proxy, name, "latency", "downstream",
                        Map.of("latency", 300 + random.nextInt(2700), "jitter", 100), hold, "latency 0.3-3 s");
                case 3 -> toxic(proxy, name, "timeout", randomStream(), Map.of("timeout", 100 + random.nextInt(900)),
                        hold, "stall, then close");
                case 4 -> toxic(proxy, name, "slicer", "downstream",
                        Map.of("average_size", 16, "size_variation", 8, "delay", 2000), hold, "sliced stream");
                case 5 -> toxic(proxy, name, "bandwidth", "downstream", Map.of("rate", 4), hold, "4 KB/s");
                default -> {
                    proxy.setEnabled(false);
                    Thread.sleep(hold * 3);
                    proxy.setEnabled(true);
                    count("server down (connection refused)");
                }
            }
            Thread.sleep(20 + random.nextInt(130));
        }
        return killed;
    }

    private String randomStream() {
        return random.nextBoolean() ? "downstream" : "upstream";
    }

    private void toxic(ToxiproxyServer proxy, String name, String type, String stream, Map<String, ?> attributes,
            long holdMillis, String kind) throws InterruptedException {
        proxy.addToxic(name, type, stream, 1.0, attributes);
        Thread.sleep(holdMillis);
        proxy.removeToxic(name);
        count(kind);
    }

    private void count(String kind) {
        faultsByKind.merge(kind, 1, Integer::sum);
    }

    /** Event IDs per agency message body, as the citizen's client reported them, once all arrived or time is up. */
    private Map<String, Set<String>> awaitAtCitizen(CitizenClient citizen, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            Map<String, Set<String>> seen = new HashMap<>();
            for (CitizenEvent e : citizen.events()) {
                String body = e.body();
                if (body != null && body.startsWith(AGENCY_TEXT + " ")) {
                    seen.computeIfAbsent(body, b -> ConcurrentHashMap.newKeySet()).add(e.eventId());
                }
            }
            if (seen.size() >= messages || Instant.now().isAfter(deadline)) {
                Thread.sleep(3000); // a late duplicate would show up within this
                return seen;
            }
            Thread.sleep(1000);
        }
    }

    private String report(Map<String, Set<String>> atCitizen, Map<String, Integer> atSecond, int undecryptable,
            int killed, Duration faulty, Duration recovery) {
        int citizenLost = 0;
        int citizenDup = 0;
        int secondLost = 0;
        int secondDup = 0;
        for (int i = 1; i <= messages; i++) {
            Set<String> ids = atCitizen.get(AGENCY_TEXT + " " + i);
            if (ids == null) {
                citizenLost++;
            } else if (ids.size() > 1) {
                citizenDup += ids.size() - 1;
            }
            for (String prefix : List.of(AGENCY_TEXT, CITIZEN_TEXT)) {
                int n = atSecond.getOrDefault(prefix + " " + i, 0);
                if (n == 0) {
                    secondLost++;
                } else if (n > 1) {
                    secondDup += n - 1;
                }
            }
        }
        int injected = faultsByKind.values().stream().mapToInt(Integer::intValue).sum();
        boolean pass = citizenLost == 0 && citizenDup == 0 && secondLost == 0 && secondDup == 0 && undecryptable == 0;
        StringBuilder out = new StringBuilder();
        out.append("# Soak: messages both ways under injected faults (bench/run-soak.sh)\n");
        out.append("date: ").append(LocalDateTime.now().withNano(0)).append("; machine: ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, load ")
                .append(String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage())).append('\n');
        out.append("setup: real Synapse (SQLite, loopback); Toxiproxy v2.12.0 between workstation 1 and Synapse; ")
                .append("citizen = matrix-js-sdk 37.5 (Rust crypto) direct; workstation 2 direct, offline during the soak\n");
        out.append("messages: ").append(messages).append(" from the agency (workstation 1), ").append(messages)
                .append(" from the citizen\n");
        out.append("faults injected: ").append(injected).append(" (").append(killed).append(" of them kill -9)\n");
        faultsByKind.forEach((kind, n) -> out.append("  ").append(String.format("%-45s %5d", kind, n)).append('\n'));
        out.append("time under faults: ").append(faulty.toSeconds()).append(" s; recovery after the last fault until ")
                .append("the citizen had every message: ").append(recovery.toSeconds()).append(" s (no person involved)\n");
        out.append("citizen (js-sdk), agency messages: lost ").append(citizenLost).append(", duplicated ")
                .append(citizenDup).append('\n');
        out.append("second workstation, all ").append(2 * messages).append(" messages: lost ").append(secondLost)
                .append(", duplicated ").append(secondDup).append(", undecryptable ").append(undecryptable).append('\n');
        out.append("RESULT: ").append(pass ? "PASS" : "FAIL").append('\n');
        return out.toString();
    }

    /** One workstation profile, driven through AgencyCli processes (so it can be killed for real). */
    private final class Workstation {
        private final Path profile;
        private final String password;
        private Process soak;

        Workstation(Path profile, String password) {
            this.profile = profile;
            this.password = password;
        }

        private ProcessBuilder builder(String command, String... options) throws IOException {
            Path tmp = Files.createDirectories(profile.resolveSibling(profile.getFileName() + "-tmp"));
            Path logFile = profile.resolveSibling(profile.getFileName() + ".log");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=" + tmp,
                    "-Damtsdesk.logDir=" + tmp.resolve("logs"), "-cp", System.getProperty("java.class.path"),
                    AgencyCli.class.getName(), command, "--data-dir", profile.toString()));
            cmd.addAll(List.of(options));
            ProcessBuilder b = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            b.environment().put("AGENCY_PASSPHRASE", "soak-passphrase-" + profile.getFileName());
            b.environment().put("AGENCY_PASSWORD", password);
            return b;
        }

        JsonNode run(String command, String... options) throws IOException, InterruptedException {
            Process p = builder(command, options).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("AgencyCli " + command + " did not finish");
            }
            String last = output.lines().filter(l -> l.startsWith("AGENCY_RESULT "))
                    .map(l -> l.substring("AGENCY_RESULT ".length())).reduce((a, b) -> b).orElse("{}");
            JsonNode result = JSON.readTree(last);
            if (!result.path("ok").asBoolean(false)) {
                throw new IllegalStateException("AgencyCli " + command + " failed: " + result.path("error").asText());
            }
            return result;
        }

        /** Starts the office loop; returns once all messages are in its outbox (first start) or it resumed. */
        void startSoak(String roomId) throws IOException {
            soak = builder("soak-send", "--room", roomId, "--count", Integer.toString(messages), "--text",
                    AGENCY_TEXT, "--pace-ms", "5").start();
            BufferedReader out = new BufferedReader(new InputStreamReader(soak.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("SOAK_QUEUED")) {
                log.add(line);
            }
            if (line == null) {
                throw new IllegalStateException("the soak workstation died before queueing; see its log");
            }
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (out.readLine() != null) {
                        // drain stdout so the process never blocks on a full pipe
                    }
                } catch (IOException e) {
                    // process gone
                }
            });
        }

        boolean alive() {
            return soak != null && soak.isAlive();
        }

        void kill() throws InterruptedException {
            if (soak != null) {
                soak.destroyForcibly(); // SIGKILL: no shutdown hooks, no flush
                soak.waitFor();
            }
        }

        void stop() throws InterruptedException {
            kill();
        }
    }
}
