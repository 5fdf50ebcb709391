package de.amtsdesk.app.lead;

import de.amtsdesk.app.workspace.CaseDesk;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.i18n.Translations;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Changes sent and not yet come back: each is answered in words once the fold has judged it — the success text when
 * it was applied, "refused: reason" with the audited reason otherwise. Used on the FX thread only.
 */
final class PendingChanges {

    private record Pending(String receipt, String success) {
    }

    private final CaseDesk desk;
    private final Translations text;
    private final Verdicts verdicts;
    private final Consumer<String> say;
    private final List<Pending> pending = new ArrayList<>();

    PendingChanges(CaseDesk desk, Translations text, Translations caseText, Consumer<String> say) {
        this.desk = desk;
        this.text = text;
        this.verdicts = new Verdicts(caseText);
        this.say = say;
    }

    /** Sends the change (on the caller's thread) and says {@code success} once it is applied. */
    void send(OutgoingStaffEvents.Outgoing change, String success) {
        String receipt;
        try {
            receipt = desk.submit(change);
        } catch (RuntimeException e) {
            say.accept(text.get("lead.sendFailed"));
            return;
        }
        if (receipt == null) {
            say.accept(text.get("lead.sent"));
            return;
        }
        say.accept(text.get("lead.sending"));
        pending.add(new Pending(receipt, success));
        check();
    }

    /** Looks whether sent changes came back; call on every book change and now and then (refusals notify nobody). */
    void check() {
        for (var it = pending.iterator(); it.hasNext();) {
            Pending p = it.next();
            var entries = desk.verdict(p.receipt());
            if (entries.isEmpty()) {
                continue;
            }
            it.remove();
            say.accept(verdicts.refusal(entries).map(reason -> text.get("lead.refused", reason))
                    .orElse(p.success()));
        }
    }

    boolean waiting() {
        return !pending.isEmpty();
    }
}
