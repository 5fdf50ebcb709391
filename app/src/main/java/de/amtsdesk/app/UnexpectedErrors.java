package de.amtsdesk.app;

import de.amtsdesk.core.i18n.Translations;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the caseworker sees when the window's own code fails in a way nobody foresaw: an exception on the FX thread
 * used to end the action silently (a button that did nothing, a dialog that never opened) and only the console knew.
 * Now it is logged with its stack trace and a message says that the action failed, that nothing typed is lost, and
 * where the log is. One message at a time: a failure repeated on every pulse does not pile up windows.
 */
public final class UnexpectedErrors implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrors.class);

    private final Translations text;
    private final java.util.function.Supplier<Window> owner;
    private final AtomicBoolean showing = new AtomicBoolean();

    public UnexpectedErrors(Translations text, java.util.function.Supplier<Window> owner) {
        this.text = text;
        this.owner = owner;
    }

    /** Installs this handler on the calling thread, which must be the FX thread. */
    public void installOnFxThread() {
        Thread.currentThread().setUncaughtExceptionHandler(this);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        LOG.error("unexpected failure on {}", thread.getName(), failure);
        if (!showing.compareAndSet(false, true)) {
            return;
        }
        try {
            Alert alert = new Alert(Alert.AlertType.ERROR, message(failure), Dialogs.ok(text));
            alert.setTitle(text.get("app.title"));
            alert.setHeaderText(text.get("unexpected.header"));
            Window window = owner.get();
            if (window != null && window.isShowing() && window.getScene() != null) {
                alert.initOwner(window);
            }
            alert.setOnHidden(event -> showing.set(false));
            alert.show();
        } catch (RuntimeException | Error e) {
            showing.set(false);
            LOG.error("the message about an unexpected failure could not be shown either", e);
        }
    }

    /** The message body: what failed in words a caseworker can pass on, and where the log is. */
    String message(Throwable failure) {
        return text.get("unexpected.body", failure.getClass().getSimpleName(), LogLocation.directory());
    }
}
