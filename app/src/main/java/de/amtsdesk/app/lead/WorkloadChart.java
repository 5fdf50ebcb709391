package de.amtsdesk.app.lead;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The workload per caseworker as stacked bars (overdue, due today, other open, free up to capacity), drawn on one
 * canvas. JavaFX's StackedBarChart laid out all its bar nodes again whenever one value changed: with 100 caseworkers
 * (400 bars) each sync batch cost the FX thread 15-20 ms of layout; drawing the same picture costs about a
 * millisecond. The legend is made of labels (styled by the stylesheets, high contrast included); the axis text takes
 * their colour and font. The numbers themselves are in the table below the chart, which screen readers use; the chart
 * is one image to them, with its accessible text.
 */
public final class WorkloadChart extends Region {

    /** modena's default-color0..3, which StackedBarChart used for the same four series. */
    static final List<Color> COLOURS = List.of(Color.web("#f3622d"), Color.web("#fba71b"), Color.web("#57b757"),
            Color.web("#41a9c9"));
    private static final double GAP = 6;
    private static final double MAX_LABEL = 120;
    private static final Color GRID = Color.web("#e0e0e0");

    private final Canvas canvas = new Canvas();
    private final FlowPane legend = new FlowPane(12, 4);
    private final List<Label> legendLabels = new ArrayList<>();
    private List<String> names = List.of();
    private List<int[]> values = List.of();
    /** Width of the longest name in the font it was measured in: measured again only when names or font change. */
    private double widestName = -1;
    private Font widestFont;

    public WorkloadChart() {
        getStyleClass().add("workload-chart");
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setFocusTraversable(false);
        getChildren().addAll(canvas, legend);
        legend.getStyleClass().add("workload-chart-legend");
    }

    /** The four series' names, in the order of {@link #COLOURS}. */
    public void setSeriesNames(List<String> seriesNames) {
        legend.getChildren().clear();
        legendLabels.clear();
        for (int i = 0; i < seriesNames.size(); i++) {
            Label label = new Label(seriesNames.get(i), new Rectangle(10, 10, COLOURS.get(i)));
            legendLabels.add(label);
            legend.getChildren().add(label);
        }
        // The axis text follows the legend's colour and font (a high-contrast sheet switched on later included).
        Label first = legendLabels.getFirst();
        first.textFillProperty().addListener((obs, old, now) -> drawAgain());
        first.fontProperty().addListener((obs, old, now) -> drawAgain());
        drawAgain();
    }

    private void drawAgain() {
        drawn = null;
        draw();
    }

    /** One bar per name; each value array holds the four series' numbers. Redraws at once, no new layout. */
    public void show(List<String> barNames, List<int[]> barValues) {
        if (barNames.size() != barValues.size()) {
            throw new IllegalArgumentException(barNames.size() + " names, " + barValues.size() + " bars");
        }
        if (!barNames.equals(names)) {
            widestName = -1;
        }
        this.names = List.copyOf(barNames);
        List<int[]> copy = new ArrayList<>(barValues.size());
        barValues.forEach(v -> copy.add(v.clone()));
        this.values = copy;
        draw();
    }

    /** The bars shown, by name (the table beside the chart carries the same numbers for screen readers). */
    public List<String> barNames() {
        return names;
    }

