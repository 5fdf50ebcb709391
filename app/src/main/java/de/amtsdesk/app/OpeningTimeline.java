package de.amtsdesk.app;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.LongSupplier;

/**
 * How long the way from the submitted passphrase to the shown workspace took, step by step: one line in the log per
 * unlock, so that "the app takes long to open" on a caseworker's PC can be answered from the log (issue 8), and the
 * steps the start-up benchmark cannot see from outside are named.
 */
final class OpeningTimeline {

    private final LongSupplier nanos;
    private final long start;
    private final Map<String, Long> steps = new LinkedHashMap<>();

    OpeningTimeline(LongSupplier nanos) {
        this.nanos = nanos;
        this.start = nanos.getAsLong();
    }

    static OpeningTimeline startNow() {
        return new OpeningTimeline(System::nanoTime);
    }

    /** The step just finished; a step already recorded keeps its first time. */
    synchronized void reached(String step) {
        steps.putIfAbsent(step, (nanos.getAsLong() - start) / 1_000_000);
    }

    /** e.g. {@code "vault and database 431 ms, staff profile 455 ms, …"}: milliseconds since the passphrase. */
    synchronized String summary() {
        StringJoiner out = new StringJoiner(", ");
        steps.forEach((step, millis) -> out.add(String.format(Locale.ROOT, "%s %d ms", step, millis)));
        return out.toString();
    }
}
