package de.amtsdesk.app.queue;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.workspace.CaseDesk;
import de.amtsdesk.core.cases.CaseBook;
import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.CaseLog;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.UnitConfig;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.audit.InMemoryAuditLog;
import de.amtsdesk.core.cases.catalogue.ServiceCatalogue;
import de.amtsdesk.core.cases.log.CitizenActivity;
import de.amtsdesk.core.cases.log.PowerLevels;
import de.amtsdesk.core.cases.log.StaffEvent;
import de.amtsdesk.core.cases.log.StaffMembership;
import de.amtsdesk.core.cases.log.StaffPowerLevels;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.staff.SearchIndex;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** Opening a case: what was unread becomes read; its row and headings are patched, the queue is not recomputed. */
class QueueOpeningTest {

    private static final String LEAD = "@lena:amt.example";
    private static final String ANNA = "@anna:amt.example";
    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

    private final CaseLog fold = new CaseLog(UnitConfig.defaults("BA"), new InMemoryAuditLog());
    private final List<Runnable> background = new ArrayList<>();
    private int counter;

    QueueOpeningTest() {
        // The unit first: the case events below are sent by a member.
        fold.apply(new StaffMembership("$m1", LEAD, true, "Lena Lead", NOW.minusSeconds(900)));
        fold.apply(new StaffPowerLevels("$p1", LEAD, new PowerLevels(Map.of(LEAD, 100), 0, Map.of()),
                NOW.minusSeconds(900)));
        fold.apply(new StaffMembership("$m2", ANNA, true, "Anna Arbeit", NOW.minusSeconds(900)));
    }

    private String newCase(String room, boolean citizenWrote) {
        String id = "$q" + (++counter);
        OutgoingStaffEvents.Outgoing created = OutgoingStaffEvents.created(room, "@c:bund.example", "Erika");
        fold.apply(new StaffEvent(id, created.type(), ANNA, NOW.minusSeconds(300), created.content()));
        if (citizenWrote) {
            fold.apply(new CitizenActivity("$c" + (++counter), room, "@c:bund.example",
                    CitizenActivity.Direction.FROM_CITIZEN, NOW.minusSeconds(200)));
        }
        return id;
    }

