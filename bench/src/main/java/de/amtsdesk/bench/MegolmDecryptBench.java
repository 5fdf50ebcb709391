package de.amtsdesk.bench;

import de.amtsdesk.crypto.CryptoLibrary;
import de.amtsdesk.crypto.DecryptedEvent;
import de.amtsdesk.crypto.DecryptionResult;
import de.amtsdesk.crypto.OlmMachineHandle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Megolm decryption throughput through JNI against the same loop in Rust alone (issue: "target ≥ 10,000
 * events/s per core and JNI cost < 10 %").
 *
 * <p>Rust: runs the example {@code crypto-native/examples/megolm_decrypt_bench.rs} (built with {@code cargo build
 * --release --locked --example megolm_decrypt_bench}) as a subprocess and reads its median. JNI: the same procedure
 * in this JVM through {@link OlmMachineHandle}: machine A encrypts N text messages (room key rotated every 100
 * messages), machine B imports A's key export and decrypts all N events once as a warm-up and then {@code rounds}
 * times timed, one {@code decryptRoomEvent} call per event; then the same with the batch call
 * {@code decryptRoomEvents} ({@code --batch} events per call). Single-threaded on both sides, so the figures are
 * per core. The JNI cost is the extra time per event through JNI relative to Rust alone: {@code rust/jni - 1}.
 * Results go to bench/results/megolm-decrypt.txt.
 *
 * <p>Options: {@code --events=20000 --rounds=3 --batch=100 --out=bench/results/megolm-decrypt.txt
 * --rust-bench=/path/to/megolm_decrypt_bench}.
 */
public final class MegolmDecryptBench {

    private static final String ROOM = "!bench:amt.example";
    private static final String ALICE = "@sachbearbeitung:amt.example";
    private static final String BOB = "@buerger:amt.example";
    private static final String PASSPHRASE = "bench passphrase";
    private static final Pattern RUST_RESULT =
            Pattern.compile("^rust events=(\\d+) seconds=([0-9.]+) events_per_second=(\\d+)$");

    private MegolmDecryptBench() {
    }

    public static void main(String[] args) throws Exception {
        int events = 20_000;
        int rounds = 3;
        int batch = 100;
        Path results = Path.of("bench/results/megolm-decrypt.txt");
        Path rustBench = null;
        for (String arg : args) {
            if (arg.startsWith("--events=")) {
                events = Integer.parseInt(arg.substring(9));
            } else if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(arg.substring(9));
            } else if (arg.startsWith("--batch=")) {
                batch = Integer.parseInt(arg.substring(8));
            } else if (arg.startsWith("--out=")) {
                results = Path.of(arg.substring(6));
            } else if (arg.startsWith("--rust-bench=")) {
                rustBench = Path.of(arg.substring(13));
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (rustBench == null) {
            rustBench = findRustBench();
        }

        // Rust first and alone, so the two do not compete for the cores.
        double rustEventsPerSecond = runRust(rustBench, events, rounds);

        List<String> encrypted;
        double jniEventsPerSecond;
        double batchEventsPerSecond;
        double storeEventsPerSecond;
        double storeBatchEventsPerSecond;
        Path storeDir = Files.createTempDirectory("megolm-bench-store");
        byte[] storeKey = new byte[32];
        new java.security.SecureRandom().nextBytes(storeKey);
        try (OlmMachineHandle alice = OlmMachineHandle.createInMemory(ALICE, "ALICEDEVICE");
                OlmMachineHandle bob = OlmMachineHandle.createInMemory(BOB, "BOBDEVICE");
                OlmMachineHandle stored = OlmMachineHandle.open(BOB, "BOBSTORE", storeDir, storeKey)) {
            encrypted = prepare(alice, bob, events);
            // The same keys in the workstation's real store: SQLite, encrypted with the store key (issue 11).
            stored.importRoomKeys(alice.exportRoomKeys(PASSPHRASE), PASSPHRASE);
            int perCall = batch;
            // Each case warms up once before its timed rounds; the store case reads from disk as the app does.
            jniEventsPerSecond = timed("jni", events, rounds, () -> decryptOneByOne(bob, encrypted));
            storeEventsPerSecond = timed("jni-store", events, rounds, () -> decryptOneByOne(stored, encrypted));
            batchEventsPerSecond = timed("jni-batch", events, rounds, () -> decryptInBatches(bob, encrypted, perCall));
            storeBatchEventsPerSecond = timed("jni-store-batch", events, rounds,
                    () -> decryptInBatches(stored, encrypted, perCall));
        } finally {
            try (var files = Files.walk(storeDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }

        double costPercent = (rustEventsPerSecond / jniEventsPerSecond - 1) * 100;
        double batchCostPercent = (rustEventsPerSecond / batchEventsPerSecond - 1) * 100;
        double costMicros = (1 / jniEventsPerSecond - 1 / rustEventsPerSecond) * 1e6;
        boolean throughputMet = jniEventsPerSecond >= 10_000;
        boolean costMet = costPercent < 10;
        String report = String.format(Locale.ROOT, """
                # Megolm decrypt throughput, Rust alone vs. through JNI (%s)
                date: %s
                java: %s %s
                cpus: %d (each loop runs on one thread: figures are per core)
                matrix-sdk-crypto: %s, vodozemac: %s
                events: %d (text messages, room key rotated every 100), timed rounds: %d after one warm-up round, median
                rust-events-per-second: %.0f
                jni-events-per-second: %.0f
                jni-batch-events-per-second: %.0f (decryptRoomEvents, %d events per call)
                jni-store-events-per-second: %.0f (the encrypted SQLite crypto store instead of memory; batch %.0f)
                store/in-memory time per event: %.2f (goal <= 2)
                jni/rust: %.3f
                jni-cost-percent: %.1f (extra time per event through JNI, relative to Rust alone; batch: %.1f)
                jni-cost-per-event-microseconds: %.2f
                target: >= 10000 events/s per core through JNI: %s; JNI cost < 10 %%: %s; store within 2x: %s
                """, MegolmDecryptBench.class.getSimpleName(), Instant.now(), System.getProperty("java.vendor"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                CryptoLibrary.matrixSdkCryptoVersion(), CryptoLibrary.vodozemacVersion(), events, rounds,
                rustEventsPerSecond, jniEventsPerSecond, batchEventsPerSecond, batch, storeEventsPerSecond,
                storeBatchEventsPerSecond, jniEventsPerSecond / storeEventsPerSecond,
                jniEventsPerSecond / rustEventsPerSecond, costPercent, batchCostPercent, costMicros,
                throughputMet ? "met" : "NOT met", costMet ? "met" : "NOT met",
                jniEventsPerSecond / storeEventsPerSecond <= 2 ? "met" : "NOT met");
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, report);
        System.out.print(report);
    }

    private static Path findRustBench() {
        List<Path> candidates = new ArrayList<>();
        String targetDir = System.getenv("CARGO_TARGET_DIR");
        if (targetDir != null && !targetDir.isBlank()) {
            candidates.add(Path.of(targetDir, "release", "examples", "megolm_decrypt_bench"));
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".cache", "amtsdesk", "cargo-target", "release",
                "examples", "megolm_decrypt_bench"));
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("the Rust benchmark is not built; looked for " + candidates
                + ". Build it with: (cd crypto-native && CARGO_TARGET_DIR=~/.cache/amtsdesk/cargo-target"
                + " cargo build --release --locked --example megolm_decrypt_bench), or use bench/run-megolm.sh");
    }

    private static double runRust(Path binary, int events, int rounds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(binary.toString(), Integer.toString(events), Integer.toString(rounds))
                .redirectErrorStream(true).start();
        Double eventsPerSecond = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println("[rust] " + line);
                Matcher result = RUST_RESULT.matcher(line.strip());
                if (result.matches()) {
                    eventsPerSecond = Double.parseDouble(result.group(3));
                }
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0 || eventsPerSecond == null) {
            throw new IllegalStateException(binary + " failed or printed no 'rust events=…' line");
        }
        return eventsPerSecond;
    }

    private static String contentJson(int index) {
        return "{\"msgtype\":\"m.text\",\"body\":\"Nachricht " + index
                + ": Ihr Antrag auf Wohngeld ist eingegangen und wird bearbeitet.\"}";
    }

    private static String eventJson(String encryptedContent, int index) {
        return "{\"type\":\"m.room.encrypted\",\"content\":" + encryptedContent + ",\"sender\":\"" + ALICE
                + "\",\"event_id\":\"$bench" + index + "\",\"origin_server_ts\":" + (1_750_000_000_000L + index)
                + ",\"room_id\":\"" + ROOM + "\"}";
    }

    /** A encrypts (sharing before each message, a no-op except every 100), B imports A's keys. */
    private static List<String> prepare(OlmMachineHandle alice, OlmMachineHandle bob, int count) {
        List<String> members = List.of(ALICE);
        List<String> encrypted = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            alice.shareRoomKey(ROOM, members);
            encrypted.add(eventJson(alice.encryptRoomEvent(ROOM, "m.room.message", contentJson(i)), i));
        }
        bob.importRoomKeys(alice.exportRoomKeys(PASSPHRASE), PASSPHRASE);
        return List.copyOf(encrypted);
    }

    private static long decryptOneByOne(OlmMachineHandle bob, List<String> events) {
        long bytes = 0;
        for (String event : events) {
            DecryptedEvent decrypted = bob.decryptRoomEvent(ROOM, event);
            bytes += decrypted.clearEventJson().length();
        }
        return bytes;
    }

    private static long decryptInBatches(OlmMachineHandle bob, List<String> events, int perCall) {
        long bytes = 0;
        for (int from = 0; from < events.size(); from += perCall) {
            List<String> page = events.subList(from, Math.min(events.size(), from + perCall));
            for (DecryptionResult result : bob.decryptRoomEvents(ROOM, page)) {
                bytes += result.orThrow().clearEventJson().length();
            }
        }
        return bytes;
    }

    private interface Loop {
        long run();
    }

    /** One warm-up round, then {@code rounds} timed ones; the median in events per second. */
    private static double timed(String name, int events, int rounds, Loop loop) {
        long warmUp = loop.run();
        List<Double> perSecond = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            long bytes = loop.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (bytes != warmUp) {
                throw new IllegalStateException(name + ": round " + round + " decrypted other plaintexts");
            }
            perSecond.add(events / seconds);
            System.out.printf(Locale.ROOT, "[%s] round %d: events=%d seconds=%.4f events_per_second=%.0f%n", name,
                    round, events, seconds, events / seconds);
        }
        Collections.sort(perSecond);
        return perSecond.get(perSecond.size() / 2);
    }
}
