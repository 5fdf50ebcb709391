package de.amtsdesk.app.contrast;

import java.util.Locale;

/** The probe that fits the running system. */
public final class HighContrastProbes {

    private HighContrastProbes() {
    }

    public static HighContrastProbe forThisSystem() {
        return forSystem(System.getProperty("os.name", ""));
    }

    static HighContrastProbe forSystem(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new WindowsHighContrastProbe();
        }
        if (os.contains("linux") || os.contains("bsd")) {
            return new GnomeHighContrastProbe(CommandRunner.process());
        }
        return HighContrastProbe.NONE;
    }
}
