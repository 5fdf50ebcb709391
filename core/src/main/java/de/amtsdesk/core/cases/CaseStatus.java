package de.amtsdesk.core.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a case stands. {@code untriaged} until someone gives it a type, then {@code open}; {@code waiting} while
 * the agency waits for the citizen (SLA clocks pause); {@code closed} until the citizen writes again.
 */
public enum CaseStatus {
    UNTRIAGED, OPEN, WAITING, CLOSED;

    /** The name used in event content ({@code "open"}, {@code "waiting"}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CaseStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }

    /** The SLA clocks stand still in these states. */
    public boolean pausesSla() {
        return this == WAITING || this == CLOSED;
    }

    public String messageKey() {
        return "case.status." + wireName();
    }
}
