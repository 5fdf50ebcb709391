package de.amtsdesk.app.lead;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.a11y.LeadScreens;
import de.amtsdesk.app.a11y.Pictures;
import de.amtsdesk.app.workspace.FoldDesk;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The lead desk as a lead sees it, rendered in German and English with the app's stylesheet: the picture must show
 * the chart's bars (the series colours) and the unassigned cases, and is written to {@code app/target/screenshots/}
 * (copied into docs/ as the README's screenshot).
 */
@ExtendWith(ApplicationExtension.class)
class LeadDeskPictureFxTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static FoldDesk busyUnit() {
        FoldDesk fold = LeadScreens.unit();
        for (int i = 0; i < 7; i++) {
            String id = fold.newCase("@c" + i + ":bund.example", List.of("Jonas Weber", "Mia Schulz", "Leon Wagner",
                    "Emma Becker", "Paul Hoffmann", "Sofia Koch", "Noah Richter").get(i), i % 2 == 0
                    ? "housing.wohngeld.apply" : null);
            if (i < 4) {
                fold.apply(FoldDesk.LEAD, OutgoingStaffEvents.assign(id, i % 2 == 0 ? FoldDesk.BEN : FoldDesk.ANNA));
            }
        }
        return fold;
    }

    @Test
    void theLeadDeskRendersWithChartAndQueueInBothLanguages() throws Exception {
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            WritableImage image = render(locale);
            assertThat(image.getWidth()).isEqualTo(1280);
            assertThat(distinctColours(image)).as("a drawn desk, not an empty window").isGreaterThan(40);
            Path out = Path.of("target", "screenshots", "screenshot-lead-desk"
                    + (locale == Locale.ENGLISH ? "-en" : "") + ".png");
            Pictures.writePng(image, out);
            assertThat(Files.size(out)).isGreaterThan(10_000);
        }
    }

    private WritableImage render(Locale locale) throws Exception {
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                var desk = LeadScreens.leadDesk(locale, busyUnit(), name -> Optional.<Path>empty());
                Scene scene = new Scene(desk.root(), 1280, 820);
                scene.getStylesheets().add(getClass().getResource("/de/amtsdesk/app/amtsdesk.css").toExternalForm());
                stage.setScene(scene);
                stage.show();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                shot.complete(scene.snapshot(null));
            } catch (RuntimeException e) {
                shot.completeExceptionally(e);
            }
        });
        return shot.get(30, TimeUnit.SECONDS);
    }

    private static int distinctColours(WritableImage image) {
        PixelReader pixels = image.getPixelReader();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(pixels.getArgb(x, y));
            }
        }
        return seen.size();
    }
}
