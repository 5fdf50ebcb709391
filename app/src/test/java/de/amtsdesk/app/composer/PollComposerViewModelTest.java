package de.amtsdesk.app.composer;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.core.conversation.Poll;
import de.amtsdesk.core.conversation.PollDraft;
import de.amtsdesk.core.i18n.Translations;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

/** The poll composer without the toolkit: options, limits, preview, problems, and the draft it hands over. */
class PollComposerViewModelTest {

    private static PollComposerViewModel composer(Locale locale) {
        return new PollComposerViewModel(Translations.load("de.amtsdesk.app.messages", locale,
                PollComposerViewModelTest.class.getClassLoader()));
    }

    private static List<String> texts(PollComposerViewModel vm) {
        return vm.options().stream().map(StringProperty::get).toList();
    }

    @Test
    void itStartsEmptyWithTwoOptionsAndNamesWhatIsMissing() {
        PollComposerViewModel vm = composer(Locale.GERMAN);
        assertThat(vm.options()).hasSize(2);
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.draft()).isEmpty();
        assertThat(vm.problemsProperty().get()).isEqualTo("""
                Die Frage fehlt.
                Antwort 1 ist leer.
                Antwort 2 ist leer.""");
        assertThat(vm.previewProperty().get()).isEqualTo("""
                (noch keine Frage)
                1. (leer)
                2. (leer)
                Eine Antwort möglich
                Ergebnis sofort sichtbar""");

        vm.questionProperty().set("Welcher Termin passt?");
        vm.options().get(0).set("Montag");
        assertThat(vm.problemsProperty().get()).isEqualTo("Antwort 2 ist leer.");
        vm.options().get(1).set(" montag ");
        assertThat(vm.problemsProperty().get()).isEqualTo("Antwort 2 wiederholt Antwort 1.");
        vm.options().get(1).set("Dienstag");
        assertThat(vm.problemsProperty().get()).isEmpty();
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.draft()).contains(PollDraft.singleChoice("Welcher Termin passt?", List.of("Montag", "Dienstag")));
    }

    @Test
    void optionsAreAddedUpToTwentyRemovedDownToTwoAndMoved() {
        PollComposerViewModel vm = composer(Locale.GERMAN);
        for (int i = 3; i <= 20; i++) {
            assertThat(vm.addOption()).isTrue();
        }
        assertThat(vm.options()).hasSize(20);
        assertThat(vm.canAddProperty().get()).isFalse();
        assertThat(vm.addOption()).as("a 21st option would not reach the citizen").isFalse();
        for (int i = 0; i < 20; i++) {
            vm.options().get(i).set("O" + (i + 1));
        }
        assertThat(vm.removeOption(19)).isTrue();
        assertThat(vm.canAddProperty().get()).isTrue();
        while (vm.options().size() > 3) {
            assertThat(vm.removeOption(0)).isTrue();
        }
        assertThat(texts(vm)).containsExactly("O17", "O18", "O19");
        assertThat(vm.moveUp(0)).isFalse();
        assertThat(vm.moveDown(2)).isFalse();
        assertThat(vm.moveUp(2)).isTrue();
        assertThat(texts(vm)).containsExactly("O17", "O19", "O18");
        assertThat(vm.moveDown(0)).isTrue();
        assertThat(texts(vm)).containsExactly("O19", "O17", "O18");
        assertThat(vm.removeOption(1)).isTrue();
        assertThat(vm.canRemoveProperty().get()).isFalse();
        assertThat(vm.removeOption(0)).as("two options stay").isFalse();
        assertThat(texts(vm)).containsExactly("O19", "O18");
    }

    @Test
    void multipleAnswersAndResultsAfterTheEndShowInPreviewAndDraft() {
        PollComposerViewModel vm = composer(Locale.GERMAN);
        vm.questionProperty().set("Welche Unterlagen fehlen?");
        vm.options().get(0).set("Pass");
        vm.options().get(1).set("Foto");
        vm.addOption();
        vm.options().get(2).set("Meldebescheinigung");
        vm.multipleProperty().set(true);
        vm.maxSelectionsProperty().set(3);
        vm.disclosedProperty().set(false);
        assertThat(vm.previewProperty().get()).isEqualTo("""
                Welche Unterlagen fehlen?
                1. Pass
                2. Foto
                3. Meldebescheinigung
                Bis zu 3 Antworten möglich
                Ergebnis erst nach dem Ende sichtbar""");
        assertThat(vm.draft()).contains(new PollDraft("Welche Unterlagen fehlen?",
                List.of("Pass", "Foto", "Meldebescheinigung"), 3, Poll.Kind.UNDISCLOSED));

        // Removing an option pulls the maximum down with it.
        vm.removeOption(2);
        assertThat(vm.maxSelectionsProperty().get()).isEqualTo(2);
        assertThat(vm.validProperty().get()).isTrue();
        vm.maxSelectionsProperty().set(1);
        assertThat(vm.validProperty().get()).as("multiple answers with a maximum of one is not what was meant")
                .isFalse();
        assertThat(vm.problemsProperty().get()).isEqualTo("Bei mehreren Antworten sind 2 bis 2 wählbar.");
        vm.multipleProperty().set(false);
        assertThat(vm.draft()).map(PollDraft::maxSelections).contains(1);
    }

    @Test
    void tooLongTextsAreNamedWithTheirLimitInEnglishToo() {
        PollComposerViewModel vm = composer(Locale.ENGLISH);
        vm.questionProperty().set("q".repeat(341));
        vm.options().get(0).set("a");
        vm.options().get(1).set("b".repeat(341));
        assertThat(vm.problemsProperty().get()).isEqualTo("""
                The question is longer than 340 characters.
                Option 2 is longer than 340 characters.""");
        vm.questionProperty().set("Which documents?");
        vm.options().get(1).set("b");
        vm.multipleProperty().set(true);
        assertThat(vm.previewProperty().get()).isEqualTo("""
                Which documents?
                1. a
                2. b
                Up to 2 answers
                Results visible now""");
    }
}
