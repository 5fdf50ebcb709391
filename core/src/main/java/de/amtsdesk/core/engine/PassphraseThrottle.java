package de.amtsdesk.core.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down guessing at the unlock screen: after each wrong workstation passphrase the next attempt must wait
 * longer (0, 1, 2, 4, 8, 16, then 30 s). The count lives in the data folder, so closing and restarting Amtsdesk does
 * not reset it; a correct passphrase does.
 *
 * <p>This is a brake for someone at the keyboard, not the protection of the data: whoever can copy the data folder
 * can also delete this file, and against that Argon2id in the vault is what counts. So a damaged record fails
 * closed (longest wait) and a clock set back never makes the wait longer than one step.
 */
public final class PassphraseThrottle {

    static final String FILE_NAME = "unlock-throttle.properties";
    static final Duration LONGEST = Duration.ofSeconds(30);
    /** The failure count whose wait is {@link #LONGEST}; a damaged record counts as this many. */
    static final int SATURATED = 7;

    private static final Logger LOG = LoggerFactory.getLogger(PassphraseThrottle.class);

    private final Path file;

    public PassphraseThrottle(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    /** The wait imposed after {@code failures} wrong passphrases in a row: a first typo costs nothing. */
    static Duration delayAfter(int failures) {
        if (failures <= 1) {
            return Duration.ZERO;
        }
        if (failures >= SATURATED) {
            return LONGEST;
        }
        Duration delay = Duration.ofSeconds(1L << (failures - 2));
        return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
    }

    /** How long the caseworker must still wait before the next attempt is taken; zero when they may try now. */
    public synchronized Duration remaining(Instant now) {
        Record record = read();
        Duration delay = delayAfter(record.failures);
        Duration elapsed = Duration.between(record.lastFailure, now);
        if (elapsed.isNegative()) {
            // The clock went back: wait one full step, never longer.
            return delay;
        }
        Duration left = delay.minus(elapsed);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public synchronized int failures() {
        return read().failures;
    }

    /** Counts a wrong passphrase; the next {@link #remaining} grows accordingly. */
    public synchronized void recordFailure(Instant now) {
        int failures = Math.min(read().failures + 1, SATURATED);
        Properties properties = new Properties();
        properties.setProperty("failures", Integer.toString(failures));
        properties.setProperty("lastFailure", now.toString());
        try {
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            StringBuilder text = new StringBuilder("# Wrong workstation passphrases in a row; deleted on success\n");
            properties.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Unlocking must not depend on this file being writable; the in-process wait still applies.
            LOG.warn("cannot record the wrong passphrase in {}: {}", file, e.toString());
        }
    }

    /** The right passphrase was entered: the next wrong one starts from the beginning again. */
    public synchronized void reset() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot reset {}: {}", file, e.toString());
        }
    }

    private Record read() {
        if (!Files.exists(file)) {
            return new Record(0, Instant.EPOCH);
        }
        try {
            Properties properties = new Properties();
            properties.load(new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            int failures = Integer.parseInt(properties.getProperty("failures", "").strip());
            Instant last = Instant.parse(properties.getProperty("lastFailure", "").strip());
            if (failures < 0) {
                throw new IllegalArgumentException("negative count");
            }
            return new Record(Math.min(failures, SATURATED), last);
        } catch (IOException | RuntimeException e) {
            // Edited or half-written: fail closed with the longest wait, counted from when the file was written.
            LOG.warn("unreadable unlock throttle {} ({}); applying the longest wait", file, e.toString());
            return new Record(SATURATED, lastModified());
        }
    }

    private Instant lastModified() {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private record Record(int failures, Instant lastFailure) { }
}
