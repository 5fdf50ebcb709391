package de.amtsdesk.app;

import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Where the log files are, so that every text that says "details are in the log" can name the folder. Asks logback
 * for the folder its configuration resolved (logback.xml puts LOG_DIR into the context); falls back to the same rule
 * the configuration uses when another configuration (tests) is active.
 */
public final class LogLocation {

    private LogLocation() {
    }

    public static Path directory() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            String configured = context.getProperty("LOG_DIR");
            if (configured != null && !configured.isBlank()) {
                return Path.of(configured);
            }
        }
        String property = System.getProperty("amtsdesk.logDir");
        return property != null && !property.isBlank() ? Path.of(property)
                : Path.of(System.getProperty("user.home"), ".amtsdesk", "logs");
    }
}
