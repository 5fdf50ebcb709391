package de.amtsdesk.core.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the admin policy from its sources in order of precedence: the first source that sets a key wins. Every
 * refused key, unknown key or unusable source is one warning (logged and kept in the result); nothing here throws.
 */
public final class PolicyLoader {

    /** Where Linux installs look. */
    public static final Path LINUX_FILE = Path.of("/etc/amtsdesk/policy.json");

    private PolicyLoader() {
    }

    /** The sources of this machine: on Windows the registry, then {@code %ProgramData%\Amtsdesk\policy.json}. */
    public static List<PolicySource> sourcesForThisMachine() {
        return sources(System.getProperty("os.name", ""), System::getenv, null);
    }

    /** As {@link #sourcesForThisMachine()}; {@code registry} null means the real one on Windows. */
    static List<PolicySource> sources(String osName, Function<String, String> env, RegistryReader registry) {
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            RegistryPolicySource fromRegistry =
                    new RegistryPolicySource(registry != null ? registry : new WindowsRegistryReader());
            String programData = env.apply("ProgramData");
            // Windows always sets ProgramData; without it there is no file to read, the registry still counts.
            return programData == null || programData.isBlank() ? List.of(fromRegistry)
                    : List.of(fromRegistry, new JsonPolicyFile(Path.of(programData, "Amtsdesk", "policy.json")));
        }
        return List.of(new JsonPolicyFile(LINUX_FILE));
    }

    public static EffectivePolicy forThisMachine() {
        return load(sourcesForThisMachine());
    }

    /** Reads the sources and logs each warning. */
    public static EffectivePolicy load(List<PolicySource> sources) {
        EffectivePolicy policy = read(sources);
        // Asked for here, not in a static field: read() must be usable before logging is configured (the policy
        // itself says where the log goes and how much of it).
        Logger log = LoggerFactory.getLogger(PolicyLoader.class);
        policy.warnings().forEach(w -> log.warn("{}", w));
        return policy;
    }

    /** Reads the sources without logging; the warnings are in the result for the caller to report. */
    public static EffectivePolicy read(List<PolicySource> sources) {
        Map<PolicyKey, PolicyValue> values = new EnumMap<>(PolicyKey.class);
        List<String> warnings = new ArrayList<>();
        for (PolicySource source : sources) {
            List<String> sourceWarnings = new ArrayList<>();
            Map<String, Object> raw;
            try {
                raw = source.read(sourceWarnings);
            } catch (RuntimeException e) {
                sourceWarnings.add("policy source " + source.name() + " ignored: " + e.getClass().getSimpleName());
                raw = Map.of();
            }
            raw.forEach((name, value) -> {
                var key = PolicyKey.byKey(name, source.ignoresCase());
                if (key.isEmpty()) {
                    sourceWarnings.add("policy key \"" + printable(name) + "\" in " + source.name()
                            + " ignored: not a known setting");
                    return;
                }
                PolicyKey.Checked checked = key.get().check(value);
                if (!checked.accepted()) {
                    sourceWarnings.add("policy key \"" + key.get().key() + "\" in " + source.name() + " ignored: "
                            + checked.problem());
                } else if (!values.containsKey(key.get())) {
                    values.put(key.get(), new PolicyValue(key.get(), checked.value(), source.name()));
                }
            });
            warnings.addAll(sourceWarnings);
        }
        return new EffectivePolicy(values, warnings);
    }

    /** An unknown name as it can safely go into a log line: no control characters, not endless. */
    private static String printable(String name) {
        String clean = name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
    }
}
