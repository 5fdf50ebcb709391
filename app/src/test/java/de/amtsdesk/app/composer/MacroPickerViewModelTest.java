package de.amtsdesk.app.composer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.app.workspace.CaseDesk;
import de.amtsdesk.app.workspace.FoldDesk;
import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.audit.AuditEntry;
import de.amtsdesk.core.cases.log.StaffEventTypes;
import de.amtsdesk.core.i18n.Translations;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The macro picker without the toolkit, over a desk that folds what it sends at once. */
class MacroPickerViewModelTest {

    private static final String ANNA = FoldDesk.ANNA;
    private static final Executor DIRECT = Runnable::run;

    private final FoldDesk desk = new FoldDesk(ANNA);
    private String wohngeld;

    @BeforeEach
    void unitWithTemplatesAndMacros() {
        lead(OutgoingStaffEvents.template("wohngeld-unterlagen", "de", "housing.wohngeld.apply", 1,
                "Wohngeld: Unterlagen", "Guten Tag {citizen.name},\nbitte senden Sie uns zu {case.reference} den "
                        + "Mietvertrag.\n{caseworker.name}", false));
        lead(OutgoingStaffEvents.macro("unterlagen-anfordern", "de", 1, "Unterlagen anfordern", "wohngeld-unterlagen",
                CaseStatus.WAITING, List.of("unterlagen-angefordert"), List.of("neu"), false));
        lead(OutgoingStaffEvents.macro("erledigt", "de", 1, "Erledigt", null, CaseStatus.CLOSED, List.of(), List.of(),
                false));
        lead(OutgoingStaffEvents.macro("erledigt", "en", 1, "Done", null, CaseStatus.CLOSED, List.of(), List.of(),
                false));
        lead(OutgoingStaffEvents.macro("bearbeiten", "de", 1, "In Bearbeitung nehmen", null, CaseStatus.OPEN,
                List.of("in-arbeit"), List.of(), false));
        lead(OutgoingStaffEvents.macro("alt", "de", 1, "Altes Makro", null, CaseStatus.CLOSED, List.of(), List.of(),
                false));
        lead(OutgoingStaffEvents.macro("alt", "de", 2, "Altes Makro", null, null, List.of(), List.of(), true));
        assertThat(desk.book().macros().all()).hasSize(5);
        wohngeld = desk.newCase("!wohngeld:amt.example", "Erika Mustermann");
        desk.apply(FoldDesk.LEAD, OutgoingStaffEvents.typed(wohngeld, "housing.wohngeld.apply"));
        desk.apply(FoldDesk.LEAD, OutgoingStaffEvents.tag(wohngeld, List.of("neu"), List.of()));
    }

    private void lead(OutgoingStaffEvents.Outgoing change) {
        desk.apply(FoldDesk.LEAD, change);
    }

    /** Every change the caseworker sent was applied by the fold (nothing rejected). */
    private void allAppliedFor(String caseId) {
        assertThat(desk.audit(caseId)).filteredOn(e -> e.actor().equals(ANNA))
                .allMatch(e -> e.outcome() == AuditEntry.Outcome.APPLIED);
    }

    private Case theCase(String id) {
        return desk.book().find(id).orElseThrow();
    }

    private MacroPickerViewModel picker(String caseId, Locale locale) {
        Translations text = Translations.load("de.amtsdesk.app.messages", locale, getClass().getClassLoader());
        Translations caseText = Translations.load("de.amtsdesk.core.cases.messages", locale,
                CaseBookListener.class.getClassLoader());
        return new MacroPickerViewModel(desk, theCase(caseId), locale, text, caseText, DIRECT);
    }

