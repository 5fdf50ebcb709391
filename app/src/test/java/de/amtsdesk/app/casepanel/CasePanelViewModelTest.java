package de.amtsdesk.app.casepanel;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.workspace.FoldDesk;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.log.StaffEventTypes;
import de.amtsdesk.core.cases.sla.SlaClock;
import de.amtsdesk.core.i18n.Translations;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The case panel without the toolkit: what it shows, which transitions it offers, what its actions send. */
class CasePanelViewModelTest {

    private final FoldDesk desk = new FoldDesk(FoldDesk.ANNA);
    private final CasePanelViewModel panel = new CasePanelViewModel(desk,
            Translations.load("de.amtsdesk.app.messages", Locale.GERMAN),
            Translations.load("de.amtsdesk.core.cases.messages", Locale.GERMAN), Locale.GERMAN,
            ZoneId.of("Europe/Berlin"), Clock.fixed(desk.now(), ZoneOffset.UTC), Runnable::run, Runnable::run);

    @Test
    void anUntypedCaseOffersOnlyClosingAndTypingMakesItOpenWithClocks() {
        String id = desk.newCase("!aaa:amt.example", "Erika Mustermann");
        panel.show(id);
        assertThat(panel.shownProperty().get()).isTrue();
        assertThat(panel.referenceProperty().get()).startsWith("WG-");
        assertThat(panel.typeNameProperty().get()).isEqualTo("Ohne Anliegen");
        assertThat(panel.transitions()).containsExactly(CaseStatus.CLOSED);

        panel.chooseType("housing.wohngeld.apply");
        assertThat(desk.sent()).extracting(o -> o.type()).containsExactly(StaffEventTypes.TYPED);
        assertThat(panel.typeNameProperty().get()).isEqualTo("Wohngeld beantragen");
        assertThat(panel.statusProperty().get()).isEqualTo("In Bearbeitung");
        assertThat(panel.transitions()).containsExactly(CaseStatus.WAITING, CaseStatus.CLOSED);
        assertThat(panel.sla()).extracting(CasePanelViewModel.SlaRow::state).contains(SlaClock.State.RUNNING);
        assertThat(panel.sla().getFirst().text()).startsWith("Läuft, fällig");
    }

    @Test
    void takingNotesAndTagsGoThroughTheStaffRoomAndShowUp() {
        String id = desk.newCase("!aaa:amt.example", "Erika");
        panel.show(id);
        assertThat(panel.canTakeOverProperty().get()).isTrue();
        panel.assignToMe();
        assertThat(panel.assigneeProperty().get()).isEqualTo("Anna Arbeit (Sie)");
        assertThat(panel.canTakeOverProperty().get()).isFalse();

        panel.addNote();
        assertThat(panel.messageProperty().get()).isEqualTo("Die Notiz ist leer.");
        panel.noteDraftProperty().set("  Rückruf am Freitag  ");
        panel.addNote();
        assertThat(panel.noteDraftProperty().get()).isEmpty();
        assertThat(panel.notes()).extracting(CasePanelViewModel.NoteRow::text).containsExactly("Rückruf am Freitag");
        assertThat(panel.notes().getFirst().author()).isEqualTo("Anna Arbeit");

        panel.tagInputProperty().set("Eilig");
        panel.addTag();
        assertThat(panel.tags()).containsExactly("eilig");
        panel.tagInputProperty().set("eilig");
        panel.addTag();
        assertThat(panel.messageProperty().get()).contains("schon vorhanden");
        panel.removeTag("eilig");
        assertThat(panel.tags()).isEmpty();

        assertThat(panel.audit()).extracting(CasePanelViewModel.AuditRow::text)
                .anySatisfy(t -> assertThat(t).startsWith("Zuständigkeit geändert: Zuständig"))
                .anySatisfy(t -> assertThat(t).isEqualTo("Interne Notiz"))
                .anySatisfy(t -> assertThat(t).startsWith("Schlagworte geändert"));
        assertThat(panel.audit()).extracting(CasePanelViewModel.AuditRow::text)
                .noneSatisfy(t -> assertThat(t).contains("Rückruf"));
    }

    /** A reply's attribution changes no case field: the shown trail still gets it (it used to wait for the next change). */
    @Test
    void aReplySentMeanwhileAppearsInTheShownTrail() {
        String id = desk.newCase("!aaa:amt.example", "Erika");
        panel.show(id);
        int before = panel.audit().size();
        desk.apply(FoldDesk.ANNA, de.amtsdesk.core.cases.OutgoingStaffEvents.replied(id, "$poll1:amt.example", null,
                "poll", null, de.amtsdesk.core.cases.OutgoingStaffEvents.sha256Hex("Frage")));
        assertThat(panel.audit()).hasSize(before + 1);
        assertThat(panel.audit().getLast().text()).startsWith("Antwort gesendet").contains("reply.kind poll");
        assertThat(panel.audit().getLast().actor()).isEqualTo("Anna Arbeit");
    }

    @Test
    void aStatusTheLogRejectsIsShownAsRejectedInTheTrail() {
        String id = desk.newCase("!aaa:amt.example", "Erika");
        panel.show(id);
        panel.changeStatus(CaseStatus.WAITING); // untyped: the log refuses
        assertThat(panel.statusProperty().get()).isEqualTo("Neu (nicht zugeordnet)");
        panel.show(id);
        assertThat(panel.audit()).anySatisfy(row -> {
            assertThat(row.rejected()).isTrue();
            assertThat(row.text()).contains("Statuswechsel nicht zulässig");
        });
    }

    @Test
    void showingNothingClearsThePanel() {
        String id = desk.newCase("!aaa:amt.example", "Erika");
        panel.show(id);
        panel.show(null);
        assertThat(panel.shownProperty().get()).isFalse();
        assertThat(panel.transitions()).isEmpty();
    }
}
