package de.amtsdesk.app.workspace;

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

/**
 * A {@link CaseDesk} over a local {@link CaseLog}: a sent change is applied at once as if it had come back from the
 * server (sender = the caseworker), so view models are tested against the real fold without Matrix.
 */
public final class FoldDesk implements CaseDesk {

    public static final String LEAD = "@lena:amt.example";
    public static final String ANNA = "@anna:amt.example";
    public static final String BEN = "@ben:amt.example";

    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final CaseLog log = new CaseLog(UnitConfig.defaults("WG"), audit);
    private final CaseBookFanOut listeners = new CaseBookFanOut();
    private final List<OutgoingStaffEvents.Outgoing> sent = new ArrayList<>();
    private final String me;
    private List<SearchIndex.Hit> hits = new ArrayList<>();
    private Instant clock;
    private int counter;
    private final List<String> memberChanges = new ArrayList<>();
    private String memberRefusal;

    /** Monday 7 December 2026, 09:00 in Berlin. */
    public FoldDesk(String me) {
        this(me, Instant.parse("2026-12-07T08:00:00Z"));
    }

    public FoldDesk(String me, Instant start) {
        this.me = me;
        this.clock = start;
        log.addListener(listeners);
        log.apply(new StaffMembership("$m1", LEAD, true, "Lena Lead", clock));
        log.apply(new StaffPowerLevels("$p1", LEAD, new PowerLevels(Map.of(LEAD, 100), 0, Map.of()), clock));
        log.apply(new StaffMembership("$m2", ANNA, true, "Anna Arbeit", clock));
        log.apply(new StaffMembership("$m3", BEN, true, "Ben Bearbeiter", clock));
    }

    /** Applies a change as {@code sender}; returns its event ID. */
    public String apply(String sender, OutgoingStaffEvents.Outgoing change) {
        String id = "$e" + (++counter);
        log.apply(new StaffEvent(id, change.type(), sender, clock, change.content()));
        clock = clock.plusSeconds(60);
        return id;
    }

    /** A new case in room {@code room}, created by the lead; returns the case ID. */
    public String newCase(String room, String citizenName) {
        return apply(LEAD, OutgoingStaffEvents.created(room, "@citizen-" + room.substring(1, 4) + ":bund.example",
                citizenName));
    }

    /** A new case in its own citizen room, with the citizen's (possibly hostile) display name, typed if given. */
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
        citizenWrites(log.book().find(caseId).orElseThrow().roomId());
    }

    public void addHit(SearchIndex.Hit hit) {
        hits.add(hit);
    }

    /** The citizen writes in the room (citizen activity as the fold sees it). */
    public void citizenWrites(String room) {
        log.apply(new CitizenActivity("$c" + (++counter), room, "@citizen:bund.example",
                CitizenActivity.Direction.FROM_CITIZEN, clock));
        clock = clock.plusSeconds(60);
    }

    public void searchAnswers(List<SearchIndex.Hit> answer) {
        this.hits = new ArrayList<>(answer);
    }

    /** As a homeserver would: invited people are only recorded, removed ones leave the staff room at once. */
    @Override
    public void inviteMember(String userId) throws Exception {
        refuseIfAsked();
        memberChanges.add("invite " + userId);
    }

    @Override
    public void removeMember(String userId) throws Exception {
        refuseIfAsked();
        memberChanges.add("remove " + userId);
        log.apply(new StaffMembership("$leave" + (++counter), userId, false, null, clock));
    }

    private void refuseIfAsked() throws Exception {
        if (memberRefusal != null) {
            throw new Exception(memberRefusal);
        }
    }

    /** The next member changes are refused with this reason (null: allowed). */
    public void refuseMemberChanges(String reason) {
        this.memberRefusal = reason;
    }

    public List<String> memberChanges() {
        return memberChanges;
    }

    public List<OutgoingStaffEvents.Outgoing> sent() {
        return sent;
    }

    public Instant now() {
        return clock;
    }

    public int listenerCount() {
        return listeners.size();
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
        return CATALOGUE;
    }

    private static final ServiceCatalogue CATALOGUE = ServiceCatalogue.bundled();

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
        sent.add(change);
        apply(me, change);
    }

    @Override
    public String submit(OutgoingStaffEvents.Outgoing change) {
        sent.add(change);
        return apply(me, change);
    }

    @Override
    public List<AuditEntry> verdict(String receipt) {
        return audit.all().stream().filter(e -> e.eventId().equals(receipt)).toList();
    }

    /** Makes {@code user} a lead (power level 50), as the room's creator would. */
    public void makeLead(String user) {
        log.apply(new StaffPowerLevels("$p" + (++counter), LEAD, new PowerLevels(Map.of(LEAD, 100, user, 50), 0,
                Map.of()), clock));
    }

    @Override
    public List<SearchIndex.Hit> search(String query, int limit) {
        return hits;
    }

    @Override
    public List<AuditEntry> audit(String caseId) {
        return audit.query(AuditQuery.all().forCase(caseId));
    }
}
