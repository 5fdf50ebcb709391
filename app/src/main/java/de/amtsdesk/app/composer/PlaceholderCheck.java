package de.amtsdesk.app.composer;

import de.amtsdesk.core.cases.templates.Placeholders;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds template placeholders still unfilled in a reply ({@code {citizen.name}} left by the renderer when the case
 * had no value), so the composer names them before anything reaches the citizen.
 */
public final class PlaceholderCheck {

    private PlaceholderCheck() {
    }

    public static List<String> unfilled(String reply) {
        List<String> missing = new ArrayList<>();
        if (reply == null) {
            return missing;
        }
        for (String name : Placeholders.KNOWN) {
            if (reply.contains("{" + name + "}")) {
                missing.add(name);
            }
        }
        return missing;
    }
}
