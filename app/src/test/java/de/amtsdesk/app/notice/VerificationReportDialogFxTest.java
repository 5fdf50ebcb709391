package de.amtsdesk.app.notice;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.a11y.Pictures;
import de.amtsdesk.app.a11y.SceneAudit;
import de.amtsdesk.app.a11y.Screens;
import de.amtsdesk.app.conversation.AttachmentSignatureCheck;
import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.notice.NoticeVerifier;
import de.amtsdesk.core.notice.TrustAnchors;
import de.amtsdesk.core.notice.TrustSettings;
import de.amtsdesk.core.notice.VerificationLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The verification report dialog in both languages: the audit (names, labelFor, mnemonics), the verdict's style, the
 * report text focusable for the screen reader; its picture for docs/.
 */
@ExtendWith(ApplicationExtension.class)
class VerificationReportDialogFxTest {

    @TempDir
    static Path dir;
    static AttachmentSignatureCheck.Result intact;

    @BeforeAll
    static void check() throws Exception {
        TestSigner signer = TestSigner.create(dir);
        Path pdf = Files.write(dir.resolve("Bescheid-WG-2026-00001.pdf"), signer.signedNotice());
        var verifier = new NoticeVerifier(TrustSettings.offline(TrustAnchors.load(
                List.of(signer.certificatePem.toString()), new ArrayList<>())), VerificationLimits.DEFAULT);
        intact = new AttachmentSignatureCheck.Result("Bescheid-WG-2026-00001.pdf",
                Instant.parse("2026-12-03T10:00:00Z"), verifier.verify(pdf));
    }

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void theReportPassesTheAuditInBothLanguagesAndShowsTheVerdictFirst(FxRobot robot) throws Exception {
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            Translations text = Screens.text(locale);
            WritableImage[] shot = new WritableImage[1];
            robot.interact(() -> {
                var vm = new VerificationReportViewModel(intact, "0.1.0", text, locale, ZoneId.of("Europe/Berlin"));
                VerificationReportDialog dialog = new VerificationReportDialog(null, text, vm);
                SceneAudit.assertAccessible(dialog.getDialogPane());
                Label headline = (Label) dialog.getDialogPane().lookup("#reportHeadline");
                assertThat(headline.getText()).isEqualTo(locale == Locale.GERMAN
                        ? "Das Dokument ist unverändert und von einer vertrauenswürdigen Stelle signiert."
                        : "The document is unchanged and signed by a trusted authority.");
                assertThat(headline.getStyleClass()).contains("report-good");
                TextArea details = (TextArea) dialog.getDialogPane().lookup("#reportDetails");
                assertThat(details.isEditable()).isFalse();
                assertThat(details.isFocusTraversable()).isTrue();
                assertThat(details.getText()).contains("Wohngeldstelle Test").contains("SHA-256");
                assertThat(dialog.getDialogPane().lookupAll(".label").stream().map(Label.class::cast)
                        .filter(l -> l.getLabelFor() == details)).hasSize(1);
                dialog.getDialogPane().applyCss();
                dialog.getDialogPane().layout();
                shot[0] = dialog.getDialogPane().snapshot(null, null);
            });
            Path out = Path.of("target", "screenshots", "screenshot-verification-report"
                    + (locale == Locale.ENGLISH ? "-en" : "") + ".png");
            Pictures.writePng(shot[0], out);
            assertThat(Files.size(out)).isGreaterThan(5_000);
        }
    }
}
