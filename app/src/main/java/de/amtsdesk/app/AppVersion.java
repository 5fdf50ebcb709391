package de.amtsdesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, as Maven wrote it into the jar; "dev" when running from the class folders. */
public final class AppVersion {

    private static final String POM_PROPERTIES = "/META-INF/maven/de.amtsdesk/amtsdesk-app/pom.properties";

    private AppVersion() {
    }

    public static String current() {
        String fromManifest = AppVersion.class.getPackage().getImplementationVersion();
        if (fromManifest != null) {
            return fromManifest;
        }
        try (InputStream in = AppVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "dev");
            }
        } catch (IOException e) {
            // Not worth failing over: the version is information only.
        }
        return "dev";
    }
}
