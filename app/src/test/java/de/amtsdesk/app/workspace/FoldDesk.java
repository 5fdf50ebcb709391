package de.amtsdesk.app.workspace;

import de.amtsdesk.core.cases.CaseBook;
import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.CaseLog;
import de.amtsdesk.core.cases.FoldResult;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.UnitConfig;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.AuditQuery;
import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import de.amtsdesk.core.cases.catalogue.ServiceCatalogue;
import de.amtsdesk.core.cases.log.PowerLevels;
import de.amtsdesk.core.cases.log.StaffEvent;
import de.amtsdesk.core.cases.log.StaffMembership;
import de.amtsdesk.core.cases.log.StaffPowerLevels;
import de.amtsdesk.core.staff.SearchIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link CaseDesk} for tests without a homeserver: what is sent is folded into a real {@link CaseLog} at once, as
 * if the staff room had echoed it straight back. The unit has a lead ({@link #LEAD}, level 100) and the signed-in
 * caseworker ({@link #me()}, level 0). {@link #sent()} lists every change sent through the desk, in order;
 * {@link #results()} what the fold made of each.
 */
public final class FoldDesk implements CaseDesk {

    public static final String LEAD = "@lena.lead:amt.example";

    private final String me;
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final CaseLog log = new CaseLog(UnitConfig.defaults("BA"), audit);
    private final List<OutgoingStaffEvents.Outgoing> sent = new ArrayList<>();
    private final List<FoldResult> results = new ArrayList<>();
    private Instant clock = Instant.parse("2026-12-07T08:00:00Z");
    private int counter;

    public FoldDesk(String me, String myName) {
        this.me = me;
        log.apply(new StaffMembership(nextId(), LEAD, true, "Lena Lead", tick()));
        log.apply(new StaffPowerLevels(nextId(), LEAD, new PowerLevels(Map.of(LEAD, 100), 0, Map.of()), tick()));
        log.apply(new StaffMembership(nextId(), me, true, myName, tick()));
    }

    /** Folds a change from another member (e.g. the lead publishing templates and macros); not in {@link #sent()}. */
    public FoldResult from(String sender, OutgoingStaffEvents.Outgoing change) {
        return log.apply(new StaffEvent(nextId(), change.type(), sender, tick(), change.content()));
    }

    /** Creates a case for a new citizen room as the lead would; returns its ID. */
    public String createCase(String roomId, String citizenName) {
        FoldResult result = from(LEAD, OutgoingStaffEvents.created(roomId, "@buerger-" + (counter + 1)
                + ":bund.example", citizenName));
        return result.caseIds().getFirst();
    }

    public List<OutgoingStaffEvents.Outgoing> sent() {
        return List.copyOf(sent);
    }

    public List<FoldResult> results() {
        return List.copyOf(results);
    }

    private String nextId() {
        return "$fold" + (++counter) + ":amt.example";
    }

    private Instant tick() {
        Instant at = clock;
        clock = clock.plus(Duration.ofMinutes(1));
        return at;
    }

    @Override
    public String me() {
        return me;
    }

    @Override
    public CaseBook book() {
        return log.book();
    }

    @Override
    public ServiceCatalogue catalogue() {
        return ServiceCatalogue.bundled();
    }

    @Override
    public void addListener(CaseBookListener listener) {
        log.addListener(listener);
    }

    @Override
    public void removeListener(CaseBookListener listener) {
        // The fold has no removal; tests do not need it.
    }

    @Override
    public void send(OutgoingStaffEvents.Outgoing change) {
        sent.add(change);
        results.add(from(me, change));
    }

    @Override
    public List<SearchIndex.Hit> search(String query, int limit) {
        return List.of();
    }

    @Override
    public List<AuditEntry> audit(String caseId) {
        return audit.query(AuditQuery.all().forCase(caseId));
    }
}
