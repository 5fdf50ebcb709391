package de.amtsdesk.core.cases;

import java.util.Objects;

/**
 * Local configuration of the fold: the policy in force before the first policy event, and the power level from
 * which a staff member counts as a team lead (when the room's power levels do not name a level for an event
 * type themselves). All workstations of a unit must be configured alike; ADR 0005 says why that is acceptable.
 */
public record UnitConfig(UnitPolicy initialPolicy, int leadLevel) {

    public static final int DEFAULT_LEAD_LEVEL = 50;

    public UnitConfig {
        Objects.requireNonNull(initialPolicy, "initialPolicy");
    }

    public static UnitConfig defaults(String unitCode) {
        return new UnitConfig(UnitPolicy.defaults(unitCode), DEFAULT_LEAD_LEVEL);
    }
}
