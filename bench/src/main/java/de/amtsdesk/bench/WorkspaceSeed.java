package de.amtsdesk.bench;

import de.amtsdesk.core.cases.UnitConfig;
import de.amtsdesk.core.engine.Workstation;
import de.amtsdesk.e2e.harness.SeededWorkstation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The seeded workstation of the workspace benchmarks: a {@link SeededWorkstation} with 10,000 cases, made once
 * under {@code ~/.cache/amtsdesk/bench-workspace} and reused while its marker file says it is the same seed.
 */
final class WorkspaceSeed {

    static final String PASSPHRASE = "korrekt Pferd Batterie Heftklammer 4711";
    static final String STAFF_ROOM = SeededWorkstation.STAFF_ROOM;
    static final String LEAD = SeededWorkstation.LEAD;
    static final String FUNCTIONAL = SeededWorkstation.FUNCTIONAL;
    static final String ME = SeededWorkstation.ME;
    static final int CASES = 10_000;
    static final int WORKERS = SeededWorkstation.WORKERS;
    static final Instant NOW = SeededWorkstation.NOW;
    static final UnitConfig CONFIG = SeededWorkstation.CONFIG;
    /** Bump when the generator changes: an older seed directory is then made again. */
    private static final String VERSION = "3"; // 3: binary snapshot format 3 (schema 9)

    private WorkspaceSeed() {
    }

    static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "amtsdesk", "bench-workspace");
    }

    /** Whether {@code dir} holds a complete seed of this version (the marker is written last). */
    static boolean valid(Path dir) {
        Path marker = dir.resolve("bench-seed.properties");
        if (!Files.isRegularFile(marker) || !Workstation.exists(dir)
                || !Workstation.hasProfile(dir, Workstation.STAFF_PROFILE)) {
            return false;
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(marker)) {
            p.load(in);
        } catch (IOException e) {
            return false;
        }
        return VERSION.equals(p.getProperty("version")) && String.valueOf(CASES).equals(p.getProperty("cases"));
    }

    /** Makes the seed (deleting an incomplete or outdated one); returns a one-line description. */
    static String ensure(Path dir) throws Exception {
        if (valid(dir)) {
            return "reused " + dir;
        }
        deleteTree(dir);
        Files.createDirectories(dir.getParent());
        long start = System.nanoTime();
        SeededWorkstation.Written written = SeededWorkstation.write(dir, PASSPHRASE.toCharArray(), CASES);
        int staffEvents = written.staffEvents();
        int messages = written.citizenMessages();
        int cases = written.cases();
        Properties p = new Properties();
        p.setProperty("version", VERSION);
        p.setProperty("cases", String.valueOf(cases));
        p.setProperty("staffEvents", String.valueOf(staffEvents));
        p.setProperty("citizenMessages", String.valueOf(messages));
        try (var out = Files.newOutputStream(dir.resolve("bench-seed.properties"))) {
            p.store(out, "Amtsdesk workspace benchmark seed");
        }
        return String.format(Locale.ROOT, "made %s in %.0f s (%d staff-room events, %d citizen-room messages)", dir,
                (System.nanoTime() - start) / 1e9, staffEvents, messages);
    }

    /** The seed's own description from its marker file. */
    static String describe(Path dir) {
        Properties p = new Properties();
        try (var in = Files.newInputStream(dir.resolve("bench-seed.properties"))) {
            p.load(in);
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("cases") + " cases from " + p.getProperty("staffEvents") + " staff-room events, "
                + p.getProperty("citizenMessages") + " citizen-room messages";
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
