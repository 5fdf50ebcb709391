package de.amtsdesk.app.lead;

import java.nio.file.Path;
import java.util.Optional;

/** Where the lead saves an export: a file dialog in the app, a fixed path in tests. */
@FunctionalInterface
public interface ReportFiles {

    /** The file the lead picked for {@code suggestedName}, or empty when they cancelled. */
    Optional<Path> chooseCsv(String suggestedName);
}
