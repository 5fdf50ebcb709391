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
        return Optional.ofNullable(name == null ? null : BY_WIRE_NAME.get(name));
    }

    /** Looked up once per case and moment when a stored case book is restored at start. */
    private static final java.util.Map<String, CaseStatus> BY_WIRE_NAME = java.util.Map.copyOf(
            Arrays.stream(values()).collect(java.util.stream.Collectors.toMap(CaseStatus::wireName, s -> s)));

    /** The SLA clocks stand still in these states. */
    public boolean pausesSla() {
        return this == WAITING || this == CLOSED;
    }

    public String messageKey() {
        return "case.status." + wireName();
    }
}
