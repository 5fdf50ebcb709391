package de.amtsdesk.app.notice;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.a11y.SceneAudit;
import de.amtsdesk.app.a11y.Screens;
import de.amtsdesk.app.workspace.FoldDesk;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.notice.Letterhead;
import de.amtsdesk.core.notice.NoticeTemplate;
import de.amtsdesk.core.notice.NoticeTemplateCatalogue;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The notice editor dialog through the screens' audit in both languages (names, labelFor, unique mnemonics); its gap
 * field is labelled with the placeholder, and the preview shows the rendered first page.
 */
@ExtendWith(ApplicationExtension.class)
class NoticeEditorDialogAccessibleFxTest {

    private static final NoticeTemplateCatalogue CATALOGUE = new NoticeTemplateCatalogue(List.of(
            new NoticeTemplate("general.gap", "de", "*", "Bescheid {case.reference}", "Text\n{unit.contact}"),
            new NoticeTemplate("general.gap", "en", "*", "Notice {case.reference}", "Text\n{unit.contact}")));

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void theDialogPassesTheAuditInBothLanguagesWithALabelledGapAndAPreview(FxRobot robot) {
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            Translations text = Screens.text(locale);
            FoldDesk desk = new FoldDesk(FoldDesk.ANNA);
            String caseId = desk.newCase("!room1:amt.example", "Erika");
            robot.interact(() -> {
                NoticeEditorViewModel vm = new NoticeEditorViewModel(desk, caseId, CATALOGUE,
                        new Letterhead("Stadt Musterstadt", List.of(), ""), locale, ZoneId.of("Europe/Berlin"),
                        Clock.systemUTC(), (id, pdf, sha, name, message) -> "txn", text, Runnable::run,
                        Runnable::run);
                NoticeEditorDialog dialog = new NoticeEditorDialog(null, text, vm, "WG-2026-00001");
                SceneAudit.assertAccessible(dialog.getDialogPane());
                TextField gap = (TextField) dialog.getDialogPane().lookup("#gap-unit-contact");
                assertThat(gap).isNotNull();
                assertThat(dialog.getDialogPane().lookupAll(".label").stream().map(Label.class::cast)
                        .filter(l -> l.getLabelFor() == gap).map(Label::getText))
                        .containsExactly(text.get("notice.gap", "{unit.contact}"));
                assertThat(dialog.preview().getImage()).isNotNull();
                assertThat(dialog.preview().getImage().getWidth()).isEqualTo(vm.previewProperty().get().getWidth());
                vm.dispose();
            });
        }
    }

    /** A TSA locked by the admin policy: shown, read-only but reachable, with the reason for the screen reader. */
    @Test
    void aTsaLockedByPolicyIsShownReadOnlyWithItsReason(FxRobot robot) {
        Translations text = Screens.text(Locale.GERMAN);
        FoldDesk desk = new FoldDesk(FoldDesk.ANNA);
        String caseId = desk.newCase("!room1:amt.example", "Erika");
        robot.interact(() -> {
            NoticeEditorViewModel vm = new NoticeEditorViewModel(desk, caseId, CATALOGUE,
                    new Letterhead("Stadt Musterstadt", List.of(), ""), Locale.GERMAN, ZoneId.of("Europe/Berlin"),
                    Clock.systemUTC(), (id, pdf, sha, name, message) -> "txn", text, Runnable::run, Runnable::run);
            vm.tsaUrlProperty().set("https://own-choice.example/tsr");
            vm.lockTsa("https://tsa.amt.example/tsr");
            NoticeEditorDialog dialog = new NoticeEditorDialog(null, text, vm, "WG-2026-00001");
            SceneAudit.assertAccessible(dialog.getDialogPane());
            TextField tsa = (TextField) dialog.getDialogPane().lookup("#noticeTsa");
            Label reason = (Label) dialog.getDialogPane().lookup("#noticeTsaLocked");
            assertThat(tsa.getText()).isEqualTo("https://tsa.amt.example/tsr");
            assertThat(tsa.isEditable()).isFalse();
            assertThat(tsa.isFocusTraversable()).isTrue();
            assertThat(reason.isVisible()).isTrue();
            assertThat(tsa.getAccessibleHelp()).isEqualTo("Vom Administrator festgelegt");
            vm.dispose();
        });
    }
}
