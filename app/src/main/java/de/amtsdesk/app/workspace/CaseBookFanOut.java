package de.amtsdesk.app.workspace;

import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.Macro;
import de.amtsdesk.core.cases.StaffRoom;
import de.amtsdesk.core.cases.UnitPolicy;
import de.amtsdesk.core.cases.UnitRoster;
import de.amtsdesk.core.cases.templates.ReplyTemplate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One registration with a fold (which has no removal), passing every change on to the panes that come and go. Every
 * callback is forwarded, so a pane never misses a kind of change because a desk forgot to pass it on.
 */
public final class CaseBookFanOut implements CaseBookListener {

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
    public void caseChanged(Case before, Case after) {
        listeners.forEach(l -> l.caseChanged(before, after));
    }

    @Override
    public void policyChanged(UnitPolicy policy) {
        listeners.forEach(l -> l.policyChanged(policy));
    }

    @Override
    public void templatePublished(ReplyTemplate template) {
        listeners.forEach(l -> l.templatePublished(template));
    }

    @Override
    public void macroPublished(Macro macro) {
        listeners.forEach(l -> l.macroPublished(macro));
    }

    @Override
    public void staffRoomChanged(StaffRoom room) {
        listeners.forEach(l -> l.staffRoomChanged(room));
    }

    @Override
    public void rosterChanged(UnitRoster roster) {
        listeners.forEach(l -> l.rosterChanged(roster));
    }

    @Override
    public void auditRecorded(String caseId) {
        listeners.forEach(l -> l.auditRecorded(caseId));
    }
}
