package de.amtsdesk.e2e.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the harness finds its files. Surefire sets the system properties (see src-test/pom.xml); a
 * standalone caller (the demo's main()) usually runs from the reactor root or from src-test/, so the
 * fallbacks look there.
 */
public final class HarnessPaths {
    public static final String SRC_TEST_DIR_PROPERTY = "amtsdesk.srcTestDir";
    public static final String CACHE_DIR_PROPERTY = "amtsdesk.cacheDir";
    public static final String REPORTS_DIR_PROPERTY = "amtsdesk.reportsDir";

    private HarnessPaths() {}

    /** The src-test module directory (holds synapse/ and citizen/). */
    public static Path srcTestDir() {
        String prop = System.getProperty(SRC_TEST_DIR_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (Files.isDirectory(cwd.resolve("synapse")) && Files.isDirectory(cwd.resolve("citizen"))) {
            return cwd;
        }
        if (Files.isDirectory(cwd.resolve("src-test").resolve("synapse"))) {
            return cwd.resolve("src-test"); // started from the reactor root
        }
        return cwd;
    }

    /**
     * Cache outside the clone (venvs survive `mvn clean` and new clones). Same default as the parent
     * pom's amtsdesk.cache.dir and install-synapse.sh's AMTSDESK_CACHE_DIR, so all three agree.
     */
    public static Path cacheDir() {
        String prop = System.getProperty(CACHE_DIR_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        String env = System.getenv("AMTSDESK_CACHE_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "amtsdesk");
    }

    /** Where logs worth reading after a failure go (surefire-reports under Maven). */
    public static Path reportsDir() {
        String prop = System.getProperty(REPORTS_DIR_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        return srcTestDir().resolve("target").resolve("harness-logs");
    }

    /** A file name fragment safe on every file system (test class names, citizen names). */
    static String safeFileName(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
