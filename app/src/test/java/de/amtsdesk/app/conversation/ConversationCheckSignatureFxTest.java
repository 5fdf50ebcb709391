package de.amtsdesk.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.ViewLoader;
import de.amtsdesk.app.a11y.Screens;
import de.amtsdesk.app.notice.TestSigner;
import de.amtsdesk.core.conversation.Attachment;
import de.amtsdesk.core.conversation.MessageTrust;
import de.amtsdesk.core.conversation.TimelineEntry;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.notice.NoticeVerifier;
import de.amtsdesk.core.notice.TrustAnchors;
import de.amtsdesk.core.notice.TrustSettings;
import de.amtsdesk.core.notice.VerificationLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Check signature" by keyboard: Ctrl+Shift+P on a PDF row opens its verification report; the menu names the key. */
@ExtendWith(ApplicationExtension.class)
class ConversationCheckSignatureFxTest {

    private static final String CITIZEN = "@erika:buerger.example";

    @TempDir
    static Path temp;

    private ListView<TimelineRow> timeline;

    @Start
    void start(Stage stage) throws Exception {
        TestSigner signer = TestSigner.create(temp);
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(new TimelineEntry("$pdf", Screens.ROOM, CITIZEN, Instant.parse("2026-12-01T09:05:00Z"),
                TimelineEntry.Kind.FILE, "", new Attachment("Bescheinigung.pdf", "application/pdf", 3, "{}", null),
                null, null, null, null, MessageTrust.UNVERIFIED_IDENTITY));
        StubConversations engine = new StubConversations(entries, java.util.Map.of(CITIZEN, "Erika"));
        engine.attachmentContent = signer.signedNotice();
        Translations text = Screens.text(Locale.GERMAN);
        ConversationViewModel vm = new ConversationViewModel(Screens.ROOM, "@amt:amt.example", engine, Runnable::run,
                Runnable::run, text, ZoneId.of("Europe/Berlin"));
        NoticeVerifier verifier = new NoticeVerifier(TrustSettings.offline(TrustAnchors.load(
                List.of(signer.certificatePem.toString()), new ArrayList<>())), VerificationLimits.DEFAULT);
        vm.checkSignaturesWith(new AttachmentSignatureCheck(engine, verifier::verify, Clock.systemUTC()));
        Parent root = new ViewLoader(text).load(ConversationView.class, () -> new ConversationView(vm));
        stage.setScene(new Scene(root, 800, 600));
        stage.show();
        @SuppressWarnings("unchecked")
        ListView<TimelineRow> found = (ListView<TimelineRow>) root.lookup("#timeline");
        timeline = found;
    }

    @Test
    void ctrlShiftPOpensTheReportOfTheFocusedPdf(FxRobot robot) throws Exception {
        robot.interact(() -> {
            timeline.requestFocus();
            timeline.getSelectionModel().select(0);
            timeline.getFocusModel().focus(0);
        });
        List<String> menu = new ArrayList<>();
        robot.interact(() -> {
            timeline.getContextMenu().getOnShowing().handle(null);
            timeline.getContextMenu().getItems().stream().map(i -> i.getText() + " "
                    + (i.getAccelerator() == null ? "" : i.getAccelerator().getName())).forEach(menu::add);
        });
        assertThat(menu).contains("Signatur prüfen … Shift+Shortcut+P");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.P).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#reportHeadline").tryQuery().isPresent());
        Label headline = robot.lookup("#reportHeadline").queryAs(Label.class);
        assertThat(headline.getText())
                .isEqualTo("Das Dokument ist unverändert und von einer vertrauenswürdigen Stelle signiert.");
    }
}
