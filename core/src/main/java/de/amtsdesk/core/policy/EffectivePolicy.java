package de.amtsdesk.core.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The policy in force: for each locked setting its value and source, plus every warning met while reading. */
public final class EffectivePolicy {

    /** No policy at all (no sources, or nothing valid in them). */
    public static final EffectivePolicy NONE = new EffectivePolicy(Map.of(), List.of());

    private final Map<PolicyKey, PolicyValue> values;
    private final List<String> warnings;

    EffectivePolicy(Map<PolicyKey, PolicyValue> values, List<String> warnings) {
        this.values = values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(values));
        this.warnings = List.copyOf(warnings);
    }

    public Optional<PolicyValue> get(PolicyKey key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The locked values in allow-list order. */
    public List<PolicyValue> values() {
        return new ArrayList<>(values.values());
    }

    public List<String> warnings() {
        return warnings;
    }

    public boolean locked(PolicyKey key) {
        return values.containsKey(key);
    }

    public Optional<String> homeserver() {
        return text(PolicyKey.HOMESERVER);
    }

    public Optional<String> functionalAccount() {
        return text(PolicyKey.FUNCTIONAL_ACCOUNT);
    }

    /** The RFC 3161 time-stamping authority notices are signed with (B-T); the editor shows it locked. */
    public Optional<String> tsaUrl() {
        return text(PolicyKey.TSA_URL);
    }

    /** {@code host:port} of the HTTP proxy every connection of the app goes through. */
    public Optional<ProxyAddress> proxy() {
        return text(PolicyKey.PROXY).map(ProxyAddress::parse);
    }

    public Optional<String> logDirectory() {
        return text(PolicyKey.LOG_DIRECTORY);
    }

    /** One of {@link PolicyKey#LOG_LEVELS}, upper case. */
    public Optional<String> logLevel() {
        return text(PolicyKey.LOG_LEVEL);
    }

    /** Certificate files (absolute paths) that PDF signature checks trust as anchors; empty when not locked. */
    @SuppressWarnings("unchecked")
    public List<String> pdfTrustAnchors() {
        return get(PolicyKey.PDF_TRUST_ANCHORS).map(v -> (List<String>) v.value()).orElse(List.of());
    }

    private Optional<String> text(PolicyKey key) {
        return get(key).map(v -> (String) v.value());
    }

    public Optional<Integer> idleLockMinutes() {
        return get(PolicyKey.IDLE_LOCK_MINUTES).map(v -> (Integer) v.value());
    }

    /** A feature is allowed unless the policy says false. */
    public boolean allows(PolicyKey feature) {
        if (feature.kind() != PolicyKey.Kind.BOOLEAN) {
            throw new IllegalArgumentException("not a feature switch: " + feature);
        }
        return get(feature).map(v -> (Boolean) v.value()).orElse(true);
    }
}
