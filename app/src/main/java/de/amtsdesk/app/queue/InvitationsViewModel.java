package de.amtsdesk.app.queue;

import de.amtsdesk.core.i18n.Translations;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Citizens' conversation requests waiting for a caseworker: when the unit's policy says "ask first" (issue 9), the
 * agency account does not join invitations by itself, and the queue offers to accept them. Hidden when none wait.
 */
public final class InvitationsViewModel {

    /** The agency account's side of it. */
    public interface Invitations {
        Set<String> pending();

        void accept(String roomId) throws Exception;
    }

    private final Invitations invitations;
    private final Translations text;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(false);
    private volatile boolean accepting;

    public InvitationsViewModel(Invitations invitations, Translations text, Executor background, Executor ui) {
        this.invitations = invitations;
        this.text = text;
        this.background = background;
        this.ui = ui;
    }

    /** Looks again (the window calls it every second; the set is read from memory). */
    public void refresh() {
        int count = accepting ? 0 : invitations.pending().size();
        waiting.set(count > 0);
        label.set(count > 0 ? text.get("queue.invitations", count) : "");
    }

    /** Accepts every waiting request, off the FX thread; a failure is named and the rest are still tried. */
    public void acceptAll() {
        Set<String> rooms = Set.copyOf(invitations.pending());
        if (rooms.isEmpty() || accepting) {
            return;
        }
        accepting = true;
        refresh();
        background.execute(() -> {
            String failed = null;
            for (String room : rooms) {
                try {
                    invitations.accept(room);
                } catch (Exception e) {
                    failed = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                }
            }
            String failure = failed;
            ui.execute(() -> {
                accepting = false;
                problem.set(failure == null ? "" : text.get("queue.invitations.failed", failure));
                refresh();
            });
        });
    }

    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
