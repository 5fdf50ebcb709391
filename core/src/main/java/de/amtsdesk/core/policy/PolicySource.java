package de.amtsdesk.core.policy;

import java.util.List;
import java.util.Map;

/**
 * One place policy is read from. Returns raw values by name (String, Boolean, Integer/Long, List of Strings, or
 * anything else a hostile source holds: the loader refuses those). Problems with the source as a whole (unreadable,
 * too large, not JSON) go into {@code warnings}, once, naming the source; never an exception.
 */
public interface PolicySource {

    /** Shown in doctor and warnings: the registry key or the file's path. */
    String name();

    /** Whether value names are matched ignoring case (the Windows registry does). */
    default boolean ignoresCase() {
        return false;
    }

    Map<String, Object> read(List<String> warnings);
}
