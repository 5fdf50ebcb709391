package de.amtsdesk.app;

import de.amtsdesk.core.i18n.Translations;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/**
 * Dialog buttons in the app's language. JavaFX's ready-made {@code ButtonType.OK}/{@code CANCEL} (and the buttons an
 * {@code Alert} or {@code TextInputDialog} adds by itself) take their text from the JVM's locale, so an English
 * Windows would show "Cancel" in the German app, and vice versa. Every dialog uses these instead.
 */
public final class Dialogs {

    private Dialogs() {
    }

    public static ButtonType ok(Translations text) {
        return new ButtonType(text.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
    }

    public static ButtonType cancel(Translations text) {
        return new ButtonType(text.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    public static ButtonType close(Translations text) {
        return new ButtonType(text.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }
}
