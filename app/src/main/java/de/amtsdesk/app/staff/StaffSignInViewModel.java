package de.amtsdesk.app.staff;

import de.amtsdesk.app.FailureMessages;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.matrix.MatrixException;
import java.util.concurrent.Executor;
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

/**
 * The caseworker's own sign-in, after the workstation's agency account is set up: the personal staff account (on
 * the agency's homeserver) and the unit's staff room. Both are kept in the same encrypted store, behind the same
 * passphrase, as the agency account.
 */
public final class StaffSignInViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(StaffSignInViewModel.class);

    /** Signs the personal account in and joins the staff room; throws what the server said. */
    @FunctionalInterface
    public interface SignIn {
        void signIn(String user, String password, String staffRoom) throws MatrixException;
    }

    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty staffRoom = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canSignIn;
    private final SignIn signIn;
    private final Executor background;
    private final Executor ui;
    private final FailureMessages messages;
    private final Translations text;
    private final Runnable onSignedIn;

    public StaffSignInViewModel(SignIn signIn, Executor background, Executor ui, FailureMessages messages,
            Translations text, Runnable onSignedIn) {
        this.signIn = signIn;
        this.background = background;
        this.ui = ui;
        this.messages = messages;
        this.text = text;
        this.onSignedIn = onSignedIn;
        this.canSignIn = Bindings.createBooleanBinding(() -> !busy.get() && !user.get().isBlank()
                && !password.get().isEmpty() && !staffRoom.get().isBlank(), busy, user, password, staffRoom);
    }

    public void signIn() {
        if (!canSignIn.get()) {
            error.set(text.get("staff.incomplete"));
            return;
        }
        String room = staffRoom.get().strip();
        // Room IDs of room version 12 and later carry no server part ("!abc…"), older ones do ("!abc:server").
        if (!room.startsWith("!") || room.length() < 2 || room.chars().anyMatch(Character::isWhitespace)) {
            error.set(text.get("staff.room.invalid"));
            return;
        }
        busy.set(true);
        error.set("");
        String u = user.get().strip();
        String p = password.get();
        background.execute(() -> {
            try {
                signIn.signIn(u, p, room);
                ui.execute(() -> {
                    busy.set(false);
                    password.set("");
                    onSignedIn.run();
                });
            } catch (MatrixException e) {
                LOG.info("staff sign-in failed: {}", e.getMessage());
                ui.execute(() -> {
                    busy.set(false);
                    error.set(messages.describe(e));
                });
            } catch (RuntimeException e) {
                LOG.warn("staff sign-in failed: {}", e.toString());
                ui.execute(() -> {
                    busy.set(false);
                    error.set(text.get("staff.failed", de.amtsdesk.app.LogLocation.directory()));
                });
            }
        });
    }

    public void showMessage(String message) {
        error.set(message);
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty staffRoomProperty() {
        return staffRoom;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }
}
