package de.amtsdesk.app.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The drawn workload chart: bars in the series colours where the numbers say, redrawn when they change. */
@ExtendWith(ApplicationExtension.class)
class WorkloadChartFxTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void eachBarShowsItsFourNumbersStackedInTheSeriesColours() throws Exception {
        WorkloadChart chart = onFx(() -> {
            WorkloadChart c = new WorkloadChart();
            c.setSeriesNames(List.of("überfällig", "heute fällig", "übrige offen", "frei bis Kapazität"));
            c.show(List.of("Anna Arbeit", "Ben Bearbeiter", "Lena Lead"),
                    List.of(new int[] {2, 1, 3, 0}, new int[] {0, 0, 0, 6}, new int[] {0, 0, 0, 0}));
            stage.setScene(new Scene(new StackPane(c), 600, 260));
            stage.show();
            return c;
        });
        WritableImage picture = snapshot(chart);
        // Per bar: which series colours appear in its column.
        assertThat(coloursInColumn(picture, 0)).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(coloursInColumn(picture, 1)).containsExactly(3);
        assertThat(coloursInColumn(picture, 2)).isEmpty();

        onFx(() -> {
            chart.show(List.of("Anna Arbeit", "Ben Bearbeiter", "Lena Lead"),
                    List.of(new int[] {2, 1, 3, 0}, new int[] {0, 0, 0, 6}, new int[] {1, 0, 0, 0}));
            return null;
        });
        WritableImage after = snapshot(chart);
        assertThat(coloursInColumn(after, 2)).as("the changed bar drawn again").containsExactly(0);
        assertThat(coloursInColumn(after, 0)).as("the others untouched").containsExactlyInAnyOrder(0, 1, 2);
        assertThat(coloursInColumn(after, 1)).containsExactly(3);

        onFx(() -> { // a bar outgrows the scale: everything is drawn again on the new one
            chart.show(List.of("Anna Arbeit", "Ben Bearbeiter", "Lena Lead"),
                    List.of(new int[] {2, 1, 3, 0}, new int[] {0, 0, 0, 6}, new int[] {1, 0, 40, 0}));
            return null;
        });
        WritableImage rescaled = snapshot(chart);
        assertThat(coloursInColumn(rescaled, 2)).containsExactlyInAnyOrder(0, 2);
        assertThat(coloursInColumn(rescaled, 0)).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(chart.barNames()).containsExactly("Anna Arbeit", "Ben Bearbeiter", "Lena Lead");
        assertThat(chart.barValues(2)).containsExactly(1, 0, 40, 0);
    }

    @Test
    void aHundredCaseworkersGetTurnedNamesAndABarEach() throws Exception {
        List<String> names = new java.util.ArrayList<>();
        List<int[]> bars = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            names.add("Sachbearbeitung " + i);
            bars.add(new int[] {i % 3, i % 2, 20 + i % 17, 5});
        }
        WorkloadChart chart = onFx(() -> {
            WorkloadChart c = new WorkloadChart();
            c.setSeriesNames(List.of("überfällig", "heute fällig", "übrige offen", "frei bis Kapazität"));
            c.show(names, bars);
            stage.setScene(new Scene(new StackPane(c), 1000, 320));
            stage.show();
            return c;
        });
        WritableImage picture = snapshot(chart);
        de.amtsdesk.app.a11y.Pictures.writePng(picture, java.nio.file.Path.of("target", "screenshots",
                "workload-chart-100.png"));
        // Every bar has its "other open" part: green in the column of each of the 100 slots.
        PixelReader pixels = picture.getPixelReader();
        int greenColumns = 0;
        for (int x = 0; x < (int) picture.getWidth(); x++) {
            for (int y = 0; y < (int) picture.getHeight(); y++) {
                if (pixels.getColor(x, y).equals(WorkloadChart.COLOURS.get(2))) {
                    greenColumns++;
                    break;
                }
            }
        }
        assertThat(greenColumns).as("pixel columns with a green bar part").isGreaterThan(100 * 5);
    }

    @Test
    void namesAndBarsMustMatch() {
        WorkloadChart chart = new WorkloadChart();
        assertThatThrownBy(() -> chart.show(List.of("Anna"), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAxisHasAtMostSixRoundSteps() {
        assertThat(WorkloadChart.niceStep(4)).isEqualTo(1);
        assertThat(WorkloadChart.niceStep(7)).isEqualTo(2);
        assertThat(WorkloadChart.niceStep(23)).isEqualTo(5);
        assertThat(WorkloadChart.niceStep(180)).isEqualTo(50);
        assertThat(WorkloadChart.niceStep(601)).isEqualTo(200);
    }

    /** The series (0-3) whose colour appears in the middle third of bar {@code bar}'s slot (three bars). */
    private static List<Integer> coloursInColumn(WritableImage picture, int bar) {
        PixelReader pixels = picture.getPixelReader();
        int width = (int) picture.getWidth();
        int height = (int) picture.getHeight();
        // The y axis takes a few pixels on the left; the slots share the rest. The middle of slot `bar`:
        int axis = 20;
        int slot = (width - axis) / 3;
        int x = axis + slot * bar + slot / 2;
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        for (int y = 0; y < height; y++) {
            Color c = pixels.getColor(x, y);
            for (int s = 0; s < 4; s++) {
                Color series = WorkloadChart.COLOURS.get(s);
                if (Math.abs(c.getRed() - series.getRed()) < 0.02 && Math.abs(c.getGreen() - series.getGreen()) < 0.02
                        && Math.abs(c.getBlue() - series.getBlue()) < 0.02) {
                    seen.add(s);
                }
            }
        }
        return List.copyOf(seen);
    }

    private static WritableImage snapshot(WorkloadChart chart) throws Exception {
        return onFx(() -> {
            chart.applyCss();
            chart.layout();
            return chart.snapshot(null, null);
        });
    }

    /** TestFX's own hand-over to the FX thread, waited for at most 10 s. */
    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}
