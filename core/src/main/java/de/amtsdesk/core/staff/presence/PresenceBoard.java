package de.amtsdesk.core.staff.presence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who else has which case open or is writing to its citizen, from the presence signals of the staff room. Keeps the
 * latest signal per member and case; a signal past its time counts for nothing. Thread-safe: the fold records, the
 * window reads.
 */
public final class PresenceBoard {

    private final Clock clock;
    private final Map<String, Map<String, StaffPresence>> byCase = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public PresenceBoard(Clock clock) {
        this.clock = clock;
    }

    /** Takes a signal; a member's newer signal for the same case replaces the older one. */
    public void record(StaffPresence signal) {
        byCase.computeIfAbsent(signal.caseId(), c -> new ConcurrentHashMap<>()).put(signal.userId(), signal);
        listeners.forEach(l -> l.accept(signal.caseId()));
    }

    /** The members other than {@code me} active on the case now, writers first. */
    public List<StaffPresence> others(String caseId, String me) {
        Instant now = clock.instant();
        Map<String, StaffPresence> signals = byCase.getOrDefault(caseId, Map.of());
        List<StaffPresence> active = new ArrayList<>();
        for (StaffPresence signal : signals.values()) {
            if (!signal.userId().equals(me) && signal.activeAt(now)) {
                active.add(signal);
            }
        }
        active.sort(Comparator.comparing(StaffPresence::activity).reversed().thenComparing(StaffPresence::userId));
        return active;
    }

    /** Whether someone other than {@code me} is writing a reply to this case's citizen now. */
    public List<StaffPresence> writers(String caseId, String me) {
        return others(caseId, me).stream().filter(s -> s.activity() == StaffPresence.Activity.WRITING).toList();
    }

    /** Told the case ID whenever a signal for it arrives (not when one expires: readers look at the clock). */
    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<String> listener) {
        listeners.remove(listener);
    }
}
