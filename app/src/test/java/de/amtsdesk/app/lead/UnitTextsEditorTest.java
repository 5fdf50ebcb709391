package de.amtsdesk.app.lead;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.workspace.FoldDesk;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.i18n.Translations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The lead's template and macro editor without the toolkit, against the real fold: publish, publish a next version,
 * retire; what the fold would refuse stays in the form with the reason; a caseworker's macro picker then offers it.
 */
class UnitTextsEditorTest {

    private static final Translations TEXT = Translations.load("de.amtsdesk.app.messages", Locale.GERMAN);

    private final FoldDesk lead = new FoldDesk(FoldDesk.LEAD);
    private final List<String> said = new ArrayList<>();

    private TemplateEditorViewModel templates() {
        return new TemplateEditorViewModel(lead, TEXT, (change, success) -> {
            lead.submit(change);
            said.add(success);
        }, Runnable::run);
    }

    private MacroEditorViewModel macros() {
        return new MacroEditorViewModel(lead, TEXT, (change, success) -> {
            lead.submit(change);
            said.add(success);
        }, Runnable::run);
    }

    @Test
    void aTemplateIsPublishedVersionedAndRetired() {
        TemplateEditorViewModel vm = templates();
        vm.idProperty().set("wohngeld.unterlagen");
        vm.caseTypeProperty().set("housing");
        vm.titleProperty().set("Unterlagen fehlen");
        vm.bodyProperty().set("Guten Tag {citizen.name|Damen und Herren}, bitte senden Sie den Mietvertrag.");
        assertThat(vm.publish()).isTrue();
        assertThat(lead.book().templates().current("wohngeld.unterlagen", "de")).hasValueSatisfying(t -> {
            assertThat(t.version()).isEqualTo(1);
            assertThat(t.caseType()).isEqualTo("housing");
        });
        assertThat(vm.rows()).singleElement().satisfies(row -> assertThat(row.text())
                .isEqualTo("wohngeld.unterlagen (de) – Unterlagen fehlen, Fassung 1, für housing"));

        vm.edit(vm.rows().getFirst());
        vm.titleProperty().set("Unterlagen fehlen noch");
        assertThat(vm.publish()).isTrue();
        assertThat(lead.book().templates().current("wohngeld.unterlagen", "de").orElseThrow().version()).isEqualTo(2);

        vm.retire(vm.rows().getFirst());
        assertThat(lead.book().templates().current("wohngeld.unterlagen", "de").orElseThrow().retired()).isTrue();
        assertThat(vm.rows().getFirst().text()).endsWith("zurückgezogen");
        assertThat(said).containsExactly(TEXT.get("lead.templates.published", "wohngeld.unterlagen", 1),
                TEXT.get("lead.templates.published", "wohngeld.unterlagen", 2),
                TEXT.get("lead.templates.retired", "wohngeld.unterlagen"));
        vm.dispose();
    }

    @Test
    void anUnknownPlaceholderOrBadIdStaysInTheFormWithTheReason() {
        TemplateEditorViewModel vm = templates();
        vm.idProperty().set("Wohngeld Unterlagen");
        vm.titleProperty().set("x");
        vm.bodyProperty().set("Ihre IBAN {citizen.iban}");
        assertThat(vm.publish()).isFalse();
        assertThat(vm.problemProperty().get()).startsWith("So kann die Vorlage nicht veröffentlicht werden: id");
        vm.idProperty().set("wohngeld");
        assertThat(vm.publish()).isFalse();
        assertThat(vm.problemProperty().get()).contains("citizen.iban");
        assertThat(vm.bodyProperty().get()).as("nothing typed is lost").isEqualTo("Ihre IBAN {citizen.iban}");
        assertThat(lead.book().templates().all()).isEmpty();
        vm.dispose();
    }

    @Test
    void aMacroCombinesTemplateStatusAndTagsAndAnEmptyOneIsRefused() {
        TemplateEditorViewModel t = templates();
        t.idProperty().set("frist");
        t.titleProperty().set("Frist");
        t.bodyProperty().set("Bitte bis {case.due} antworten.");
        t.publish();
        MacroEditorViewModel vm = macros();
        assertThat(vm.templateIds()).containsExactly("", "frist");
        vm.idProperty().set("nachfordern");
        vm.titleProperty().set("Unterlagen nachfordern");
        assertThat(vm.publish()).isFalse();
        assertThat(vm.problemProperty().get()).contains("a macro must");
        vm.templateIdProperty().set("frist");
        vm.statusProperty().set(Optional.of(CaseStatus.WAITING));
        vm.addTagsProperty().set("Unterlagen fehlen, Frist");
        assertThat(vm.publish()).isTrue();
        assertThat(lead.book().macros().current("nachfordern", "de")).hasValueSatisfying(m -> {
            assertThat(m.templateId()).isEqualTo("frist");
            assertThat(m.status()).isEqualTo(CaseStatus.WAITING);
            assertThat(m.addTags()).containsExactly("Frist", "Unterlagen fehlen");
        });
        assertThat(lead.book().macros().offered(Locale.GERMAN)).extracting(m -> m.id()).containsExactly("nachfordern");
        vm.retire(vm.rows().getFirst());
        assertThat(lead.book().macros().offered(Locale.GERMAN)).isEmpty();
        vm.dispose();
        t.dispose();
    }
}
