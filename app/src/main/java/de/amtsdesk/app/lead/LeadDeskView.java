package de.amtsdesk.app.lead;

import de.amtsdesk.app.FollowingRow;
import de.amtsdesk.app.Line;
import de.amtsdesk.app.PlainTextListCell;
import de.amtsdesk.app.StyleClasses;
import de.amtsdesk.app.UniformRows;
import de.amtsdesk.core.i18n.Translations;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * Code-behind of LeadDeskView.fxml: the unassigned list (multi-select, Enter or Ctrl+Shift+A assigns, drag onto a
 * caseworker's row), the workload chart and the same numbers as a table, the per-person actions, the SLA report
 * below. Everything it shows and does goes through {@link LeadDeskViewModel}.
 */
public final class LeadDeskView {

    /** Case IDs travel in a drag as lines of text. */
    static final String DRAG_PREFIX = "amtsdesk-cases\n";

    private final LeadDeskViewModel viewModel;
    private final Translations text;
    private final Parent slaReport;
    private final LeadDeskDialogs dialogs;
    private final Timeline verdicts;

    @FXML private Parent root;
    @FXML private Label summaryLabel;
    @FXML private Label unassignedLabel;
    @FXML private ListView<UnassignedRow> unassignedList;
    @FXML private Button assignButton;
    @FXML private WorkloadChart workloadChart;
    @FXML private Label workloadLabel;
    @FXML private TableView<Line<WorkloadRow>> workloadTable;
    @FXML private TableColumn<Line<WorkloadRow>, String> nameColumn;
    @FXML private TableColumn<Line<WorkloadRow>, Number> openColumn;
    @FXML private TableColumn<Line<WorkloadRow>, Number> overdueColumn;
    @FXML private TableColumn<Line<WorkloadRow>, Number> dueTodayColumn;
    @FXML private TableColumn<Line<WorkloadRow>, String> capacityColumn;
    @FXML private TableColumn<Line<WorkloadRow>, String> stateColumn;
    @FXML private TableColumn<Line<WorkloadRow>, String> nextColumn;
    @FXML private Label resultLabel;
    @FXML private StackPane slaPane;

    public LeadDeskView(LeadDeskViewModel viewModel, Translations text, Parent slaReport, LeadDeskDialogs dialogs) {
        this.viewModel = viewModel;
        this.text = text;
        this.slaReport = slaReport;
        this.dialogs = dialogs;
        // A refusal changes no case, so no listener says it came back: look now and then.
        this.verdicts = new Timeline(new KeyFrame(Duration.seconds(1), e -> viewModel.checkVerdicts()));
        verdicts.setCycleCount(Timeline.INDEFINITE);
    }

    @FXML
    private void initialize() {
        unassignedLabel.setLabelFor(unassignedList);
        workloadLabel.setLabelFor(workloadTable);
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        resultLabel.textProperty().bind(viewModel.resultProperty());
        askFirstBox.setSelected(viewModel.asksFirstProperty().get());
        viewModel.asksFirstProperty().addListener((obs, old, now) -> askFirstBox.setSelected(now));
        unassignedList.setItems(viewModel.unassigned());
        unassignedList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Two lines of unmanaged text per row (ADR 0027): an assignment removes a row near the top, so every row below
        // shows the next case, and a label's new text asked each of them for a layout and a CSS pass — most of the FX
        // time of a sync batch on the lead desk (async-profiler, 50,000 cases, stop 31).
        unassignedList.setCellFactory(l -> new PlainTextListCell<>(2,
                row -> List.of(row.reference() + " · " + row.citizen(), row.type() + " · " + row.since()),
                UnassignedRow::accessibleText));
        UniformRows.fixOnceMeasured(unassignedList);
        unassignedList.getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<UnassignedRow>) c -> viewModel.selected().setAll(selectedIds()));
        unassignedList.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.ENTER && !key.isShortcutDown()) {
                key.consume();
                openAssignPicker();
            }
        });
        unassignedList.setOnDragDetected(e -> {
            if (!viewModel.selected().isEmpty()) {
                var board = unassignedList.startDragAndDrop(TransferMode.MOVE);
                ClipboardContent content = new ClipboardContent();
                content.putString(DRAG_PREFIX + String.join("\n", viewModel.selected()));
                board.setContent(content);
                e.consume();
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.A && key.isShortcutDown() && key.isShiftDown()) {
                key.consume();
                openAssignPicker();
            }
        });
        // Each cell follows its line's row: a sync batch that changes one person's numbers updates that row's cells.
        nameColumn.setCellValueFactory(c -> c.getValue().rowProperty().map(WorkloadRow::name));
        openColumn.setCellValueFactory(c -> c.getValue().rowProperty().map(r -> (Number) r.open()));
        overdueColumn.setCellValueFactory(c -> c.getValue().rowProperty().map(r -> (Number) r.overdue()));
        dueTodayColumn.setCellValueFactory(c -> c.getValue().rowProperty().map(r -> (Number) r.dueToday()));
        capacityColumn.setCellValueFactory(c -> c.getValue().rowProperty().map(WorkloadRow::capacityText));
        stateColumn.setCellValueFactory(c -> c.getValue().rowProperty().map(WorkloadRow::state));
        nextColumn.setCellValueFactory(c -> c.getValue().rowProperty().map(WorkloadRow::nextCase));
        for (TableColumn<Line<WorkloadRow>, ?> column : workloadTable.getColumns()) {
            plainText(column);
        }
        workloadTable.setItems(viewModel.workloadLines());
        workloadTable.setRowFactory(t -> new DropRow());
        workloadChart.setSeriesNames(List.of(text.get("lead.series.overdue"), text.get("lead.series.dueToday"),
                text.get("lead.series.other"), text.get("lead.series.free")));
        viewModel.appliedProperty().addListener((obs, old, now) -> {
            showInChart();
            keepSorted();
        });
        showInChart();
        slaPane.getChildren().setAll(slaReport);
        active = shown.and(root.sceneProperty().isNotNull());
        active.addListener((obs, was, now) -> {
            if (now) {
                verdicts.play();
            } else {
                verdicts.stop();
            }
        });
    }

    private static <T> void plainText(TableColumn<Line<WorkloadRow>, T> column) {
        column.setCellFactory(c -> new de.amtsdesk.app.PlainTextTableCell<>());
    }

    private List<String> selectedIds() {
        return unassignedList.getSelectionModel().getSelectedItems().stream().filter(java.util.Objects::nonNull)
                .map(UnassignedRow::caseId).toList();
    }

    /**
     * The chart shows the table's numbers: overdue, due today, other open, and the free room up to capacity; drawn
     * again once per applied projection (one per sync batch), not per row.
     */
    private void showInChart() {
        List<WorkloadRow> rows = List.copyOf(viewModel.workload());
        workloadChart.show(rows.stream().map(r -> r.atCapacity() ? r.name() + " ⚠" : r.name()).toList(),
                rows.stream().map(r -> new int[] {r.overdue(), r.dueToday(), r.otherOpen(), r.freeCapacity()})
                        .toList());
    }

    /**
     * A table the lead sorted (say by "overdue") stays sorted as the numbers change. Lines change in place, which the
     * table does not notice, so it sorts again here, once per applied projection, and only when a sort is chosen.
     */
    private void keepSorted() {
        if (!workloadTable.getSortOrder().isEmpty()) {
            workloadTable.sort();
        }
    }

    /** Enter or Ctrl+Shift+A on the unassigned list: choose a person, then one {@code assigned} event. */
    @FXML
    public void openAssignPicker() {
        // The row with the keyboard focus counts as chosen when nothing is selected: a lead who tabbed into the list
        // sees that row marked and presses Enter (JavaFX does not select on focus).
        int focused = unassignedList.getFocusModel().getFocusedIndex();
        if (viewModel.selected().isEmpty() && focused >= 0 && focused < unassignedList.getItems().size()) {
            unassignedList.getSelectionModel().select(focused);
        }
        if (viewModel.selected().isEmpty()) {
            viewModel.assignSelected(null);
            return;
        }
        dialogs.pickAssignee(List.copyOf(viewModel.workload())).ifPresent(viewModel::assignSelected);
        unassignedList.requestFocus();
    }

    private WorkloadRow chosenPerson() {
        Line<WorkloadRow> line = workloadTable.getSelectionModel().getSelectedItem();
        return line == null ? null : line.row();
    }

    @FXML
    private void assignNext() {
        WorkloadRow row = chosenPerson();
        if (row == null) {
            viewModel.sayNobodyChosen();
        } else {
            viewModel.assignNext(row.userId());
        }
    }

    @FXML private javafx.scene.control.CheckBox askFirstBox;

    @FXML
    private void editSettings() {
        WorkloadRow row = chosenPerson();
        if (row == null) {
            viewModel.sayNobodyChosen();
        } else {
            dialogs.editMember(row.userId());
        }
    }

    @FXML
    private void handOver() {
        WorkloadRow row = chosenPerson();
        if (row == null) {
            viewModel.sayNobodyChosen();
        } else {
            dialogs.handOver(row.userId());
        }
    }

    @FXML
    private void openInviteDialog() {
        dialogs.askNewMember().ifPresent(viewModel::inviteMember);
    }

    @FXML
    private void removeMember() {
        WorkloadRow row = chosenPerson();
        if (row == null) {
            viewModel.sayNobodyChosen();
        } else if (dialogs.confirmRemoval(row.name(), viewModel.openCasesOf(row.userId()))) {
            viewModel.removeMember(row.userId());
        }
    }

    @FXML
    private void editUnitTexts() {
        dialogs.editUnitTexts();
    }

    @FXML
    private void editLetterhead() {
        dialogs.editLetterhead();
    }

    @FXML
    private void toggleAskFirst() {
        viewModel.askFirst(askFirstBox.isSelected());
    }

    private final javafx.beans.property.BooleanProperty shown = new javafx.beans.property.SimpleBooleanProperty(true);
    private javafx.beans.binding.BooleanBinding active;

    /**
     * The workspace keeps the desk in the window, hidden while the lead works in the queue, and says here when it is
     * shown. Standing alone (tests, the bench) the desk counts as shown while it is in a scene.
     */
    public void shown(boolean now) {
        shown.set(now);
    }

    /** Shown and in a window: the desk's timers run only then (not behind the queue, not while locked). */
    public javafx.beans.value.ObservableBooleanValue activeProperty() {
        return active;
    }

    /** The desk's state, for the workspace and the bench (which waits for the first projection off screen). */
    public LeadDeskViewModel viewModel() {
        return viewModel;
    }

    public void focusList() {
        unassignedList.requestFocus();
    }

    public void dispose() {
        verdicts.stop();
        viewModel.dispose();
    }

    /** A caseworker's row: shows their numbers, takes dropped cases. */
    private final class DropRow extends FollowingRow<WorkloadRow> {

        DropRow() {
            super(WorkloadRow::accessibleText);
            setOnDragOver(e -> {
                if (getItem() != null && e.getDragboard().hasString()
                        && e.getDragboard().getString().startsWith(DRAG_PREFIX)) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                boolean done = false;
                if (getItem() != null && e.getDragboard().hasString()) {
                    String ids = e.getDragboard().getString();
                    if (ids.startsWith(DRAG_PREFIX)) {
                        viewModel.assign(List.of(ids.substring(DRAG_PREFIX.length()).split("\n")),
                                getItem().row().userId());
                        done = true;
                    }
                }
                e.setDropCompleted(done);
                e.consume();
            });
        }

        @Override
        protected void show(WorkloadRow row) {
            super.show(row);
            StyleClasses.toggle(getStyleClass(), "lead-full", row != null && row.atCapacity());
        }
    }
}
