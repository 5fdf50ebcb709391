package de.amtsdesk.core.cases;

import de.amtsdesk.core.cases.templates.ReplyTemplate;
import java.util.function.Consumer;

/**
 * A listener that passes every kind of change on, the same way: to many listeners, or later, or on another thread.
 * Subclasses say only how ({@link #relay}); every callback is forwarded here, so a relay can never drop a kind of
 * change because one was forgotten (a hand-written forwarder once dropped {@code macroPublished}).
 */
public abstract class CaseBookRelay implements CaseBookListener {

    /** Passes one notification on; {@code call} tells it to one listener. */
    protected abstract void relay(Consumer<CaseBookListener> call);

    @Override
    public final void caseChanged(Case before, Case after) {
        relay(l -> l.caseChanged(before, after));
    }

    @Override
    public final void policyChanged(UnitPolicy policy) {
        relay(l -> l.policyChanged(policy));
    }

    @Override
    public final void templatePublished(ReplyTemplate template) {
        relay(l -> l.templatePublished(template));
    }

    @Override
    public final void macroPublished(Macro macro) {
        relay(l -> l.macroPublished(macro));
    }

    @Override
    public final void staffRoomChanged(StaffRoom room) {
        relay(l -> l.staffRoomChanged(room));
    }

    @Override
    public final void rosterChanged(UnitRoster roster) {
        relay(l -> l.rosterChanged(roster));
    }

    @Override
    public final void auditRecorded(String caseId) {
        relay(l -> l.auditRecorded(caseId));
    }
}
