package de.amtsdesk.app.contrast;

import java.util.Optional;

/** Asks the operating system whether the user turned high contrast on. */
public interface HighContrastProbe {

    /**
     * @return whether the system's high-contrast switch is on; empty when this system cannot be asked (no such
     *         setting, the tool or library missing, any failure). Never throws: a probe must not stop the app.
     */
    Optional<Boolean> highContrastOn();

    /** The source named in the log ("Windows", "GNOME"). */
    String name();

    /** For systems with no known way to ask. */
    HighContrastProbe NONE = new HighContrastProbe() {
        @Override
        public Optional<Boolean> highContrastOn() {
            return Optional.empty();
        }

        @Override
        public String name() {
            return "none";
        }
    };
}
