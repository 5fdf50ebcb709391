package de.amtsdesk.app.lead;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.casepanel.TypePickerViewModel;
import de.amtsdesk.app.workspace.FoldDesk;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.log.StaffEventTypes;
import de.amtsdesk.core.i18n.Translations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lead desk without the toolkit, over a real fold: what is shown, what is sent, what the fold made of it. */
class LeadDeskViewModelTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final String WOHNGELD = "housing.wohngeld.apply";

    private final Translations text = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN);
    private final Translations caseText = Translations.load("de.amtsdesk.core.cases.messages", Locale.GERMAN);

    private LeadDeskViewModel desk(FoldDesk fold) {
        LeadDeskViewModel vm = new LeadDeskViewModel(fold, text, caseText, Locale.GERMAN, ZONE,
                Clock.fixed(fold.now(), ZONE), Runnable::run, Runnable::run);
        vm.refresh();
        return vm;
    }

    private static String reference(FoldDesk fold, String caseId) {
        return fold.book().find(caseId).orElseThrow().reference();
    }

    @Test
    void unassignedCasesComeOldestFirstAndABulkAssignIsOneEventThatFolds() {
        FoldDesk fold = new FoldDesk(FoldDesk.LEAD);
        String a = fold.newCase("@a:bund.example", "Erika", WOHNGELD);
        String held = fold.newCase("@b:bund.example", "Max", WOHNGELD);
        String c = fold.newCase("@c:bund.example", "Aylin", null);
        fold.apply(FoldDesk.LEAD, OutgoingStaffEvents.assign(held, FoldDesk.ANNA));
        LeadDeskViewModel vm = desk(fold);

        assertThat(vm.unassigned()).extracting(UnassignedRow::caseId).containsExactly(a, c);
        assertThat(vm.unassigned().get(0).accessibleText()).contains(reference(fold, a), "Erika",
                "Wohngeld beantragen");
        assertThat(vm.summaryProperty().get()).isEqualTo("2 nicht zugewiesen");

        vm.selected().setAll(a, c);
        vm.assignSelected(FoldDesk.BEN);

        assertThat(fold.sent()).hasSize(1);
        var sent = fold.sent().getFirst();
        assertThat(sent.type()).isEqualTo(StaffEventTypes.ASSIGNED);
        assertThat(sent.content().get("assignee").asText()).isEqualTo(FoldDesk.BEN);
        assertThat(sent.content().get("cases")).extracting(n -> n.asText()).containsExactly(a, c);
        assertThat(fold.book().find(a).orElseThrow().assignee()).isEqualTo(FoldDesk.BEN);
        assertThat(fold.book().find(c).orElseThrow().assignee()).isEqualTo(FoldDesk.BEN);
        assertThat(vm.resultProperty().get()).isEqualTo("2 Vorgänge an Ben Bearbeiter zugewiesen.");
        assertThat(vm.unassigned()).isEmpty();
        assertThat(vm.selected()).isEmpty();
        WorkloadRow ben = vm.workload().stream().filter(w -> w.userId().equals(FoldDesk.BEN)).findFirst()
                .orElseThrow();
        assertThat(ben.open()).isEqualTo(2);
        assertThat(ben.accessibleText()).startsWith("Ben Bearbeiter: 2 offen, 0 überfällig");
    }

    @Test
    void aRowIsMadeAgainOnlyWhenItsCaseChanged() {
        FoldDesk fold = new FoldDesk(FoldDesk.LEAD);
        String a = fold.newCase("@a:bund.example", "Erika", null);
        String b = fold.newCase("@b:bund.example", "Max", WOHNGELD);
        LeadDeskViewModel vm = desk(fold);
        UnassignedRow untouched = vm.unassigned().get(1);
        assertThat(vm.unassigned().get(0).type()).isEqualTo(caseText.get("case.untyped"));

        fold.apply(FoldDesk.LEAD, OutgoingStaffEvents.typed(a, WOHNGELD)); // the listener refreshes

        assertThat(vm.unassigned()).extracting(UnassignedRow::caseId).containsExactly(a, b);
        assertThat(vm.unassigned().get(0).type()).as("the retyped case's row is new").isEqualTo("Wohngeld beantragen");
        assertThat(vm.unassigned().get(1)).as("the other row is the same object").isSameAs(untouched);
        assertThat(vm.appliedProperty().get()).isEqualTo(2);
    }

    @Test
    void theTablesLinesStayTheSameObjectsAndOnlyTheChangedPersonsLineChanges() {
        FoldDesk fold = new FoldDesk(FoldDesk.LEAD);
        fold.newCase("@o:bund.example", "Olga", WOHNGELD); // stays everyone's "next case"
        String a = fold.newCase("@a:bund.example", "Erika", WOHNGELD);
        LeadDeskViewModel vm = desk(fold);
        List<de.amtsdesk.app.Line<WorkloadRow>> before = List.copyOf(vm.workloadLines());
        assertThat(before).extracting(l -> l.row().userId())
                .containsExactlyElementsOf(vm.workload().stream().map(WorkloadRow::userId).toList());
        de.amtsdesk.app.Line<WorkloadRow> ben = before.stream().filter(l -> l.row().userId().equals(FoldDesk.BEN)).findFirst().orElseThrow();
        List<String> listChanges = new java.util.ArrayList<>();
        vm.workloadLines().addListener((javafx.collections.ListChangeListener<de.amtsdesk.app.Line<WorkloadRow>>) c -> listChanges.add(
                c.toString()));
        List<WorkloadRow> benShown = new java.util.ArrayList<>();
        ben.rowProperty().addListener((obs, old, now) -> benShown.add(now));
        List<WorkloadRow> rowsBefore = List.copyOf(vm.workload());
        java.util.Set<String> linesChanged = new java.util.HashSet<>();
        before.forEach(l -> l.rowProperty().addListener((obs, old, now) -> linesChanged.add(l.row().userId())));

        fold.apply(FoldDesk.LEAD, OutgoingStaffEvents.assign(a, FoldDesk.BEN));

        assertThat(vm.workloadLines()).as("the same lines, in the same order").containsExactlyElementsOf(before);
        assertThat(listChanges).as("no list change: a TableView would rebuild every row for one").isEmpty();
        assertThat(benShown).as("Ben's line shows his new numbers once").hasSize(1);
        assertThat(ben.row().open()).isEqualTo(1);
        assertThat(ben.row()).isEqualTo(vm.workload().stream().filter(w -> w.userId().equals(FoldDesk.BEN))
                .findFirst().orElseThrow());
        java.util.Set<String> rowsChanged = new java.util.HashSet<>();
        for (int i = 0; i < rowsBefore.size(); i++) {
            if (!rowsBefore.get(i).equals(vm.workload().get(i))) {
                rowsChanged.add(rowsBefore.get(i).userId());
            }
        }
        assertThat(linesChanged).as("a line changes exactly when its person's numbers did").contains(FoldDesk.BEN)
                .isEqualTo(rowsChanged);
        assertThat(rowsChanged).as("only Ben's numbers changed").containsExactly(FoldDesk.BEN);
    }

    @Test
    void aRefusedAssignmentIsSaidInWordsWithTheAuditedReason() {
        FoldDesk fold = new FoldDesk(FoldDesk.ANNA); // a caseworker cannot assign to others
        String a = fold.newCase("@a:bund.example", "Erika", WOHNGELD);
        LeadDeskViewModel vm = desk(fold);
        vm.assign(List.of(a), FoldDesk.BEN);

        assertThat(fold.sent()).hasSize(1);
        assertThat(fold.book().find(a).orElseThrow().isAssigned()).isFalse();
        assertThat(vm.resultProperty().get()).isEqualTo("Abgelehnt: Fehlende Berechtigung.");
    }

    @Test
    void nothingSelectedIsSaidAndNothingSent() {
        FoldDesk fold = new FoldDesk(FoldDesk.LEAD);
        LeadDeskViewModel vm = desk(fold);
        vm.assignSelected(FoldDesk.BEN);
        assertThat(fold.sent()).isEmpty();
        assertThat(vm.resultProperty().get()).isEqualTo("Keine Vorgänge ausgewählt.");
    }

    @Test
    void workloadShowsCapacityAndTheNextCaseWithinCompetenceWhichOneActionAssigns() {
        FoldDesk fold = new FoldDesk(FoldDesk.LEAD);
        String untyped = fold.newCase("@a:bund.example", "Erika", null);
        String wohngeld = fold.newCase("@b:bund.example", "Max", WOHNGELD);
        fold.newCase("@c:bund.example", "Aylin", WOHNGELD);
        fold.apply(FoldDesk.LEAD, OutgoingStaffEvents.member(FoldDesk.ANNA, 2, List.of("housing"), false, null));
        LeadDeskViewModel vm = desk(fold);

        WorkloadRow anna = row(vm, FoldDesk.ANNA);
        assertThat(anna.capacity()).isEqualTo(2);
        assertThat(anna.capacityText()).isEqualTo("2");
        assertThat(anna.freeCapacity()).isEqualTo(2);
        assertThat(anna.nextCaseId()).as("oldest open case of her types; the untyped one is triage")
                .isEqualTo(wohngeld).isNotEqualTo(untyped);
        assertThat(anna.nextCase()).isEqualTo(reference(fold, wohngeld));

        vm.assignNext(FoldDesk.ANNA);

        var sent = fold.sent().getLast();
        assertThat(sent.type()).isEqualTo(StaffEventTypes.ASSIGNED);
        assertThat(sent.content().get("case").asText()).isEqualTo(wohngeld);
        assertThat(vm.resultProperty().get()).isEqualTo(reference(fold, wohngeld) + " an Anna Arbeit zugewiesen.");
        anna = row(vm, FoldDesk.ANNA);
        assertThat(anna.open()).isEqualTo(1);
        assertThat(anna.otherOpen() + anna.overdue() + anna.dueToday()).isEqualTo(1);
        assertThat(anna.freeCapacity()).isEqualTo(1);

        vm.assignNext(FoldDesk.ANNA);
        assertThat(row(vm, FoldDesk.ANNA).atCapacity()).isTrue();
        assertThat(row(vm, FoldDesk.ANNA).state()).isEqualTo("Kapazität erreicht");
        assertThat(row(vm, FoldDesk.ANNA).nextCaseId()).isNull();
        int before = fold.sent().size();
        vm.assignNext(FoldDesk.ANNA);
        assertThat(fold.sent()).hasSize(before);
        assertThat(vm.resultProperty().get()).startsWith("Für diese Person gibt es keinen passenden nächsten Vorgang.")
                .contains("ohne Anliegen");
    }

    @Test
    void theLeadInvitesAndRemovesMembersAndAWrongIdOrARefusalIsSaidInWords() {
        FoldDesk fold = new FoldDesk(FoldDesk.LEAD);
        String held = fold.newCase("@a:bund.example", "Erika", WOHNGELD);
        fold.apply(FoldDesk.LEAD, OutgoingStaffEvents.assign(held, FoldDesk.BEN));
        LeadDeskViewModel vm = desk(fold);

        vm.inviteMember("carla");
        assertThat(vm.resultProperty().get()).isEqualTo("„carla“ ist keine Matrix-ID (Form: @name:server).");
        vm.inviteMember(" @carla:amt.example ");
        assertThat(vm.resultProperty().get()).isEqualTo(
                "@carla:amt.example ist eingeladen; nach dem Beitritt erscheint die Person in der Auslastung.");

        assertThat(vm.openCasesOf(FoldDesk.BEN)).as("named before removing").isEqualTo(1);
        vm.removeMember(FoldDesk.BEN);
        assertThat(fold.memberChanges()).containsExactly("invite @carla:amt.example", "remove " + FoldDesk.BEN);
        assertThat(vm.resultProperty().get()).isEqualTo("Ben Bearbeiter ist aus der Einheit entfernt.");
        assertThat(fold.book().staffRoom().members()).doesNotContainKey(FoldDesk.BEN);
        assertThat(vm.workload()).as("still listed while holding a case, so it can be handed over")
                .extracting(WorkloadRow::userId).contains(FoldDesk.BEN);

        fold.refuseMemberChanges("M_FORBIDDEN: You don't have permission to kick");
        vm.removeMember(FoldDesk.ANNA);
        assertThat(vm.resultProperty().get()).isEqualTo("Nicht möglich: M_FORBIDDEN: You don't have permission to kick");
        assertThat(vm.workload()).extracting(WorkloadRow::userId).contains(FoldDesk.ANNA);
    }

    @Test
    void askingFirstForCitizensRequestsIsOnePolicyEventAndTheCheckBoxFollowsTheBook() {
        FoldDesk fold = new FoldDesk(FoldDesk.LEAD);
        LeadDeskViewModel vm = desk(fold);
        assertThat(vm.asksFirstProperty().get()).isFalse();

        vm.askFirst(true);

        var sent = fold.sent().getLast();
        assertThat(sent.type()).isEqualTo(StaffEventTypes.POLICY);
        assertThat(sent.content().get("autoJoin").asBoolean()).isFalse();
        assertThat(fold.book().policy().autoJoin()).isFalse();
        assertThat(vm.asksFirstProperty().get()).isTrue();
        assertThat(vm.resultProperty().get()).isEqualTo("Neue Anfragen warten jetzt auf Bestätigung.");
        int before = fold.sent().size();
        vm.askFirst(true);
        assertThat(fold.sent()).as("nothing to change").hasSize(before);
        vm.askFirst(false);
        assertThat(fold.book().policy().autoJoin()).isTrue();
        assertThat(vm.asksFirstProperty().get()).isFalse();
    }

    @Test
    void theAssigneePickerFiltersByTypingAndShowsTheLoad() {
        FoldDesk fold = new FoldDesk(FoldDesk.LEAD);
        LeadDeskViewModel vm = desk(fold);
        AssigneePickerViewModel picker = new AssigneePickerViewModel(vm.workload(), text);
        assertThat(picker.choices()).hasSize(3);
        picker.queryProperty().set("ben");
        assertThat(picker.choices()).extracting(AssigneePickerViewModel.Choice::userId).containsExactly(FoldDesk.BEN);
        assertThat(picker.choices().getFirst().label()).isEqualTo(
                "Ben Bearbeiter (@ben:amt.example) – 0 offen, Kapazität ohne Grenze");
    }

    @Test
    void memberSettingsAreSentWholeAndWrongCapacityIsNamed() {
        FoldDesk fold = new FoldDesk(FoldDesk.LEAD);
        LeadDeskViewModel vm = desk(fold);
        MemberSettingsViewModel member = new MemberSettingsViewModel(fold, text, Locale.GERMAN, FoldDesk.ANNA,
                vm::send);
        assertThat(member.titleProperty().get()).isEqualTo("Einstellungen für Anna Arbeit");

        member.capacityProperty().set("zwölf");
        assertThat(member.save()).isFalse();
        assertThat(member.messageProperty().get()).isEqualTo("Die Kapazität ist eine ganze Zahl von 0 bis 10000 oder leer.");
        assertThat(fold.sent()).isEmpty();

        member.capacityProperty().set("12");
        member.typeSearch().queryProperty().set("wohngeld beantragen");
        TypePickerViewModel.Choice wohngeld = member.typeSearch().choices().stream()
                .filter(c -> c.key().equals(WOHNGELD)).findFirst().orElseThrow();
        member.addType(wohngeld);
        assertThat(member.everyTypeProperty().get()).isFalse();
        member.absentProperty().set(true);
        member.deputyProperty().set(member.deputies().stream().filter(d -> d.userId().equals(FoldDesk.BEN))
                .findFirst().orElseThrow());
        assertThat(member.save()).isTrue();

        var sent = fold.sent().getLast();
        assertThat(sent.type()).isEqualTo(StaffEventTypes.MEMBER);
        assertThat(sent.content().toString()).isEqualTo("{\"v\":1,\"user\":\"@anna:amt.example\",\"maxOpenCases\":12,"
                + "\"caseTypes\":[\"housing.wohngeld.apply\"],\"absent\":true,\"deputy\":\"@ben:amt.example\"}");
        var settings = fold.book().roster().member(FoldDesk.ANNA);
        assertThat(settings.maxOpenCases()).isEqualTo(12);
        assertThat(settings.absent()).isTrue();
        assertThat(vm.resultProperty().get()).isEqualTo("Einstellungen für Anna Arbeit gespeichert.");
        assertThat(row(vm, FoldDesk.ANNA).state()).isEqualTo("abwesend, Vertretung Ben Bearbeiter");
    }

    @Test
    void aHandoverIsConfirmedWithTheNumberOfCasesAndMovesThemInOneEvent() {
        FoldDesk fold = new FoldDesk(FoldDesk.LEAD);
        String a = fold.newCase("@a:bund.example", "Erika", WOHNGELD);
        String b = fold.newCase("@b:bund.example", "Max", WOHNGELD);
        fold.apply(FoldDesk.LEAD, OutgoingStaffEvents.bulkAssign(List.of(a, b), FoldDesk.ANNA));
        LeadDeskViewModel vm = desk(fold);
        MemberSettingsViewModel member = new MemberSettingsViewModel(fold, text, Locale.GERMAN, FoldDesk.ANNA,
                vm::send);

        assertThat(member.handoverQuestion()).isEmpty();
        assertThat(member.messageProperty().get()).isEqualTo("Bitte eine Vertretung wählen.");
        member.deputyProperty().set(member.deputies().stream().filter(d -> d.userId().equals(FoldDesk.BEN))
                .findFirst().orElseThrow());
        assertThat(member.handoverQuestion()).contains("2 offene Vorgänge von Anna Arbeit gehen an Ben Bearbeiter. "
                + "Anna Arbeit wird als abwesend vermerkt. Übergeben?");

        member.handover();

        var sent = fold.sent().getLast();
        assertThat(sent.type()).isEqualTo(StaffEventTypes.HANDOVER);
        assertThat(sent.content().get("user").asText()).isEqualTo(FoldDesk.ANNA);
        assertThat(sent.content().get("deputy").asText()).isEqualTo(FoldDesk.BEN);
        assertThat(fold.book().find(a).orElseThrow().assignee()).isEqualTo(FoldDesk.BEN);
        assertThat(fold.book().find(b).orElseThrow().assignee()).isEqualTo(FoldDesk.BEN);
        assertThat(fold.book().roster().member(FoldDesk.ANNA).absent()).isTrue();
        assertThat(vm.resultProperty().get())
                .isEqualTo("Anna Arbeit ist abwesend, die offenen Vorgänge liegen jetzt bei Ben Bearbeiter.");
        assertThat(row(vm, FoldDesk.ANNA).open()).isZero();
        assertThat(row(vm, FoldDesk.BEN).open()).isEqualTo(2);
    }

    @Test
    void theMinuteTimerOfAClosedWindowDoesNotThrowOnItsFxThread() {
        FoldDesk fold = new FoldDesk(FoldDesk.LEAD);
        java.util.concurrent.ExecutorService closed = java.util.concurrent.Executors.newSingleThreadExecutor();
        closed.shutdown();
        SlaReportViewModel sla = new SlaReportViewModel(fold, text, caseText, Locale.GERMAN, ZONE,
                Clock.fixed(fold.now(), ZONE), closed, Runnable::run);
        org.assertj.core.api.Assertions.assertThatCode(sla::refresh).doesNotThrowAnyException();
        org.assertj.core.api.Assertions.assertThatCode(sla::refresh).as("and not stuck as 'computing'")
                .doesNotThrowAnyException();
    }

    @Test
    void aTargetMissedWhileTheLeadWorksIsAnnouncedOnceAndThoseAtSignInAreNot() {
        FoldDesk fold = new FoldDesk(FoldDesk.LEAD);
        String a = fold.newCase("@a:bund.example", "Erika", WOHNGELD); // Monday 09:00
        java.time.Instant[] now = {java.time.Instant.parse("2026-12-07T08:30:00Z")}; // Monday 09:30: not due yet
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZONE;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now[0];
            }
        };
        SlaReportViewModel sla = new SlaReportViewModel(fold, text, caseText, Locale.GERMAN, ZONE, clock);
        List<SlaReportViewModel.BreachRow> told = new java.util.ArrayList<>();
        sla.onNewBreaches(told::addAll);
        sla.refresh();
        assertThat(sla.breaches()).isEmpty();

        now[0] = java.time.Instant.parse("2026-12-09T11:00:00Z"); // Wednesday: the first response is late
        sla.refresh();
        sla.refresh();

        assertThat(told).extracting(SlaReportViewModel.BreachRow::reference).containsExactly(reference(fold, a));
        assertThat(told.getFirst().accessibleText()).contains(reference(fold, a), "Erste Antwort");

        // Switching to the month brings the month's breaches: a report, not news.
        int toldBefore = told.size();
        sla.periodProperty().set(SlaReportViewModel.Period.MONTH);
        assertThat(told).hasSize(toldBefore);

        // A lead signing in on Wednesday finds it in the report, not as news.
        SlaReportViewModel later = new SlaReportViewModel(fold, text, caseText, Locale.GERMAN, ZONE, clock);
        List<SlaReportViewModel.BreachRow> toldLater = new java.util.ArrayList<>();
        later.onNewBreaches(toldLater::addAll);
        later.refresh();
        assertThat(later.breaches()).extracting(SlaReportViewModel.BreachRow::reference).contains(reference(fold, a));
        assertThat(toldLater).isEmpty();
    }

    @Test
    void theSlaReportSharesAndBreachesAreShownAndExportedAsCsv(@TempDir Path dir) throws Exception {
        FoldDesk fold = new FoldDesk(FoldDesk.LEAD);
        String a = fold.newCase("@a:bund.example", "Erika", WOHNGELD);
        fold.apply(FoldDesk.LEAD, OutgoingStaffEvents.assign(a, FoldDesk.ANNA));
        // Friday of the same week: the first response to Monday's case is long overdue.
        Clock friday = Clock.fixed(java.time.Instant.parse("2026-12-11T11:00:00Z"), ZONE);
        SlaReportViewModel sla = new SlaReportViewModel(fold, text, caseText, Locale.GERMAN, ZONE, friday);
        sla.refresh();

        assertThat(sla.headingProperty().get()).isEqualTo("Diese Woche (07.12.2026 – 13.12.2026)");
        var type = sla.byType().stream().filter(r -> r.name().equals("Wohngeld beantragen")).findFirst().orElseThrow();
        assertThat(type.firstResponse()).isEqualTo("0/1 (0 %)");
        var anna = sla.byCaseworker().stream().filter(r -> r.name().equals("Anna Arbeit")).findFirst().orElseThrow();
        assertThat(anna.firstResponse()).isEqualTo("0/1 (0 %)");
        assertThat(sla.breaches()).extracting(SlaReportViewModel.BreachRow::reference).contains(reference(fold, a));
        assertThat(sla.breaches().getFirst().met()).isEqualTo("nicht erfüllt");

        Path file = dir.resolve("bericht.csv");
        String[] suggested = new String[1];
        sla.export(name -> {
            suggested[0] = name;
            return Optional.of(file);
        });
        assertThat(suggested[0]).isEqualTo("sla-woche-2026-12-11.csv");
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFGruppe;Name;");
        assertThat(csv).contains("Anliegen;Wohngeld beantragen;0/1 (0 %);", "Person;Anna Arbeit;0/1 (0 %);",
                reference(fold, a) + ";Wohngeld beantragen;Anna Arbeit;");
        assertThat(sla.messageProperty().get()).isEqualTo("Bericht gespeichert: " + file);

        sla.periodProperty().set(SlaReportViewModel.Period.MONTH);
        assertThat(sla.headingProperty().get()).isEqualTo("Dieser Monat (01.12.2026 – 31.12.2026)");
    }

    private static WorkloadRow row(LeadDeskViewModel vm, String user) {
        return vm.workload().stream().filter(w -> w.userId().equals(user)).findFirst().orElseThrow();
    }
}