    private static MacroPickerViewModel.Choice choice(MacroPickerViewModel vm, String id) {
        return vm.choices().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void offersTheUnitsMacrosByTitleFilteredByWhatIsTypedWithoutRetiredOnes() {
        MacroPickerViewModel vm = picker(wohngeld, Locale.GERMAN);

        assertThat(vm.choices()).extracting(MacroPickerViewModel.Choice::title)
                .containsExactly("Erledigt", "In Bearbeitung nehmen", "Unterlagen anfordern");
        vm.queryProperty().set("unterl");
        assertThat(vm.choices()).extracting(MacroPickerViewModel.Choice::id).containsExactly("unterlagen-anfordern");
        vm.queryProperty().set("nichts");
        assertThat(vm.choices()).isEmpty();
    }

    @Test
    void thePreviewSaysWhatTheMacroWillDoAndShowsTheFilledInReply() {
        MacroPickerViewModel vm = picker(wohngeld, Locale.GERMAN);

        vm.highlight(choice(vm, "unterlagen-anfordern"));

        assertThat(vm.summaryProperty().get()).isEqualTo("Vorlage „Wohngeld: Unterlagen“ einfügen · "
                + "Status → Wartet auf Rückmeldung · Schlagwort +unterlagen-angefordert \u2212neu");
        assertThat(vm.previewProperty().get()).isEqualTo("Guten Tag Erika Mustermann,\nbitte senden Sie uns zu "
                + theCase(wohngeld).reference() + " den Mietvertrag.\nAnna Arbeit");
        assertThat(vm.missingProperty().get()).isEmpty();
    }

    @Test
    void runningReturnsTheReplyToInsertAndSendsOnlyStatusAndTagsToTheStaffRoom() {
        MacroPickerViewModel vm = picker(wohngeld, Locale.GERMAN);

        String insert = vm.run(choice(vm, "unterlagen-anfordern"));

        assertThat(insert).startsWith("Guten Tag Erika Mustermann,").endsWith("Anna Arbeit");
        // The reply is not among what was sent: only staff events, and the fold applied both.
        assertThat(desk.sent()).extracting(OutgoingStaffEvents.Outgoing::type)
                .containsExactly(StaffEventTypes.STATUS, StaffEventTypes.TAGGED);
        allAppliedFor(wohngeld);
        Case after = theCase(wohngeld);
        assertThat(after.status()).isEqualTo(CaseStatus.WAITING);
        assertThat(after.tags()).containsExactly("unterlagen-angefordert");
        assertThat(desk.audit(wohngeld)).filteredOn(e -> e.actor().equals(ANNA)).hasSize(2);
    }

    @Test
    void whatIsAlreadySoIsNotSentAgain() {
        picker(wohngeld, Locale.GERMAN).run(choice(picker(wohngeld, Locale.GERMAN), "unterlagen-anfordern"));
        int before = desk.sent().size();
        MacroPickerViewModel again = picker(wohngeld, Locale.GERMAN);
        MacroPickerViewModel.Choice repeat = choice(again, "unterlagen-anfordern");

        again.highlight(repeat);
        String insert = again.run(repeat);

        assertThat(again.summaryProperty().get()).contains("Status bleibt Wartet auf Rückmeldung",
                "Schlagworte bereits wie im Makro");
        assertThat(insert).startsWith("Guten Tag");
        assertThat(desk.sent()).hasSize(before);
    }

    @Test
    void aStatusTheCaseLogWouldRefuseIsNamedAndNotSentButTheRestRuns() {
        String untyped = desk.newCase("!neu:amt.example", "Max Muster");
        MacroPickerViewModel vm = picker(untyped, Locale.GERMAN);
        MacroPickerViewModel.Choice open = choice(vm, "bearbeiten");

        vm.highlight(open);
        String insert = vm.run(open);

        assertThat(vm.summaryProperty().get()).isEqualTo("Status → In Bearbeitung nicht möglich, der Vorgang hat "
                + "noch kein Anliegen (wird nicht gesetzt) · Schlagwort +in-arbeit");
        assertThat(insert).isEmpty();
        assertThat(desk.sent()).extracting(OutgoingStaffEvents.Outgoing::type).containsExactly(StaffEventTypes.TAGGED);
        allAppliedFor(untyped);
        assertThat(theCase(untyped).status()).isEqualTo(CaseStatus.UNTRIAGED);
        // Closing needs no type.
        vm.run(choice(vm, "erledigt"));
        assertThat(theCase(untyped).status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void aMacroWhoseTemplateDoesNotFitTheCaseDoesNotRunAtAll() {
        String passport = desk.newCase("!pass:amt.example", "Eva Beispiel");
        desk.apply(FoldDesk.LEAD, OutgoingStaffEvents.typed(passport, "identity.passport.apply"));
        MacroPickerViewModel vm = picker(passport, Locale.GERMAN);
        MacroPickerViewModel.Choice documents = choice(vm, "unterlagen-anfordern");

        vm.highlight(documents);

        assertThat(documents.runnable()).isFalse();
        assertThat(vm.summaryProperty().get()).startsWith("Nicht ausführbar: Vorlage „wohngeld-unterlagen“ gibt es");
        assertThatThrownBy(() -> vm.run(documents)).isInstanceOf(IllegalStateException.class);
        assertThat(desk.sent()).isEmpty();
        assertThat(theCase(passport).status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void runningLooksAtTheCaseAsItIsNow() {
        MacroPickerViewModel vm = picker(wohngeld, Locale.GERMAN);
        MacroPickerViewModel.Choice documents = choice(vm, "unterlagen-anfordern");
        // A colleague set the case to waiting and removed "neu" while the picker was open.
        desk.apply(FoldDesk.LEAD, OutgoingStaffEvents.status(wohngeld, CaseStatus.WAITING, null));
        desk.apply(FoldDesk.LEAD, OutgoingStaffEvents.tag(wohngeld, List.of(), List.of("neu")));

        vm.run(documents);

        assertThat(desk.sent()).singleElement().extracting(o -> o.content().toString())
                .isEqualTo("{\"v\":1,\"case\":\"" + wohngeld + "\",\"add\":[\"unterlagen-angefordert\"]}");
    }

    @Test
    void anEnglishReplyGetsTheEnglishMacrosAndTheGermanOnesWithoutTranslation() {
        MacroPickerViewModel vm = picker(wohngeld, Locale.ENGLISH);

        assertThat(vm.choices()).extracting(MacroPickerViewModel.Choice::title)
                .containsExactly("Done", "In Bearbeitung nehmen", "Unterlagen anfordern");
        vm.highlight(choice(vm, "erledigt"));
        assertThat(vm.summaryProperty().get()).isEqualTo("Status → Closed");
    }

    @Test
    void aPlaceholderWithoutValueIsNamed() {
        String anonymous = desk.newCase("!anon:amt.example", null);
        desk.apply(FoldDesk.LEAD, OutgoingStaffEvents.typed(anonymous, "housing.wohngeld.apply"));
        MacroPickerViewModel vm = picker(anonymous, Locale.GERMAN);

        vm.highlight(choice(vm, "unterlagen-anfordern"));

        assertThat(vm.missingProperty().get()).isEqualTo("Noch ohne Wert (bitte ergänzen): citizen.name");
        assertThat(vm.previewProperty().get()).startsWith("Guten Tag {citizen.name},");
    }

    @Test
    void aChangeThatCannotBeQueuedIsReportedAndTheReplyIsStillReturned() {
        CaseDesk refusing = new CaseDesk() {
            @Override
            public String me() {
                return desk.me();
            }

            @Override
            public de.amtsdesk.core.cases.CaseBook book() {
                return desk.book();
            }

            @Override
            public de.amtsdesk.core.cases.catalogue.ServiceCatalogue catalogue() {
                return desk.catalogue();
            }

            @Override
            public void addListener(CaseBookListener listener) {
            }

            @Override
            public void removeListener(CaseBookListener listener) {
            }

            @Override
            public void send(OutgoingStaffEvents.Outgoing change) {
                throw new IllegalStateException("the staff room is not known as encrypted yet");
            }

            @Override
            public List<de.amtsdesk.core.staff.SearchIndex.Hit> search(String query, int limit) {
                return List.of();
            }

            @Override
            public List<de.amtsdesk.core.cases.audit.AuditEntry> audit(String caseId) {
                return List.of();
            }
        };
        MacroPickerViewModel vm = new MacroPickerViewModel(refusing, theCase(wohngeld), Locale.GERMAN,
                Translations.load("de.amtsdesk.app.messages", Locale.GERMAN),
                Translations.load("de.amtsdesk.core.cases.messages", Locale.GERMAN), DIRECT);
        AtomicBoolean reported = new AtomicBoolean();
        vm.onSendFailure(() -> reported.set(true));

        String insert = vm.run(choice(vm, "unterlagen-anfordern"));

        assertThat(reported).isTrue();
        assertThat(insert).startsWith("Guten Tag");
        assertThat(theCase(wohngeld).status()).isEqualTo(CaseStatus.OPEN);
    }
}
