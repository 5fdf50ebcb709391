package de.amtsdesk.app.workspace;

import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseBook;
import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.CaseLog;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.UnitConfig;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.AuditQuery;
import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import de.amtsdesk.core.cases.catalogue.ServiceCatalogue;
import de.amtsdesk.core.cases.log.CitizenActivity;
import de.amtsdesk.core.cases.log.PowerLevels;
import de.amtsdesk.core.cases.log.StaffEvent;
import de.amtsdesk.core.cases.log.StaffMembership;
import de.amtsdesk.core.cases.log.StaffPowerLevels;
import de.amtsdesk.core.staff.SearchIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link CaseDesk} over a local fold: a change "comes back from the server" at once, by being applied to the
 * {@link CaseLog}, so the panes react exactly as to a sync batch. Builder methods set up a unit with cases.
 */
public final class FoldCaseDesk implements CaseDesk {

    public static final String LEAD = "@lena:amt.example";
    public static final String ANNA = "@anna:amt.example";

    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), auditLog);
    private final List<CaseBookListener> listeners = new CopyOnWriteArrayList<>();
    private final List<SearchIndex.Hit> hits = new ArrayList<>();
    private final String me;
    private Instant clock;
    private int counter;

    public FoldCaseDesk(String me, Instant start) {
        this.me = me;
        this.clock = start;
        fold.addListener(new CaseBookListener() {
            @Override
            public void caseChanged(Case before, Case after) {
                listeners.forEach(l -> l.caseChanged(before, after));
            }
        });
        fold.apply(new StaffMembership("$m1", LEAD, true, "Lena Lead", clock));
        fold.apply(new StaffPowerLevels("$p1", LEAD, new PowerLevels(Map.of(LEAD, 100), 0, Map.of()), clock));
        fold.apply(new StaffMembership("$m2", ANNA, true, "Anna Arbeit", clock));
    }

    /** Applies a change as sent by {@code sender}; returns its event ID (a case's ID when it creates one). */
    public String apply(String sender, OutgoingStaffEvents.Outgoing change) {
        String id = "$e" + (++counter);
        fold.apply(new StaffEvent(id, change.type(), sender, clock, change.content()));
        clock = clock.plusSeconds(60);
        return id;
    }

    /** A new case in its own citizen room, with the citizen's (possibly hostile) display name. */
    public String newCase(String citizenId, String citizenName, String type) {
        String room = "!r" + (counter + 1) + ":amt.example";
        String id = apply(ANNA, OutgoingStaffEvents.created(room, citizenId, citizenName));
        if (type != null) {
            apply(ANNA, OutgoingStaffEvents.typed(id, type));
        }
        return id;
    }

    /** The citizen wrote in the case's room (counts as unread until the case is opened). */
    public void citizenWrote(String caseId) {
        String room = fold.book().find(caseId).orElseThrow().roomId();
        fold.apply(new CitizenActivity("$a" + (++counter), room, "@c:bund.example",
                CitizenActivity.Direction.FROM_CITIZEN, clock));
        clock = clock.plusSeconds(60);
    }

    public void addHit(SearchIndex.Hit hit) {
        hits.add(hit);
    }

    public Instant now() {
        return clock;
    }

    @Override
    public String me() {
        return me;
    }

    @Override
    public CaseBook book() {
        return fold.book();
    }

    @Override
    public ServiceCatalogue catalogue() {
        return ServiceCatalogue.bundled();
    }

    @Override
    public void addListener(CaseBookListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(CaseBookListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void send(OutgoingStaffEvents.Outgoing change) {
        apply(me, change);
    }

    @Override
    public List<SearchIndex.Hit> search(String query, int limit) {
        return hits.stream().limit(limit).toList();
    }

    @Override
    public List<AuditEntry> audit(String caseId) {
        return auditLog.query(AuditQuery.all().forCase(caseId));
    }
}
