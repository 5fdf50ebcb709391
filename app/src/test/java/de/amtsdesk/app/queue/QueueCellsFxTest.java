package de.amtsdesk.app.queue;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsdesk.app.a11y.WorkspaceScreens;
import de.amtsdesk.app.workspace.FoldDesk;
import de.amtsdesk.core.staff.SearchIndex;
import de.amtsdesk.core.store.SearchIndexRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The queue's cells are reused from row to row (headings, cases, search hits) and keep their style classes and their
 * hit pieces unless the next row needs others, and remember a height per row shape: every shown row still wears the
 * right kind, shows the right marked words, and its contents fit inside it (also a name in another script).
 */
@ExtendWith(ApplicationExtension.class)
class QueueCellsFxTest {

    private static final List<String> KINDS = List.of("queue-header", "queue-header-1", "queue-case", "queue-hit");

    private final FoldDesk desk = new FoldDesk(FoldDesk.ANNA, Instant.parse("2026-12-07T08:00:00Z"));
    private ListView<QueueEntry> list;

    @Start
    void start(Stage stage) {
        List<String> names = List.of("Erika Mustermann", "Max Meier", "\u0633\u0627\u0631\u0627 \u0627\u0644\u0639\u0644\u064a",
                "\u5f20\u4f1f \u738b", "Jon Doe \ud83d\ude00", "Ay\u015fe Y\u0131lmaz");
        for (int i = 0; i < 24; i++) {
            String id = desk.newCase("@c" + i + ":bund.example", names.get(i % names.size()),
                    i % 3 == 0 ? null : "housing.wohngeld.apply");
            if (i % 2 == 0) {
                desk.citizenWrote(id);
            }
        }
        var pane = WorkspaceScreens.queue(Locale.GERMAN, desk, id -> { });
        @SuppressWarnings("unchecked")
        ListView<QueueEntry> found = (ListView<QueueEntry>) pane.root().lookup("#queueList");
        list = found;
        Scene scene = new Scene(pane.root(), 420, 900);
        scene.getStylesheets().add(QueueCell.class.getResource("/de/amtsdesk/app/amtsdesk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private List<ListCell<QueueEntry>> shownCells() {
        List<ListCell<QueueEntry>> cells = new ArrayList<>();
        for (Node node : list.lookupAll(".list-cell")) {
            @SuppressWarnings("unchecked")
            ListCell<QueueEntry> cell = (ListCell<QueueEntry>) node;
            if (cell.isVisible() && !cell.isEmpty() && cell.getItem() != null && cell.getParent() != null
                    && cell.getParent().isVisible() && cell.getIndex() >= 0) {
                cells.add(cell);
            }
        }
        cells.sort(Comparator.comparingDouble(Node::getLayoutY));
        return cells;
    }

    private static String expectedKind(QueueEntry entry) {
        return switch (entry) {
            case QueueEntry.Header header -> header.level() == 0 ? "queue-header" : "queue-header-1";
            case QueueEntry.CaseRow row -> "queue-case";
            case QueueEntry.Hit hit -> "queue-hit";
        };
    }

    private void assertCellsMatchTheirRows() {
        List<ListCell<QueueEntry>> cells = shownCells();
        assertThat(cells).isNotEmpty();
        for (ListCell<QueueEntry> cell : cells) {
            String kind = expectedKind(cell.getItem());
            assertThat(cell.getStyleClass()).as("row %s", cell.getItem().accessibleText())
                    .contains(kind).doesNotContainAnyElementsOf(KINDS.stream().filter(k -> !k.equals(kind)).toList());
            Node graphic = cell.getGraphic();
            if (cell.getItem() instanceof QueueEntry.CaseRow row) {
                assertThat(((CaseLines) graphic).shownReference()).as("a reused row draws its own case, not the last")
                        .isEqualTo(row.reference());
                assertThat(graphic.getLayoutBounds().getWidth()).as("the case spans the queue's width")
                        .isGreaterThan(list.getWidth() / 2);
            }
            assertThat(graphic.getBoundsInParent().getMaxY()).as("%s fits in its row", cell.getItem().accessibleText())
                    .isLessThanOrEqualTo(cell.getHeight() + 0.5);
        }
        for (int i = 1; i < cells.size(); i++) {
            ListCell<QueueEntry> above = cells.get(i - 1);
            assertThat(cells.get(i).getLayoutY()).as("rows do not overlap")
                    .isGreaterThanOrEqualTo(above.getLayoutY() + above.getHeight() - 0.5);
        }
    }

    private List<String> marksShown() {
        List<String> marks = new ArrayList<>();
        for (ListCell<QueueEntry> cell : shownCells()) {
            if (cell.getItem() instanceof QueueEntry.Hit hit) {
                HitLines lines = (HitLines) cell.getGraphic();
                assertThat(lines.shownText()).isEqualTo(hit.text());
                List<String> words = lines.markedWords();
                if (!words.isEmpty()) {
                    assertThat(lines.markerBounds().getWidth()).as("the marker covers the marked words")
                            .isGreaterThan(words.stream().mapToInt(String::length).max().orElseThrow());
                } else {
                    assertThat(lines.markerBounds().getWidth()).as("no marker without marked words").isZero();
                }
                marks.addAll(words);
            }
        }
        return marks;
    }

    private void hits(String... texts) {
        List<SearchIndex.Hit> hits = new ArrayList<>();
        String caseId = desk.book().cases().getFirst().id();
        String room = desk.book().cases().getFirst().roomId();
        for (int i = 0; i < texts.length; i++) {
            hits.add(new SearchIndex.Hit("$h" + i, room, caseId, SearchIndexRepository.Kind.values()[0],
                    "@citizen:bund.example", desk.now(), texts[i]));
        }
        desk.searchAnswers(hits);
    }

    @Test
    void cellsKeepTheirKindMarksAndHeightsThroughScrollingAndSearching(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertCellsMatchTheirRows();
        robot.interact(() -> list.getScene().getWindow().setWidth(230));
        WaitForAsyncUtils.waitForFxEvents();
        assertCellsMatchTheirRows();
        assertThat(shownCells()).as("in a narrow queue a long line ends in … and fits")
                .filteredOn(cell -> cell.getItem() instanceof QueueEntry.CaseRow)
                .allSatisfy(cell -> assertThat(((CaseLines) cell.getGraphic()).shownLinesFit()).isTrue())
                .anySatisfy(cell -> assertThat(((CaseLines) cell.getGraphic()).shownDetails()).endsWith("…"));
        de.amtsdesk.app.a11y.Pictures.writePng(WaitForAsyncUtils.asyncFx(() -> list.snapshot(null, null)).get(),
                java.nio.file.Path.of("target", "screenshots", "queue-cells-narrow.png"));
        robot.interact(() -> list.getScene().getWindow().setWidth(420));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage picture = WaitForAsyncUtils.asyncFx(() -> list.snapshot(null, null)).get();
        de.amtsdesk.app.a11y.Pictures.writePng(picture, java.nio.file.Path.of("target", "screenshots",
                "queue-cells.png")); // to look at: names in other scripts, badges, due lines

        for (int step = 0; step < 3; step++) {
            int to = list.getItems().size() - 1 - step * 7;
            robot.interact(() -> list.scrollTo(Math.max(0, to)));
            WaitForAsyncUtils.waitForFxEvents();
            assertCellsMatchTheirRows();
        }
        robot.interact(() -> list.scrollTo(0));

        hits("Der Wohngeldbescheid kommt am Freitag", "Wohngeld und Freitag und Wohngeld",
                "Zum Wohngeld noch eine lange Frage, die über mehrere Zeilen der Trefferliste läuft, weil sie so viel "
                        + "erzählt, und erst am Ende den Freitag nennt", "Nur Wohngeld");
        robot.interact(() -> searchOf().set("wohngeld freitag"));
        WaitForAsyncUtils.waitForFxEvents();
        assertCellsMatchTheirRows();
        assertThat(marksShown()).containsExactly("Wohngeld", "Freitag", "Wohngeld", "Freitag", "Wohngeld",
                "Wohngeld", "Freitag", "Wohngeld");
        assertThat(shownCells()).as("the long hit wraps, and its row grows with it")
                .anySatisfy(cell -> assertThat(cell.getHeight()).isGreaterThan(3 * cell.getFont().getSize() * 1.2));
        de.amtsdesk.app.a11y.Pictures.writePng(WaitForAsyncUtils.asyncFx(() -> list.snapshot(null, null)).get(),
                java.nio.file.Path.of("target", "screenshots", "queue-hits.png"));

        // A layout with nothing changed keeps the marks' shapes (they are the costly part of a hit row); another
        // width builds them again, and they still cover the words.
        List<HitLines> hitRows = shownCells().stream().filter(cell -> cell.getItem() instanceof QueueEntry.Hit)
                .map(cell -> (HitLines) cell.getGraphic()).toList();
        List<javafx.scene.shape.Shape> shapes = hitRows.stream().map(HitLines::markerShape).toList();
        robot.interact(() -> {
            hitRows.forEach(javafx.scene.Parent::requestLayout);
            list.layout();
        });
        assertThat(hitRows.stream().map(HitLines::markerShape).toList()).as("the same shapes, not built again")
                .containsExactlyElementsOf(shapes);
        robot.interact(() -> list.getScene().getWindow().setWidth(330));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(hitRows.stream().map(HitLines::markerShape).toList()).as("a new width, new shapes")
                .doesNotContainAnyElementsOf(shapes);
        assertCellsMatchTheirRows();
        assertThat(marksShown()).containsExactly("Wohngeld", "Freitag", "Wohngeld", "Freitag", "Wohngeld",
                "Wohngeld", "Freitag", "Wohngeld");
        robot.interact(() -> list.getScene().getWindow().setWidth(420));
        WaitForAsyncUtils.waitForFxEvents();

        // Fewer pieces than before in the same cells: the old ones go, nothing of the earlier hit stays.
        hits("Freitag", "kein Treffer hier");
        robot.interact(() -> searchOf().set("freitag"));
        WaitForAsyncUtils.waitForFxEvents();
        assertCellsMatchTheirRows();
        assertThat(marksShown()).containsExactly("Freitag");

        hits();
        robot.interact(() -> searchOf().set("nichts"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).isEmpty();
        Label empty = (Label) list.getPlaceholder();
        assertThat(empty.isVisible()).isTrue();
        assertThat(empty.getText()).as("a search that found nothing says so").startsWith("Keine Treffer");

        robot.interact(() -> searchOf().set(""));
        WaitForAsyncUtils.waitForFxEvents();
        assertCellsMatchTheirRows();
        assertThat(list.lookupAll(".queue-hit")).noneMatch(Node::isVisible);
        assertThat(empty.getText()).isEqualTo("Keine Vorgänge in dieser Ansicht.");
    }

    private javafx.beans.property.StringProperty searchOf() {
        javafx.scene.control.TextField field = (javafx.scene.control.TextField) list.getScene().lookup("#queueSearch");
        return field.textProperty();
    }
}