    /** The four numbers of the bar at {@code index}. */
    public int[] barValues(int index) {
        return values.get(index).clone();
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth() - snappedLeftInset() - snappedRightInset());
        double legendHeight = snapSizeY(legend.prefHeight(width));
        double height = Math.max(0, snapSizeY(getHeight() - snappedTopInset() - snappedBottomInset() - legendHeight
                - GAP));
        legend.resizeRelocate(snappedLeftInset(), snappedTopInset() + height + GAP, width, legendHeight);
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            canvas.relocate(snappedLeftInset(), snappedTopInset());
            drawn = null;
            draw();
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        return 220;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 400;
    }

    /** Where the last full drawing put things: a change of some bars on the same scale redraws only those bars. */
    private record Geometry(double width, double height, double axisWidth, double slot, double plotTop,
            double plotBottom, int top, int step, Font font) {
        double plotHeight() {
            return Math.max(1, plotBottom - plotTop);
        }

        double barX(int i) {
            return axisWidth + slot * i + slot * 0.1;
        }

        double barWidth() {
            return Math.max(1, slot * 0.8);
        }
    }

    private Geometry drawn;
    private List<String> drawnNames = List.of();
    private List<int[]> drawnValues = List.of();

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (w < 40 || h < 40) {
            g.clearRect(0, 0, w, h);
            drawn = null;
            return;
        }
        Font font = legendLabels.isEmpty() ? Font.getDefault() : legendLabels.getFirst().getFont();
        int max = 1;
        for (int[] v : values) {
            max = Math.max(max, v[0] + v[1] + v[2] + v[3]);
        }
        int step = niceStep(max);
        int top = ((max + step - 1) / step) * step;
        Geometry last = drawn;
        if (last != null && last.width() == w && last.height() == h && last.top() == top && last.font().equals(font)
                && names.equals(drawnNames)) {
            for (int i = 0; i < names.size(); i++) {
                if (!java.util.Arrays.equals(values.get(i), drawnValues.get(i))) {
                    redrawBar(g, last, i);
                }
            }
        } else {
            drawAll(g, w, h, font, top, step);
        }
        drawnNames = names;
        drawnValues = values;
    }

    private void drawAll(GraphicsContext g, double w, double h, Font font, int top, int step) {
        g.clearRect(0, 0, w, h);
        Paint ink = ink();
        g.setFont(font);
        double lineHeight = textWidthAndHeight("0", font)[1];
        double axisWidth = textWidthAndHeight(String.valueOf(top), font)[0] + 8;
        double slot = names.isEmpty() ? 0 : (w - axisWidth) / names.size();
        if (widestName < 0 || !font.equals(widestFont)) {
            widestName = 0;
            widestFont = font;
            for (String name : names) {
                widestName = Math.max(widestName, textWidthAndHeight(name, font)[0]);
            }
        }
        boolean upright = widestName + 6 <= slot;
        double labelSpace = upright ? lineHeight + 4 : Math.min(MAX_LABEL, widestName) + 6;
        Geometry geo = new Geometry(w, h, axisWidth, slot, lineHeight / 2, h - labelSpace, top, step, font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(ink);
        for (int tick = 0; tick <= top; tick += step) {
            g.fillText(String.valueOf(tick), axisWidth - 4, tickY(geo, tick));
        }
        gridLines(g, geo, axisWidth, w);
        // Turned names need a line's height each: where the slots are narrower, only every n-th name is written.
        int every = upright ? 1 : Math.max(1, (int) Math.ceil(lineHeight / Math.max(1, slot)));
        for (int i = 0; i < names.size(); i++) {
            bar(g, geo, i);
            if (i % every == 0) {
                drawName(g, names.get(i), axisWidth + slot * i + slot / 2, geo.plotBottom() + 3, upright, ink);
            }
        }
        drawn = geo;
    }

    /** One bar again on the same scale: its strip of the plot cleared, the grid lines in it drawn, then the bar. */
    private void redrawBar(GraphicsContext g, Geometry geo, int i) {
        double from = Math.floor(geo.barX(i));
        double to = Math.ceil(geo.barX(i) + geo.barWidth());
        g.clearRect(from, 0, to - from, Math.ceil(geo.plotBottom()) + 1);
        gridLines(g, geo, from, to);
        bar(g, geo, i);
    }

    private static double tickY(Geometry geo, int tick) {
        return Math.round(geo.plotBottom() - geo.plotHeight() * tick / geo.top()) + 0.5;
    }

    private static void gridLines(GraphicsContext g, Geometry geo, double from, double to) {
        g.setLineWidth(1);
        g.setStroke(GRID);
        for (int tick = 0; tick <= geo.top(); tick += geo.step()) {
            g.setLineDashes(tick == 0 ? null : new double[] {4, 4});
            // The dashes continue the pattern that starts at the axis, also in a strip drawn again.
            g.setLineDashOffset(from - geo.axisWidth());
            double y = tickY(geo, tick);
            g.strokeLine(from, y, to, y);
        }
        g.setLineDashes(null);
        g.setLineDashOffset(0);
    }

    private void bar(GraphicsContext g, Geometry geo, int i) {
        int[] v = values.get(i);
        double base = geo.plotBottom();
        for (int s = 0; s < 4; s++) {
            double height = geo.plotHeight() * v[s] / geo.top();
            if (height > 0) {
                g.setFill(COLOURS.get(s));
                g.fillRect(geo.barX(i), base - height, geo.barWidth(), height);
                base -= height;
            }
        }
    }

    private Paint ink() {
        return legendLabels.isEmpty() ? Color.web("#333333") : legendLabels.getFirst().getTextFill();
    }

    private static void drawName(GraphicsContext g, String name, double centre, double top, boolean upright,
            Paint ink) {
        g.setFill(ink);
        if (upright) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(name, centre, top);
            return;
        }
        g.save();
        g.translate(centre, top);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(name, 0, 0, MAX_LABEL);
        g.restore();
    }

    /** 1, 2, 5, 10, 20, 50 … so that the axis has at most six steps. */
    static int niceStep(int max) {
        int magnitude = 1;
        while (true) {
            for (int f : new int[] {1, 2, 5}) {
                int step = f * magnitude;
                if ((max + step - 1) / step <= 6) {
                    return step;
                }
            }
            magnitude *= 10;
        }
    }

    private static double[] textWidthAndHeight(String s, Font font) {
        Text probe = new Text(s);
        probe.setFont(font);
        return new double[] {probe.getLayoutBounds().getWidth(), probe.getLayoutBounds().getHeight()};
    }
}
