package de.amtsdesk.app.queue;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.workspace.FoldDesk;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.query.CaseFilter;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.staff.SearchIndex;
import de.amtsdesk.core.store.SearchIndexRepository;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The queue without the toolkit: grouping, saved views and counts, unread, in-place updates, search hits. */
class QueueViewModelTest {

    private final FoldDesk desk = new FoldDesk(FoldDesk.ANNA);
    private final Translations text = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN);
    private final Translations caseText = Translations.load("de.amtsdesk.core.cases.messages", Locale.GERMAN);
    private final ReadMarkers read = ReadMarkers.inMemory();
    private final QueueViewModel queue = new QueueViewModel(desk,
            new QueueProjection(desk.catalogue(), text, caseText, Locale.GERMAN, ZoneId.of("Europe/Berlin")), read,
            Runnable::run, Runnable::run, Clock.fixed(desk.now(), ZoneOffset.UTC), caseText);

    private List<String> keys() {
        return queue.entries().stream().map(QueueEntry::key).toList();
    }

    @Test
    void newCasesAreGroupedUnderNewAndTypedOnesUnderLifeSituationAndService() {
        String a = desk.newCase("!aaa:amt.example", "Erika Mustermann");
        String b = desk.newCase("!bbb:amt.example", "Max Müller");
        desk.apply(FoldDesk.ANNA, OutgoingStaffEvents.typed(b, "housing.wohngeld.apply"));
        queue.refresh();

        assertThat(keys()).containsExactly("g:", a, "g:housing", "s:housing.wohngeld.apply", b);
        QueueEntry.Header housing = (QueueEntry.Header) queue.entries().get(2);
        assertThat(housing.title()).isEqualTo("Bauen und Wohnen");
        assertThat(((QueueEntry.Header) queue.entries().get(3)).title()).isEqualTo("Wohngeld beantragen");
        QueueEntry.CaseRow erika = (QueueEntry.CaseRow) queue.entries().get(1);
        assertThat(erika.citizen()).isEqualTo("Erika Mustermann");
        assertThat(erika.status()).isEqualTo("Neu (nicht zugeordnet)");
        assertThat(erika.assignee()).isEqualTo("Nicht zugewiesen");
        assertThat(erika.accessibleText()).contains(erika.reference(), "Erika Mustermann");
    }

    @Test
    void savedViewsFilterAndCarryTheirCounts() {
        String a = desk.newCase("!aaa:amt.example", "Erika");
        String b = desk.newCase("!bbb:amt.example", "Max");
        desk.apply(FoldDesk.ANNA, OutgoingStaffEvents.typed(b, "housing.wohngeld.apply"));
        desk.apply(FoldDesk.LEAD, OutgoingStaffEvents.assign(b, FoldDesk.ANNA));
        queue.refresh();
        assertThat(queue.viewLabel(CaseFilter.NEW).get()).isEqualTo("Neu (ohne Typ) (1)");
        assertThat(queue.viewLabel(CaseFilter.MINE).get()).isEqualTo("Meine (1)");

        queue.showView(QueueViewModel.VIEWS.indexOf(CaseFilter.MINE));
        assertThat(keys()).containsExactly("g:housing", "s:housing.wohngeld.apply", b);
        assertThat(((QueueEntry.CaseRow) queue.entries().get(2)).assignee()).isEqualTo("Ich");

        queue.viewProperty().set(CaseFilter.NEW);
        assertThat(keys()).containsExactly("g:", a);
        desk.apply(FoldDesk.ANNA, OutgoingStaffEvents.status(b, CaseStatus.CLOSED, null));
        queue.viewProperty().set(CaseFilter.CLOSED);
        assertThat(keys()).containsExactly("g:housing", "s:housing.wohngeld.apply", b);
    }

    @Test
    void aChangeToOneCaseReplacesOnlyItsRowAndTheSelectionStays() {
        String a = desk.newCase("!aaa:amt.example", "Erika");
        String b = desk.newCase("!bbb:amt.example", "Max");
        String c = desk.newCase("!ccc:amt.example", "Aylin");
        queue.refresh();
        queue.opened(b);
        List<QueueEntry> before = new ArrayList<>(queue.entries());
        List<Object> edits = new ArrayList<>();
        queue.entries().addListener((javafx.collections.ListChangeListener<QueueEntry>) change -> {
            while (change.next()) {
                edits.add(change.toString());
            }
        });

        desk.apply(FoldDesk.LEAD, OutgoingStaffEvents.tag(c, List.of("eilig"), List.of()));
        desk.apply(FoldDesk.LEAD, OutgoingStaffEvents.assign(c, FoldDesk.BEN));

        assertThat(keys()).containsExactly("g:", a, b, c);
        assertThat(queue.entries().get(1)).isSameAs(before.get(1));
        assertThat(queue.entries().get(2)).isSameAs(before.get(2));
        assertThat(queue.entries().get(3)).isNotSameAs(before.get(3));
        assertThat(((QueueEntry.CaseRow) queue.entries().get(3)).assignee()).isEqualTo("Ben Bearbeiter");
        assertThat(edits).allSatisfy(e -> assertThat(e.toString()).doesNotContain("removed: [" + before.get(2)));
        assertThat(queue.selectedCaseIdProperty().get()).isEqualTo(b);
    }

    @Test
    void citizenMessagesAreUnreadUntilTheCaseIsOpenedOnThisWorkstation() {
        String a = desk.newCase("!aaa:amt.example", "Erika");
        desk.citizenWrites("!aaa:amt.example");
        desk.citizenWrites("!aaa:amt.example");
        queue.refresh();
        assertThat(((QueueEntry.CaseRow) queue.entries().get(1)).unread()).isEqualTo(2);
        assertThat(((QueueEntry.Header) queue.entries().get(0)).unread()).isEqualTo(2);

        queue.opened(a);
        assertThat(((QueueEntry.CaseRow) queue.entries().get(1)).unread()).isZero();
        desk.citizenWrites("!aaa:amt.example");
        queue.refresh();
        assertThat(((QueueEntry.CaseRow) queue.entries().get(1)).unread()).isEqualTo(1);
    }

    /** A case of Erika's whose message the full-text index answers to any query. */
    private String caseWhoseMessageIsFound(String message) {
        String caseId = desk.newCase("!aaa:amt.example", "Erika");
        desk.searchAnswers(List.of(new SearchIndex.Hit("$h1", "!aaa:amt.example", caseId,
                SearchIndexRepository.Kind.values()[0], "@citizen:bund.example", desk.now(), message)));
        return caseId;
    }

    @Test
    void searchShowsHitsWithTheQueryWordsMarked() {
        String a = caseWhoseMessageIsFound("Ich brauche den Wohngeldbescheid bis Freitag");
        queue.searchProperty().set("wohngeld freitag");

        assertThat(queue.entries()).hasSize(1);
        QueueEntry.Hit hit = (QueueEntry.Hit) queue.entries().getFirst();
        assertThat(hit.caseId()).isEqualTo(a);
        assertThat(hit.highlights()).extracting(r -> hit.text().substring(r[0], r[1]))
                .containsExactly("Wohngeld", "Freitag");
        queue.searchProperty().set("");
        assertThat(keys()).containsExactly("g:", a);
    }

    @Test
    void typingOnMarksTheLongerWordInTheSameHit() {
        String a = caseWhoseMessageIsFound("Wann kann ich meinen neuen Personalausweis abholen?");
        queue.searchProperty().set("pe");
        queue.searchProperty().set("personal");

        QueueEntry.Hit hit = (QueueEntry.Hit) queue.entries().getFirst();
        assertThat(hit.highlights()).extracting(r -> hit.text().substring(r[0], r[1])).containsExactly("Personal");
        assertThat(hit.accessibleText()).contains("Personalausweis");
    }

    @Test
    void aLongMessageBecomesASnippetAroundTheMatch() {
        String longText = "x".repeat(500_000) + " Wohngeld " + "y".repeat(500_000);
        String snippet = QueueProjection.snippet(longText, List.of("wohngeld"));
        assertThat(snippet.length()).isLessThanOrEqualTo(162);
        assertThat(snippet).contains("Wohngeld");
    }

    @Test
    void disposeStopsFollowingTheBook() {
        int before = desk.listenerCount();
        queue.dispose();
        assertThat(desk.listenerCount()).isEqualTo(before - 1);
    }
}
