package de.amtsdesk.bench;

import de.amtsdesk.app.workspace.CaseBookFanOut;
import de.amtsdesk.app.workspace.CaseDesk;
import de.amtsdesk.core.cases.CaseBook;
import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.AuditQuery;
import de.amtsdesk.core.cases.catalogue.ServiceCatalogue;
import de.amtsdesk.core.staff.SearchIndex;
import de.amtsdesk.core.staff.StaffLogFold;
import java.util.List;

/**
 * The workspace's {@link CaseDesk} over the restored {@link StaffLogFold} itself, as the app's StaffCaseDesk is over
 * the staff client that owns that fold: same book, same search index, no network (nothing is sent here).
 */
final class FoldCaseDesk implements CaseDesk {

    private final StaffLogFold fold;
    private final String me;
    private final ServiceCatalogue catalogue;
    private final CaseBookFanOut listeners = new CaseBookFanOut();

    FoldCaseDesk(StaffLogFold fold, String me, ServiceCatalogue catalogue) {
        this.fold = fold;
        this.me = me;
        this.catalogue = catalogue;
        fold.addListener(listeners);
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
        throw new UnsupportedOperationException("the benchmark sends nothing");
    }

    @Override
    public List<SearchIndex.Hit> search(String query, int limit) {
        return fold.search(query, limit);
    }

    @Override
    public List<AuditEntry> audit(String caseId) {
        return fold.audit().query(AuditQuery.all().forCase(caseId));
    }
}
