package de.amtsdesk.app.workspace;

import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.CaseBookRelay;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One registration with a fold (which has no removal), passing every change on to the panes that come and go. Every
 * callback is forwarded ({@link CaseBookRelay}), so a pane never misses a kind of change.
 */
public final class CaseBookFanOut extends CaseBookRelay {

    private final List<CaseBookListener> listeners = new CopyOnWriteArrayList<>();

    public void add(CaseBookListener listener) {
        listeners.add(listener);
    }

    public void remove(CaseBookListener listener) {
        listeners.remove(listener);
    }

    public int size() {
        return listeners.size();
    }

    @Override
    protected void relay(Consumer<CaseBookListener> call) {
        listeners.forEach(call);
    }
}
