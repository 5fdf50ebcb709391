package de.amtsdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stop-the-world pauses of one app run, read from its unified GC log ({@code -Xlog:gc:file=...}): a smaller
 * heap must not buy its memory with pauses a caseworker notices.
 */
record GcPauses(int count, double longestMs, double totalMs) {

    /** e.g. {@code [1.234s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 50M->20M(256M) 3.456ms}. */
    private static final Pattern PAUSE = Pattern.compile("\\bPause\\b.* ([0-9]+\\.[0-9]+)ms$");

    static GcPauses read(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return new GcPauses(0, 0, 0);
        }
        int count = 0;
        double longest = 0;
        double total = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher m = PAUSE.matcher(line.trim());
            if (m.find()) {
                double ms = Double.parseDouble(m.group(1));
                count++;
                total += ms;
                longest = Math.max(longest, ms);
            }
        }
        return new GcPauses(count, longest, total);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d pauses, longest %.1f ms, together %.0f ms", count, longestMs, totalMs);
    }
}
