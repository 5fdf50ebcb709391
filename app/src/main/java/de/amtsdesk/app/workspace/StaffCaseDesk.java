package de.amtsdesk.app.workspace;

import de.amtsdesk.core.cases.CaseBook;
import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.StaffRoom;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.AuditQuery;
import de.amtsdesk.core.cases.catalogue.ServiceCatalogue;
import de.amtsdesk.core.staff.SearchIndex;
import de.amtsdesk.core.staff.StaffClient;
import java.util.List;

/** The workspace's {@link CaseDesk} over the caseworker's staff client. */
public final class StaffCaseDesk implements CaseDesk {

    private final StaffClient staff;
    private final ServiceCatalogue catalogue;
    private final CaseBookFanOut listeners = new CaseBookFanOut();
    private final java.util.Set<String> awaitingHistory = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public StaffCaseDesk(StaffClient staff, ServiceCatalogue catalogue) {
        this.staff = staff;
        this.catalogue = catalogue;
        // One registration with the fold; panes come and go through this list (the fold has no removal).
        staff.fold().addListener(listeners);
        staff.fold().addListener(new CaseBookListener() {
            @Override
            public void staffRoomChanged(StaffRoom room) {
                shareHistoryWithJoined(room);
            }
        });
    }

    /** Invited here before they had a cross-signed device: joining cross-signs it, so their history goes now. */
    private void shareHistoryWithJoined(StaffRoom room) {
        for (String userId : List.copyOf(awaitingHistory)) {
            if (room.members().containsKey(userId) && awaitingHistory.remove(userId)) {
                Thread.ofVirtual().name("share-history").start(() -> {
                    try {
                        staff.shareHistoryWith(userId);
                    } catch (Exception e) {
                        org.slf4j.LoggerFactory.getLogger(StaffCaseDesk.class).warn(
                                "history not shared with a new member: {}", e.getClass().getSimpleName());
                    }
                });
            }
        }
    }

    @Override
    public void inviteMember(String userId) throws Exception {
        // Shares the unit's history with the invitee's cross-signed devices (ADR 0015). A person who has never
        // signed in has none yet: their history goes out when they join (see staffRoomChanged above).
        if (staff.invite(userId) == 0) {
            awaitingHistory.add(userId);
        }
    }

    @Override
    public void removeMember(String userId) throws Exception {
        de.amtsdesk.core.staff.StaffRoomSetup.remove(staff.engine().client(), staff.engine().session(),
                staff.staffRoomId(), userId, null);
    }

    @Override
    public String me() {
        return staff.userId();
    }

    @Override
    public CaseBook book() {
        return staff.book();
    }

    @Override
    public ServiceCatalogue catalogue() {
        return catalogue;
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
        staff.send(change);
    }

    @Override
    public String submit(OutgoingStaffEvents.Outgoing change) {
        return staff.send(change);
    }

    @Override
    public List<AuditEntry> verdict(String receipt) {
        if (receipt == null) {
            return List.of();
        }
        return staff.eventIdOf(receipt).map(id -> staff.audit().forEvent(id)).orElse(List.of());
    }

    @Override
    public List<SearchIndex.Hit> search(String query, int limit) {
        return staff.search(query, limit);
    }

    @Override
    public List<AuditEntry> audit(String caseId) {
        return staff.audit().query(AuditQuery.all().forCase(caseId));
    }

    public StaffClient staff() {
        return staff;
    }
}
