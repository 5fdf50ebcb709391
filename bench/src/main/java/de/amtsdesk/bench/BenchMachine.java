package de.amtsdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Facts about the machine a benchmark ran on, and the median the reports use. */
final class BenchMachine {

    private BenchMachine() {
    }

    /** /proc/loadavg as it reads now ("unknown" where there is none). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * The lines every report starts with after its title: date, Java, CPUs and the load average when the bench began
     * (the packaged benches measure another JVM than the one writing, so their "java" is the writer's).
     */
    static String header(String loadAtStart) {
        return "date: " + java.time.Instant.now() + "\n"
                + "java: " + System.getProperty("java.vendor") + " " + System.getProperty("java.version") + "\n"
                + "cpus: " + Runtime.getRuntime().availableProcessors() + "\n"
                + "load-average-at-start: " + loadAtStart + "\n";
    }

    /** The upper median (the middle value of an odd count). */
    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
