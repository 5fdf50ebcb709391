package de.amtsdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resident memory of the caseworker's workspace with the 10,000 seeded cases (issue 11: RSS goal < 350 MB): the
 * workspace benchmark's child (vault, both encrypted stores, the staff fold of 10,000 cases, the queue window on
 * Monocle) started in fresh JVMs under several heap settings, alternating; RSS read from /proc after the queue
 * shows and again after the scripted interaction (scrolling, saved views, search). Median of {@code --runs} per
 * setting. Results go to bench/results/memory.txt.
 */
public final class MemoryBench {

    /** Heap settings compared: the JVM's default (a quarter of RAM), and bounded ones a deployment could ship. */
    private static final List<List<String>> SETTINGS = List.of(
            List.of(),
            List.of("-Xmx512m"),
            List.of("-Xmx256m"),
            List.of("-Xmx256m", "-XX:+UseSerialGC"),
            List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=64m"));

    private MemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 3;
        Path results = Path.of("bench/results/memory.txt");
        for (String arg : args) {
            if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring(7));
            } else if (arg.startsWith("--out=")) {
                results = Path.of(arg.substring(6));
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        Path dir = WorkspaceSeed.defaultDir();
        String seed = WorkspaceSeed.ensure(dir);
        String classpath = System.getProperty("java.class.path");
        List<List<Map<String, String>>> bySetting = new ArrayList<>();
        SETTINGS.forEach(s -> bySetting.add(new ArrayList<>()));
        for (int run = 0; run < runs; run++) {
            for (int k = 0; k < SETTINGS.size(); k++) {
                // Alternate the order each round, so no setting always runs on a warmer page cache.
                int i = run % 2 == 0 ? k : SETTINGS.size() - 1 - k;
                Map<String, String> values;
                try {
                    values = WorkspaceQueueBench.runChild(classpath, dir, false, true,
                            SETTINGS.get(i).toArray(String[]::new));
                } catch (RuntimeException e) {
                    System.out.printf("run %d %s failed: %s%n", run + 1, label(SETTINGS.get(i)), e.getMessage());
                    continue;
                }
                bySetting.get(i).add(values);
                System.out.printf("run %d %s: rss after interaction %s kB, peak %s kB, rows %s%n", run + 1,
                        label(SETTINGS.get(i)), values.get("memory.interacted.rssKb"),
                        values.get("memory.interacted.peakRssKb"), values.get("rows"));
            }
        }
        StringBuilder report = new StringBuilder();
        report.append("# Resident memory of the workspace with 10,000 cases (MemoryBench)\n");
        report.append(BenchMachine.header(load));
        report.append("seed: ").append(seed).append('\n');
        report.append("what-runs: the workspace benchmark's child (Workstation.unlock: vault + the functional"
                + " account's encrypted store; staff profile; StaffLogFold of 10,000 cases; QueueView on Monocle,"
                + " prism sw), then its scripted interaction (scrolling, saved views, search). Not loaded: the"
                + " agency engine (sync, crypto machine) — the citizen rooms' messages are in the store, not in"
                + " memory.\n");
        report.append("runs-per-setting: ").append(runs).append(" (fresh JVMs, order alternating)\n");
        boolean met = false;
        for (int i = 0; i < SETTINGS.size(); i++) {
            List<Map<String, String>> values = bySetting.get(i).stream()
                    .filter(v -> v.containsKey("memory.interacted.rssKb")).toList();
            if (values.isEmpty()) {
                report.append(String.format(Locale.ROOT, "setting[%s]: no run finished (out of memory?)%n",
                        label(SETTINGS.get(i))));
                continue;
            }
            long shown = median(values, "memory.shown.rssKb");
            long after = median(values, "memory.interacted.rssKb");
            long peak = median(values, "memory.interacted.peakRssKb");
            long heap = median(values, "memory.interacted.heapUsedKb");
            long startMs = median(values, "mark.firstFrameWithRows");
            report.append(String.format(Locale.ROOT, "setting[%s]: rss-mb shown %d, after interaction %d, peak %d;"
                    + " heap used %d MB; JVM start→queue %d ms%n", label(SETTINGS.get(i)), shown / 1024,
                    after / 1024, peak / 1024, heap / 1024, startMs));
            met |= peak / 1024 < 350 && values.size() == runs;
        }
        report.append("goal peak RSS < 350 MB: ").append(met ? "met with at least one setting above" : "FAIL")
                .append('\n');
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, report);
        System.out.print(report);
        System.exit(0);
    }

    private static String label(List<String> setting) {
        return setting.isEmpty() ? "default heap" : String.join(" ", setting);
    }

    private static long median(List<Map<String, String>> runs, String key) {
        List<Long> values = new ArrayList<>();
        for (Map<String, String> run : runs) {
            String value = run.get(key);
            if (value == null) {
                throw new IllegalStateException("a run did not report " + key + ": " + run.keySet());
            }
            values.add(Long.parseLong(value.strip()));
        }
        values.sort(Long::compare);
        return values.get(values.size() / 2);
    }
}
