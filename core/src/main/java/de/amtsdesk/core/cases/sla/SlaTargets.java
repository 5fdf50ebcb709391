package de.amtsdesk.core.cases.sla;

import java.time.Duration;
import java.util.Objects;

/**
 * Targets for one case type, in business time: the first answer to the citizen, every later answer after the
 * citizen writes again, and closing the case.
 */
public record SlaTargets(Duration firstResponse, Duration nextResponse, Duration resolution) {

    public SlaTargets {
        requirePositive(firstResponse, "firstResponse");
        requirePositive(nextResponse, "nextResponse");
        requirePositive(resolution, "resolution");
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
