package de.amtsdesk.app;

import de.amtsdesk.core.i18n.Translations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads an FXML view with the app's translations and a controller made by the caller, so controllers get their
 * view model through the constructor instead of reaching for singletons.
 */
public final class ViewLoader {

    private final Translations text;

    public ViewLoader(Translations text) {
        this.text = text;
    }

    public Parent load(Class<?> viewClass, Supplier<?> controller) {
        String fxml = viewClass.getSimpleName() + ".fxml";
        FXMLLoader loader = new FXMLLoader(viewClass.getResource(fxml), text.bundle());
        Map<Class<?>, Supplier<?>> factories = Map.of(viewClass, controller);
        loader.setControllerFactory(type -> {
            Supplier<?> supplier = factories.get(type);
            if (supplier == null) {
                throw new IllegalStateException("no controller factory for " + type.getName());
            }
            return supplier.get();
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + fxml, e);
        }
    }
}
