package de.amtsdesk.app.lead;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.notice.NoticeEditorViewModel;
import de.amtsdesk.app.workspace.FoldDesk;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.UnitLetterhead;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.notice.Letterhead;
import de.amtsdesk.core.notice.NoticeTemplateCatalogue;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The lead sets the unit's letterhead; it goes through the staff log (the fold applies it as policy) and a caseworker's
 * notice editor prints it — on the next render, without reopening. Bad input stays in the form with the reason.
 */
class LetterheadViewModelTest {

    private static final Translations TEXT = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN);

    @Test
    void theLeadsLetterheadReachesTheFoldAndTheNextNotice() throws Exception {
        FoldDesk lead = new FoldDesk(FoldDesk.LEAD);
        List<String> said = new ArrayList<>();
        LetterheadViewModel vm = new LetterheadViewModel(lead, TEXT, (change, success) -> {
            lead.submit(change);
            said.add(success);
        });
        assertThat(vm.nameProperty().get()).isEmpty();
        vm.nameProperty().set("Stadt Musterstadt – Wohngeldstelle");
        vm.addressProperty().set("Rathausplatz 1\n\n12345 Musterstadt\n");

        assertThat(vm.save()).isTrue();

        assertThat(said).containsExactly(TEXT.get("lead.letterhead.done"));
        assertThat(lead.book().policy().letterhead()).isEqualTo(new UnitLetterhead(
                "Stadt Musterstadt – Wohngeldstelle", List.of("Rathausplatz 1", "12345 Musterstadt")));
        // Opened again, the form shows what the unit has.
        LetterheadViewModel again = new LetterheadViewModel(lead, TEXT, (change, success) -> { });
        assertThat(again.addressProperty().get()).isEqualTo("Rathausplatz 1\n12345 Musterstadt");
    }

    @Test
    void aNoticeEditorOpenBeforeTheLeadSetItPrintsItOnTheNextRequest() throws Exception {
        FoldDesk anna = new FoldDesk(FoldDesk.ANNA);
        String caseId = anna.newCase("!room1:amt.example", "Erika Mustermann");
        NoticeEditorViewModel editor = new NoticeEditorViewModel(anna, caseId, NoticeTemplateCatalogue.builtIn(),
                new Letterhead("Allgemein", List.of(), ""), Locale.GERMAN, ZoneId.of("Europe/Berlin"),
                Clock.systemUTC(), (id, pdf, sha, name, message) -> "txn", TEXT, Runnable::run, Runnable::run);
        editor.useLetterhead(() -> {
            UnitLetterhead unit = anna.book().policy().letterhead();
            return unit.isEmpty() ? new Letterhead("Allgemein", List.of(), "")
                    : new Letterhead(unit.name(), unit.lines(), "");
        }, () -> anna.book().policy().letterhead().isEmpty());
        assertThat(editor.letterheadMissingProperty().get()).isTrue();

        anna.apply(FoldDesk.LEAD, OutgoingStaffEvents.letterhead(new UnitLetterhead("Landkreis Beispiel – Jobcenter",
                List.of("Am Markt 3", "99999 Beispielstadt"))));
        editor.gaps().forEach(gap -> gap.value().set("Angabe"));
        editor.requestSignOff();

        try (var pdf = Loader.loadPDF(editor.requestedPdf())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Landkreis Beispiel – Jobcenter")
                    .contains("Am Markt 3").doesNotContain("Allgemein");
        }
        editor.dispose();
    }

    @Test
    void anEmptyOrOversizedLetterheadStaysInTheFormWithTheReason() {
        FoldDesk lead = new FoldDesk(FoldDesk.LEAD);
        List<OutgoingStaffEvents.Outgoing> sent = new ArrayList<>();
        LetterheadViewModel vm = new LetterheadViewModel(lead, TEXT, (change, success) -> sent.add(change));
        vm.addressProperty().set("Rathausplatz 1");
        assertThat(vm.save()).isFalse();
        assertThat(vm.problemProperty().get()).isEqualTo(TEXT.get("lead.letterhead.invalid"));
        vm.addressProperty().set("");
        assertThat(vm.save()).isFalse();
        assertThat(vm.problemProperty().get()).isEqualTo(TEXT.get("lead.letterhead.nameMissing"));
        vm.nameProperty().set("Amt");
        vm.addressProperty().set("1\n2\n3\n4\n5\n6\n7");
        assertThat(vm.save()).isFalse();
        assertThat(vm.addressProperty().get()).as("nothing typed is lost").isEqualTo("1\n2\n3\n4\n5\n6\n7");
        assertThat(sent).isEmpty();
    }
}
