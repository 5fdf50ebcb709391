package de.amtsdesk.app.login;

import de.amtsdesk.app.FailureMessages;
import de.amtsdesk.core.matrix.HomeserverDiscovery;
import de.amtsdesk.core.matrix.HomeserverUrl;
import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.Session;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** State and behaviour of the login screen; no controls, so it is tested without the JavaFX toolkit. */
public final class LoginViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(LoginViewModel.class);

    private final StringProperty homeserver = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    /** Set by the admin policy: the field shows the value and cannot be changed. */
    private final ReadOnlyBooleanWrapper homeserverLocked = new ReadOnlyBooleanWrapper(false);
    /** Set by the admin policy's functional account: this workstation signs in as the agency, no other account. */
    private final ReadOnlyBooleanWrapper userLocked = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canLogin;

    private final Authenticator authenticator;
    private final HomeserverLocator locator;
    private final Executor background;
    private final Executor ui;
    private final FailureMessages messages;
    private final Consumer<Session> onLoggedIn;

    public LoginViewModel(Authenticator authenticator, HomeserverLocator locator, Executor background, Executor ui,
            FailureMessages messages, Consumer<Session> onLoggedIn) {
        this.authenticator = authenticator;
        this.locator = locator;
        this.background = background;
        this.ui = ui;
        this.messages = messages;
        this.onLoggedIn = onLoggedIn;
        this.canLogin = Bindings.createBooleanBinding(
                // A full user ID (@name:server) is enough to find the homeserver: the field may stay empty then.
                () -> !busy.get() && (!homeserver.get().isBlank() || HomeserverDiscovery.serverNameOf(user.get())
                        .isPresent()) && !user.get().isBlank() && !password.get().isEmpty(),
                busy, homeserver, user, password);
    }

    public void login() {
        if (!canLogin.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        String homeserverText = homeserver.get();
        String userText = user.get();
        String passwordText = password.get();
        background.execute(() -> {
            try {
                HomeserverUrl located = locator.locate(homeserverText, userText);
                Session session = authenticator.login(located, userText, passwordText);
                ui.execute(() -> {
                    busy.set(false);
                    password.set("");
                    if (!homeserverLocked.get()) {
                        homeserver.set(located.toString());
                    }
                    onLoggedIn.accept(session);
                });
            } catch (MatrixException e) {
                LOG.info("login failed: {}", e.getMessage());
                ui.execute(() -> {
                    busy.set(false);
                    error.set(messages.describe(e));
                });
            } catch (RuntimeException e) {
                LOG.error("unexpected login failure", e);
                ui.execute(() -> {
                    busy.set(false);
                    error.set(messages.describe(new MatrixException(
                            de.amtsdesk.core.matrix.MatrixFailure.MALFORMED_RESPONSE, e.toString(), homeserverText)));
                });
            }
        });
    }

    /**
     * The admin policy fixes the homeserver: it replaces whatever was prefilled and the field becomes read-only. Also
     * with a full user ID the login goes to this server, not to one discovered from the user's domain.
     */
    public void lockHomeserver(String url) {
        homeserver.set(url);
        homeserverLocked.set(true);
    }

    /** The admin policy fixes the functional account: the user field shows it and cannot be changed. */
    public void lockUser(String userId) {
        user.set(userId);
        userLocked.set(true);
    }

    public ReadOnlyBooleanProperty userLockedProperty() {
        return userLocked.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty homeserverLockedProperty() {
        return homeserverLocked.getReadOnlyProperty();
    }

    /** Shown when a session ended elsewhere (token revoked) and the caseworker is sent back here. */
    public void showMessage(String message) {
        error.set(message);
    }

    public StringProperty homeserverProperty() {
        return homeserver;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canLoginProperty() {
        return canLogin;
    }
}
