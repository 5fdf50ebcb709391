package de.amtsdesk.app;

import de.amtsdesk.core.policy.JsonPolicyFile;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Started in a JVM of its own by {@link MachinePolicyTest}: logging starts once per JVM, so only a fresh one shows
 * whether the policy reached logback before it did. Takes the launcher's first steps with the policy file given (so
 * nothing the launcher does before the policy may start logging), logs one line per level, prints the proxy the JVM
 * now uses.
 */
public final class MachinePolicyProbe {

    private MachinePolicyProbe() {
    }

    public static void main(String[] args) {
        Launcher.startUp(List.of(new JsonPolicyFile(Path.of(args[0])))); // the launcher's own first steps
        var log = LoggerFactory.getLogger("probe");
        log.debug("probe debug line");
        log.info("probe info line");
        log.warn("probe warn line");
        System.out.println("proxy " + ProxySelector.getDefault().select(URI.create("https://matrix.amt.example/")));
        System.out.println("logDir " + LogLocation.directory());
    }
}
