package de.amtsdesk.app;

import de.amtsdesk.core.policy.EffectivePolicy;
import de.amtsdesk.core.policy.PolicyLoader;
import de.amtsdesk.core.policy.PolicySource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin policy of this machine, applied where it has to be in place before anything else runs: the log folder
 * and level are system properties that logback.xml reads when logging starts, and the proxy is the JVM's default
 * selector before the first HTTP client is built. Everything else is applied by the screens that show the setting.
 */
public final class MachinePolicy {

    /** Read by logback.xml: the log folder and the root level. */
    static final String LOG_DIR_PROPERTY = "amtsdesk.logDir";
    static final String LOG_LEVEL_PROPERTY = "amtsdesk.logLevel";

    private MachinePolicy() {
    }

    /**
     * Reads the policy and applies logging and proxy. Must run before the first logger is asked for: logback reads
     * its configuration once, at that moment. The policy's warnings are logged afterwards, into the folder it names.
     */
    public static EffectivePolicy applyAtStart(List<PolicySource> sources) {
        EffectivePolicy policy = PolicyLoader.read(sources);
        // The policy wins over a -Damtsdesk.logDir on the command line: it is the admin's setting.
        policy.logDirectory().ifPresent(directory -> System.setProperty(LOG_DIR_PROPERTY, directory));
        policy.logLevel().ifPresent(level -> System.setProperty(LOG_LEVEL_PROPERTY, level));
        policy.proxy().ifPresent(proxy -> proxy.install());
        Logger log = LoggerFactory.getLogger(MachinePolicy.class);
        policy.warnings().forEach(warning -> log.warn("{}", warning));
        policy.values().forEach(value -> log.info("policy {} locked by {}", value.key().key(), value.source()));
        return policy;
    }
}
