package de.amtsdesk.app.contrast;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * GNOME's switch (Settings → Accessibility → High Contrast) through {@code gsettings}, the documented way to read a
 * GSettings key from outside GNOME's libraries. Without GNOME, without the tool or when it hangs (no session bus) the
 * answer is empty, i.e. "off", and the app starts normally.
 */
final class GnomeHighContrastProbe implements HighContrastProbe {

    static final List<String> COMMAND = List.of("gsettings", "get", "org.gnome.desktop.a11y.interface",
            "high-contrast");
    /** gsettings answers in milliseconds; a hanging D-Bus must not hold up the window for long. */
    static final Duration TIMEOUT = Duration.ofMillis(1500);

    private final CommandRunner commands;

    GnomeHighContrastProbe(CommandRunner commands) {
        this.commands = commands;
    }

    @Override
    public Optional<Boolean> highContrastOn() {
        return commands.run(COMMAND, TIMEOUT).map(String::strip).flatMap(GnomeHighContrastProbe::parse);
    }

    /** gsettings prints a GVariant: {@code true} or {@code false}; anything else (an error text) is no answer. */
    static Optional<Boolean> parse(String printed) {
        return switch (printed) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    @Override
    public String name() {
        return "GNOME (gsettings org.gnome.desktop.a11y.interface high-contrast)";
    }
}
