package de.amtsdesk.app.contrast;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the high-contrast style sheet is used, and what decided it: {@code --high-contrast} first (IT or the
 * caseworker chose it), else the operating system's own switch (Windows contrast themes, GNOME's "high contrast"),
 * else off. There is no "force off": without the option the system's choice stands, as in every other program.
 *
 * @param on     whether to add the high-contrast style sheet
 * @param source what decided: "--high-contrast", the probe's name, or "default"
 */
public record HighContrastSetting(boolean on, String source) {

    private static final Logger LOG = LoggerFactory.getLogger(HighContrastSetting.class);
    static final String OPTION = "--high-contrast";
    static final String DEFAULT = "default";

    /** Decides without logging (the probe is only asked when the option leaves the choice open). */
    public static HighContrastSetting decide(boolean option, HighContrastProbe system) {
        if (option) {
            return new HighContrastSetting(true, OPTION);
        }
        return system.highContrastOn()
                .map(on -> new HighContrastSetting(on, system.name()))
                .orElseGet(() -> new HighContrastSetting(false, DEFAULT));
    }

    /** Decides for this machine and logs once which source decided (support asks "why is it black?"). */
    public static HighContrastSetting forThisMachine(boolean option) {
        HighContrastSetting setting = decide(option, option ? HighContrastProbe.NONE : HighContrastProbes.forThisSystem());
        LOG.info("high contrast {} (decided by {})", setting.on() ? "on" : "off", setting.source());
        return setting;
    }
}