    private QueueViewModel model(ReadMarkers read) {
        Translations text = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN,
                QueueViewModel.class.getClassLoader());
        Translations caseText = Translations.load("de.amtsdesk.core.cases.messages", Locale.GERMAN,
                CaseBookListener.class.getClassLoader());
        QueueProjection projection = new QueueProjection(ServiceCatalogue.bundled(), text, caseText, Locale.GERMAN,
                ZoneId.of("Europe/Berlin"));
        Executor queued = background::add;
        return new QueueViewModel(new Desk(fold.book()), projection, read, queued, Runnable::run,
                Clock.fixed(NOW, ZoneOffset.UTC), caseText);
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.removeFirst().run();
        }
    }

    @Test
    void openingACaseWithUnreadMessagesPatchesItsRowAndHeadingsToWhatAFullProjectionShows() {
        String withMessage = newCase("!a:bund.example", true);
        newCase("!a2:bund.example", true);
        ReadMarkers read = ReadMarkers.inMemory();
        QueueViewModel model = model(read);
        model.refresh();
        runBackground();
        long before = model.generation();
        assertThat(model.entries()).filteredOn(e -> e instanceof QueueEntry.CaseRow)
                .allSatisfy(e -> assertThat(((QueueEntry.CaseRow) e).unread()).isEqualTo(1));
        assertThat(model.summaryProperty().get()).isEqualTo("2 · 2");

        model.opened(withMessage);

        assertThat(background).as("no projection of the whole queue").isEmpty();
        assertThat(model.generation()).isEqualTo(before + 1);
        assertThat(read.seenUntil("!a:bund.example")).isAfter(Instant.EPOCH);
        assertThat(model.entries()).filteredOn(e -> e instanceof QueueEntry.CaseRow row
                && row.caseId().equals(withMessage)).singleElement()
                .satisfies(e -> assertThat(((QueueEntry.CaseRow) e).unread()).isZero())
                .satisfies(e -> assertThat(e.accessibleText()).contains("Keine ungelesenen Nachrichten"));
        assertThat(model.entries()).filteredOn(e -> e instanceof QueueEntry.Header).singleElement()
                .satisfies(e -> assertThat(((QueueEntry.Header) e).unread()).isEqualTo(1))
                .satisfies(e -> assertThat(e.accessibleText()).endsWith("1 ungelesen"));
        assertThat(model.summaryProperty().get()).isEqualTo("2 · 1");

        List<QueueEntry> patched = List.copyOf(model.entries());
        model.refresh();
        runBackground();
        assertThat(model.entries()).as("the patch equals a fresh projection").containsExactlyElementsOf(patched);
    }

    @Test
    void aProjectionStillRunningWhenACaseIsOpenedIsFollowedByAnotherSoItsStaleRowsDoNotStay() {
        String withMessage = newCase("!s:bund.example", true);
        ReadMarkers read = ReadMarkers.inMemory();
        List<Runnable> uiTasks = new ArrayList<>();
        Translations text = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN,
                QueueViewModel.class.getClassLoader());
        Translations caseText = Translations.load("de.amtsdesk.core.cases.messages", Locale.GERMAN,
                CaseBookListener.class.getClassLoader());
        QueueViewModel model = new QueueViewModel(new Desk(fold.book()), new QueueProjection(
                ServiceCatalogue.bundled(), text, caseText, Locale.GERMAN, ZoneId.of("Europe/Berlin")), read,
                background::add, uiTasks::add, Clock.fixed(NOW, ZoneOffset.UTC), caseText);
        model.refresh();
        runBackground();
        uiTasks.removeFirst().run();
        model.refresh();
        runBackground(); // projected with the old marker; its rows wait for the FX thread

        model.opened(withMessage);
        uiTasks.removeFirst().run(); // the stale rows land

        assertThat(background).as("a new projection is queued").hasSize(1);
        runBackground();
        uiTasks.removeFirst().run();
        assertThat(model.entries()).filteredOn(e -> e instanceof QueueEntry.CaseRow)
                .allSatisfy(e -> assertThat(((QueueEntry.CaseRow) e).unread()).isZero());
    }

    @Test
    void openingACaseWithNothingUnreadChangesNoRowAndRecomputesNothing() {
        String quiet = newCase("!b:bund.example", false);
        List<String> marked = new ArrayList<>();
        ReadMarkers memory = ReadMarkers.inMemory();
        ReadMarkers read = new ReadMarkers() {
            @Override
            public Instant seenUntil(String roomId) {
                return memory.seenUntil(roomId);
            }

            @Override
            public void markSeen(String roomId, Instant until) {
                marked.add(roomId);
                memory.markSeen(roomId, until);
            }
        };
        QueueViewModel model = model(read);
        model.refresh();
        runBackground();
        model.opened(quiet);
        runBackground();
        marked.clear();

        model.opened(quiet); // again: nothing new since

        assertThat(background).isEmpty();
        assertThat(marked).isEmpty();
        assertThat(model.selectedCaseIdProperty().get()).isEqualTo(quiet);
    }

    private static final class Desk implements CaseDesk {
        private final CaseBook book;

        Desk(CaseBook book) {
            this.book = book;
        }

        @Override
        public String me() {
            return ANNA;
        }

        @Override
        public CaseBook book() {
            return book;
        }

        @Override
        public ServiceCatalogue catalogue() {
            return ServiceCatalogue.bundled();
        }

        @Override
        public void addListener(CaseBookListener listener) {
        }

        @Override
        public void removeListener(CaseBookListener listener) {
        }

        @Override
        public void send(OutgoingStaffEvents.Outgoing change) {
        }

        @Override
        public List<SearchIndex.Hit> search(String query, int limit) {
            return List.of();
        }

        @Override
        public List<AuditEntry> audit(String caseId) {
            return List.of();
        }
    }
}
