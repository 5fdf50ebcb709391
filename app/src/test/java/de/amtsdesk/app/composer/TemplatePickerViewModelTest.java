package de.amtsdesk.app.composer;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.workspace.FoldDesk;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Templates for the case's type and language, filled from the case; dates in the reader's order, never US. */
class TemplatePickerViewModelTest {

    private final FoldDesk desk = new FoldDesk(FoldDesk.ANNA);

    @Test
    void englishTemplatesAreFilledWithDayFirstDatesAndMissingValuesNamed() {
        desk.apply(FoldDesk.LEAD, OutgoingStaffEvents.template("ack", "en", "*", 1, "Acknowledgement",
                "Hello {citizen.name}, reference {case.reference}, reply by {case.due}. {unit.contact}", false));
        desk.apply(FoldDesk.LEAD, OutgoingStaffEvents.template("ack", "de", "*", 1, "Eingang",
                "Guten Tag {citizen.name}", false));
        String id = desk.newCase("!aaa:amt.example", "Erika Mustermann");
        desk.apply(FoldDesk.ANNA, OutgoingStaffEvents.typed(id, "housing.wohngeld.apply"));

        TemplatePickerViewModel picker = new TemplatePickerViewModel(desk, desk.book().find(id).orElseThrow(),
                Locale.ENGLISH, "Missing: {0}");
        assertThat(picker.choices()).extracting(TemplatePickerViewModel.Choice::title).containsExactly(
                "Acknowledgement");
        picker.highlight(picker.choices().getFirst());
        String text = picker.previewProperty().get();
        assertThat(text).startsWith("Hello Erika Mustermann, reference WG-").matches("(?s).*reply by \\d{1,2} \\w+ \\d{4}\\..*");
        assertThat(picker.missingProperty().get()).isEqualTo("Missing: unit.contact");
        assertThat(PlaceholderCheck.unfilled(text)).containsExactly("unit.contact");
    }
}
