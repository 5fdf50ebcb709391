package de.amtsdesk.app.workspace;

import de.amtsdesk.core.conversation.DisplayNames;
import de.amtsdesk.core.i18n.Translations;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The frame around the three panes: who is signed in (the caseworker's own account and the agency account the
 * citizens write to), lock, sign-out and the idle lock.
 */
public final class WorkspaceViewModel {

    /** What the window does on lock and sign-out (it owns the workstation). */
    public interface Session {
        void lock();

        void signOut();
    }

    private final ReadOnlyStringWrapper caseworker = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper agency = new ReadOnlyStringWrapper("");
    private final Session session;
    private final IdleLock idle;
    private boolean locked;

    public WorkspaceViewModel(Translations text, String caseworkerName, String caseworkerId, String agencyAccount,
            Session session, IdleLock idle) {
        this.session = session;
        this.idle = idle;
        caseworker.set(caseworkerLabel(text, caseworkerName, caseworkerId));
        agency.set(text.get("workspace.agency", agencyAccount));
    }

    /**
     * "Name (@id)", or the ID alone when the account has no display name of its own (the server then reports the ID
     * as the name, and "@user (@user)" only repeats it).
     */
    static String caseworkerLabel(Translations text, String name, String id) {
        String clean = DisplayNames.sanitise(name);
        return clean.isEmpty() || clean.equals(id) ? text.get("workspace.caseworker.id", id)
                : text.get("workspace.caseworker", clean, id);
    }

    /** Any key or mouse input in the window. */
    public void input() {
        idle.touch();
    }

    /** Called by a timer: locks once the idle time is up. */
    public void checkIdle() {
        if (!locked && idle.due()) {
            lock();
        }
    }

    public void lock() {
        if (!locked) {
            locked = true;
            session.lock();
        }
    }

    public void signOut() {
        locked = true;
        session.signOut();
    }

    public boolean locked() {
        return locked;
    }

    public ReadOnlyStringProperty caseworkerProperty() {
        return caseworker.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty agencyProperty() {
        return agency.getReadOnlyProperty();
    }
}
