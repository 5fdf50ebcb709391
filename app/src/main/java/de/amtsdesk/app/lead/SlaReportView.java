package de.amtsdesk.app.lead;

import de.amtsdesk.app.FollowingRow;
import de.amtsdesk.app.Line;
import de.amtsdesk.app.PlainTextListCell;
import de.amtsdesk.core.cases.query.SlaTarget;
import de.amtsdesk.core.i18n.Translations;
import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;

/** Code-behind of SlaReportView.fxml: period, shares per case type and per person, breaches, CSV export. */
public final class SlaReportView {

    private final SlaReportViewModel viewModel;
    private final Translations text;
    private final Translations caseText;
    private final ReportFiles files;
    private final ToggleGroup periods = new ToggleGroup();

    @FXML private Label headingLabel;
    @FXML private ToggleButton weekButton;
    @FXML private ToggleButton monthButton;
    @FXML private Label typeLabel;
    @FXML private TableView<Line<SlaReportViewModel.ShareRow>> typeTable;
    @FXML private Label personLabel;
    @FXML private TableView<Line<SlaReportViewModel.ShareRow>> personTable;
    @FXML private Label breachLabel;
    @FXML private ListView<SlaReportViewModel.BreachRow> breachList;
    @FXML private Label messageLabel;

    public SlaReportView(SlaReportViewModel viewModel, Translations text, Translations caseText, ReportFiles files) {
        this.viewModel = viewModel;
        this.text = text;
        this.caseText = caseText;
        this.files = files;
    }

    @FXML
    private void initialize() {
        typeLabel.setLabelFor(typeTable);
        personLabel.setLabelFor(personTable);
        breachLabel.setLabelFor(breachList);
        headingLabel.textProperty().bind(viewModel.headingProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        weekButton.setToggleGroup(periods);
        monthButton.setToggleGroup(periods);
        weekButton.setUserData(SlaReportViewModel.Period.WEEK);
        monthButton.setUserData(SlaReportViewModel.Period.MONTH);
        (viewModel.periodProperty().get() == SlaReportViewModel.Period.MONTH ? monthButton : weekButton)
                .setSelected(true);
        periods.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // a period is always chosen
            } else {
                viewModel.periodProperty().set((SlaReportViewModel.Period) now.getUserData());
            }
        });
        setUp(typeTable, text.get("lead.sla.csv.type"));
        setUp(personTable, text.get("lead.sla.csv.caseworker"));
        typeTable.setItems(viewModel.typeLines());
        personTable.setItems(viewModel.caseworkerLines());
        typeTable.setPlaceholder(new Label(text.get("lead.sla.empty")));
        personTable.setPlaceholder(new Label(text.get("lead.sla.empty")));
        breachList.setItems(viewModel.breaches());
        // Rows of one line each: measured once, then fixed, so a report with thousands of breaches is not measured
        // row by row to estimate the list's length.
        de.amtsdesk.app.UniformRows.fixOnceMeasured(breachList);
        de.amtsdesk.app.UniformRows.fixOnceMeasured(typeTable);
        de.amtsdesk.app.UniformRows.fixOnceMeasured(personTable);
        breachList.setPlaceholder(new Label(text.get("lead.sla.breaches.none")));
        // One line of unmanaged text per row: another period brings other breaches into every visible row, and a
        // label's new text would ask each of them for a layout and a CSS pass (ADR 0027).
        breachList.setCellFactory(l -> new PlainTextListCell<>(SlaReportViewModel.BreachRow::accessibleText));
    }

    private void setUp(TableView<Line<SlaReportViewModel.ShareRow>> table, String nameHeader) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(java.util.List.of(column(nameHeader, SlaReportViewModel.ShareRow::name),
                column(caseText.get(SlaTarget.FIRST_RESPONSE.messageKey()), SlaReportViewModel.ShareRow::firstResponse),
                column(caseText.get(SlaTarget.NEXT_RESPONSE.messageKey()), SlaReportViewModel.ShareRow::nextResponse),
                column(caseText.get(SlaTarget.RESOLUTION.messageKey()), SlaReportViewModel.ShareRow::resolution)));
        table.setRowFactory(t -> new FollowingRow<>(SlaReportViewModel.ShareRow::accessibleText));
    }

    private static TableColumn<Line<SlaReportViewModel.ShareRow>, String> column(String header,
            Function<SlaReportViewModel.ShareRow, String> value) {
        TableColumn<Line<SlaReportViewModel.ShareRow>, String> column = new TableColumn<>(header);
        column.setCellValueFactory(c -> c.getValue().rowProperty().map(value));
        column.setCellFactory(c -> new de.amtsdesk.app.PlainTextTableCell<>());
        return column;
    }

    @FXML
    private void export() {
        viewModel.export(files);
    }
}
