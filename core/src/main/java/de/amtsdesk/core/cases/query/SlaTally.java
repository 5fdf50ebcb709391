package de.amtsdesk.core.cases.query;

import java.util.EnumMap;
import java.util.Map;

/** The SLA shares of one case type or one caseworker ({@code key}); every target is present, possibly empty. */
public record SlaTally(String key, Map<SlaTarget, SlaShare> shares) {

    public SlaTally {
        Map<SlaTarget, SlaShare> all = new EnumMap<>(SlaTarget.class);
        for (SlaTarget target : SlaTarget.values()) {
            all.put(target, shares.getOrDefault(target, SlaShare.NONE));
        }
        shares = java.util.Collections.unmodifiableMap(all);
    }

    public SlaShare share(SlaTarget target) {
        return shares.get(target);
    }
}
