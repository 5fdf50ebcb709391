package de.amtsdesk.bench;

import de.amtsdesk.core.store.Argon2idParameters;
import de.amtsdesk.crypto.CryptoLibrary;
import de.amtsdesk.crypto.PassphraseKdf;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The vault's Argon2id (64 MiB, t=3, p=1) as the unlock meets it: in a fresh JVM, the first call cold. Native
 * (crypto-native, RustCrypto's argon2, ADR 0025) against BouncyCastle in Java (what the vault used before), each in
 * its own fresh JVM, alternating, with the time of the first three calls, the peak resident memory and the Java heap
 * committed afterwards. Writes bench/results/argon2id.txt.
 */
public final class Argon2idBench {

    private static final String PASSPHRASE = "demo-passphrase-amtsdesk";
    private static final int ROUNDS = 7;

    private Argon2idBench() {
    }

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            if (arg.startsWith("--child=")) {
                child(arg.substring(8));
                return;
            }
        }
        Path results = Path.of("bench/results/argon2id.txt");
        String loadAtStart = BenchMachine.loadAverage();
        Map<String, List<Map<String, String>>> runs = new LinkedHashMap<>();
        runs.put("native", new ArrayList<>());
        runs.put("java", new ArrayList<>());
        StringBuilder lines = new StringBuilder();
        for (int round = 0; round < ROUNDS; round++) {
            List<String> order = round % 2 == 0 ? List.of("native", "java") : List.of("java", "native");
            for (String kind : order) {
                Map<String, String> run = runChild(kind);
                runs.get(kind).add(run);
                String line = String.format(Locale.ROOT, "%s-%d: first %s ms, second %s ms, third %s ms | peak RSS "
                        + "%s MB (before %s MB) | heap committed after %s MB | key %s | loadavg %s%n", kind,
                        round + 1, run.get("firstMs"), run.get("secondMs"), run.get("thirdMs"),
                        run.get("peakRssMb"), run.get("rssBeforeMb"), run.get("heapCommittedMb"), run.get("key"),
                        BenchMachine.loadAverage());
                lines.append(line);
                System.out.print(line);
            }
        }
        String nativeKey = runs.get("native").getFirst().get("key");
        boolean sameKey = runs.values().stream().flatMap(List::stream).allMatch(r -> nativeKey.equals(r.get("key")));
        StringBuilder medians = new StringBuilder();
        for (String figure : List.of("firstMs", "secondMs", "peakRssMb", "heapCommittedMb")) {
            for (String kind : runs.keySet()) {
                List<Long> values = runs.get(kind).stream().map(r -> Long.parseLong(r.get(figure))).toList();
                medians.append(String.format(Locale.ROOT, "%s-%s-median: %d %s%n", kind, figure,
                        BenchMachine.median(values), values));
            }
        }
        String report = String.format(Locale.ROOT, """
                # Argon2id of the vault (64 MiB, t=3, p=1) in a fresh JVM: native (crypto-native) vs BouncyCastle (Argon2idBench)
                %s
                what-runs: each child JVM loads the native library first (the app does that while the passphrase is
                  typed, ADR 0025), then derives the same key three times with one implementation; first = the
                  unlock right after start. Each child runs with the app-image's heap options (ADR 0024: -Xms32m
                  -XX:GCTimeRatio=4 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30). Peak RSS = VmHWM of the child;
                  heap committed = Runtime.totalMemory() after the third call. %d rounds, order alternating.
                same-key-from-both: %s
                %s
                %s""", BenchMachine.header(loadAtStart).strip(), ROUNDS, sameKey, lines.toString().strip(),
                medians);
        if (!sameKey) {
            throw new IllegalStateException("the implementations derived different keys:\n" + report);
        }
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, report);
        System.out.print(report);
    }

    private static Map<String, String> runChild(String kind) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xms32m", "-XX:GCTimeRatio=4", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30", "-cp", System.getProperty("java.class.path"),
                Argon2idBench.class.getName(), "--child=" + kind);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, String> values = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("A2 ")) {
                    int eq = line.indexOf('=');
                    values.put(line.substring(3, eq), line.substring(eq + 1));
                } else {
                    other.add(line);
                }
            }
        }
        if (process.waitFor() != 0 || !values.containsKey("key")) {
            throw new IllegalStateException("child " + kind + " failed: " + String.join("\n", other));
        }
        return values;
    }

    private static void child(String kind) throws IOException {
        CryptoLibrary.load();
        long pid = ProcessHandle.current().pid();
        System.out.println("A2 rssBeforeMb=" + MemoryBreakdown.statusKb(pid, "VmRSS") / 1024);
        Argon2idParameters cost = Argon2idParameters.RECOMMENDED;
        byte[] salt = HexFormat.of().parseHex("8c2e5ad0c1f94b7e9a3d6f0b2c4e6a81");
        byte[] secret = PASSPHRASE.getBytes(StandardCharsets.UTF_8);
        byte[] key = null;
        String[] names = {"firstMs", "secondMs", "thirdMs"};
        for (String name : names) {
            long start = System.nanoTime();
            key = "native".equals(kind)
                    ? PassphraseKdf.argon2id(secret, salt, cost.memoryKiB(), cost.iterations(), cost.parallelism(), 32)
                    : bouncyCastle(secret, salt, cost);
            System.out.println("A2 " + name + "=" + (System.nanoTime() - start) / 1_000_000);
        }
        System.out.println("A2 peakRssMb=" + MemoryBreakdown.statusKb(pid, "VmHWM") / 1024);
        System.out.println("A2 heapCommittedMb=" + Runtime.getRuntime().totalMemory() / (1024 * 1024));
        System.out.println("A2 key=" + HexFormat.of().formatHex(Arrays.copyOf(key, 8)));
    }

    private static byte[] bouncyCastle(byte[] secret, byte[] salt, Argon2idParameters cost) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations()).withParallelism(cost.parallelism()).withSalt(salt).build());
        byte[] out = new byte[32];
        generator.generateBytes(secret, out);
        return out;
    }
}
