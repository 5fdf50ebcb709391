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

    /** The upper median (the middle value of an odd count). */
    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
