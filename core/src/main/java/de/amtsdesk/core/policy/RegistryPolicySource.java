package de.amtsdesk.core.policy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code HKLM\Software\Policies\Amtsdesk}, where Group Policy (the ADMX template) writes. */
public final class RegistryPolicySource implements PolicySource {

    public static final String KEY = "Software\\Policies\\Amtsdesk";

    private final RegistryReader reader;

    public RegistryPolicySource(RegistryReader reader) {
        this.reader = reader;
    }

    @Override
    public String name() {
        return "HKLM\\" + KEY;
    }

    @Override
    public boolean ignoresCase() {
        return true;
    }

    @Override
    public Map<String, Object> read(List<String> warnings) {
        Map<String, Object> values;
        try {
            values = reader.localMachineValues(KEY);
        } catch (RuntimeException | LinkageError e) {
            // Access denied, JNA missing its native part: the rest of the policy still applies.
            warnings.add("policy registry key " + name() + " ignored: not readable (" + e.getClass().getSimpleName()
                    + ")");
            return Map.of();
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        values.forEach((name, value) -> raw.put(name, value instanceof String[] multi ? Arrays.asList(multi) : value));
        return raw;
    }
}
