package de.amtsdesk.core.cases;

import de.amtsdesk.core.cases.log.PowerLevels;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The staff room as the fold knows it at a point of the log: joined members (with display names) and power
 * levels. Immutable, replaced on every membership or power-level event.
 */
public record StaffRoom(Map<String, String> members, PowerLevels powerLevels) {

    public StaffRoom {
        members = Map.copyOf(members);
        Objects.requireNonNull(powerLevels, "powerLevels");
    }

    public static StaffRoom empty() {
        return new StaffRoom(Map.of(), PowerLevels.none());
    }

    public boolean isMember(String userId) {
        return members.containsKey(userId);
    }

    public int levelOf(String userId) {
        return powerLevels.levelOf(userId);
    }

    /** The member's display name, or the user ID when none is set. */
    public String displayName(String userId) {
        String name = members.get(userId);
        return name == null || name.isBlank() ? userId : name;
    }

    StaffRoom withMember(String userId, String displayName, boolean joined) {
        Map<String, String> next = new HashMap<>(members);
        if (joined) {
            next.put(userId, displayName == null ? "" : displayName);
        } else {
            next.remove(userId);
        }
        return new StaffRoom(next, powerLevels);
    }

    StaffRoom withPowerLevels(PowerLevels levels) {
        return new StaffRoom(members, levels);
    }
}
