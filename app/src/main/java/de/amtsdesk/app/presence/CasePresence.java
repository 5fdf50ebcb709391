package de.amtsdesk.app.presence;

import de.amtsdesk.core.staff.StaffClient;
import de.amtsdesk.core.staff.presence.StaffPresence;
import java.util.List;
import java.util.function.Consumer;

/** What the workspace needs of the unit's presence signals (ADR 0016): read others', announce one's own. */
public interface CasePresence {

    /** Members other than this one active on the case now, writers first. */
    List<StaffPresence> othersOn(String caseId);

    /** Announces this member's activity on a case (throttled and sent encrypted by the staff client). */
    void announce(String caseId, StaffPresence.Activity activity);

    /** Told the case ID when a signal for it arrives (on the sync thread). */
    void addListener(Consumer<String> listener);

    void removeListener(Consumer<String> listener);

    static CasePresence of(StaffClient staff) {
        return new CasePresence() {
            @Override
            public List<StaffPresence> othersOn(String caseId) {
                return staff.presence().others(caseId, staff.userId());
            }

            @Override
            public void announce(String caseId, StaffPresence.Activity activity) {
                try {
                    staff.announce(caseId, activity);
                } catch (RuntimeException e) {
                    // A signal that cannot be queued only means colleagues see less; it never blocks the caseworker.
                    org.slf4j.LoggerFactory.getLogger(CasePresence.class).info("presence not announced: {}",
                            e.getClass().getSimpleName());
                }
            }

            @Override
            public void addListener(Consumer<String> listener) {
                staff.presence().addListener(listener);
            }

            @Override
            public void removeListener(Consumer<String> listener) {
                staff.presence().removeListener(listener);
            }
        };
    }
}
