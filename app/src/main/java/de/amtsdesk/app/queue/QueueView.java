package de.amtsdesk.app.queue;

import de.amtsdesk.app.RowHeights;
import de.amtsdesk.app.SteadyListSkin;
import de.amtsdesk.core.cases.query.CaseFilter;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.textfield.TextFields;

/** Code-behind of QueueView.fxml: saved views, search field and the grouped list. */
public final class QueueView {

    private final QueueViewModel viewModel;
    private final Consumer<String> openCase;
    private final ToggleGroup views = new ToggleGroup();
    private final TextField searchField = TextFields.createClearableTextField();
    private RowHeights rowHeights;
    private boolean restoring;

    @FXML private Label summaryLabel;
    @FXML private Label searchLabel;
    @FXML private Label listLabel;
    @FXML private HBox searchBox;
    @FXML private FlowPane viewButtons;
    @FXML private ListView<QueueEntry> list;
    @FXML private javafx.scene.control.Button invitationsButton;
    @FXML private Label invitationsProblem;
    @FXML private java.util.ResourceBundle resources;

    /** @param openCase called with the case ID when the caseworker selects a case (or a search hit in one) */
    public QueueView(QueueViewModel viewModel, Consumer<String> openCase) {
        this.viewModel = viewModel;
        this.openCase = openCase;
    }

    @FXML
    private void initialize() {
        searchField.setId("queueSearch");
        searchField.setPromptText(searchLabel.getText().replace("_", ""));
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        searchField.setAccessibleText(searchLabel.getText().replace("_", ""));
        HBox.setHgrow(searchField, Priority.ALWAYS);
        searchBox.getChildren().add(searchField);
        searchLabel.setLabelFor(searchField);
        listLabel.setLabelFor(list);
        searchField.setOnKeyPressed(key -> {
            if (key.getCode() == KeyCode.ESCAPE) {
                searchField.clear();
                list.requestFocus();
            } else if (key.getCode() == KeyCode.DOWN || key.getCode() == KeyCode.ENTER) {
                list.requestFocus();
                if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
                    list.getSelectionModel().selectFirst();
                }
            }
        });
        List<CaseFilter> filters = QueueViewModel.VIEWS;
        for (int i = 0; i < filters.size(); i++) {
            CaseFilter filter = filters.get(i);
            ToggleButton button = new ToggleButton();
            button.setId("view-" + filter.name().toLowerCase(java.util.Locale.ROOT));
            button.textProperty().bind(viewModel.viewLabel(filter));
            button.setMnemonicParsing(false);
            button.setToggleGroup(views);
            button.setUserData(filter);
            button.getStyleClass().add("view-button");
            button.setSelected(filter == viewModel.viewProperty().get());
            viewButtons.getChildren().add(button);
        }
        views.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // a saved view is always chosen
            } else {
                viewModel.viewProperty().set((CaseFilter) now.getUserData());
            }
        });
        viewModel.viewProperty().addListener((obs, old, now) -> views.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true)));
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        rowHeights = new RowHeights(list);
        list.setItems(viewModel.entries());
        if (!Boolean.getBoolean("amtsdesk.queue.stockSkin")) { // JavaFX's own skin only to compare in bench/
            list.setSkin(new SteadyListSkin<>(list, (index, shown) -> shown == null ? Double.NaN
                    : rowHeights.known(QueueCell.shape(list.getItems().get(index), shown.getFont()))));
        }
        list.setCellFactory(l -> new QueueCell(rowHeights));
        // An empty view says so (and whether it is the search that found nothing) instead of a blank list.
        Label empty = new Label();
        empty.setWrapText(true);
        empty.getStyleClass().add("queue-empty");
        empty.textProperty().bind(viewModel.searchProperty().map(query -> resources.getString(
                query.isBlank() ? "queue.empty" : "queue.empty.search")).orElse(resources.getString("queue.empty")));
        list.setPlaceholder(empty);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> {
            if (restoring || entry == null) {
                return;
            }
            String caseId = switch (entry) {
                case QueueEntry.CaseRow row -> row.caseId();
                case QueueEntry.Hit hit -> hit.caseId();
                case QueueEntry.Header header -> null;
            };
            if (caseId != null && !caseId.equals(viewModel.selectedCaseIdProperty().get())) {
                viewModel.opened(caseId);
                openCase.accept(caseId);
            }
        });
        viewModel.onAfterUpdate(this::restoreSelection);
        Platform.runLater(list::requestFocus);
    }

    /** After an update the selected case may have moved (or the selection was dropped by a replace): put it back. */
    private void restoreSelection(List<QueueEntry> entries) {
        String selected = viewModel.selectedCaseIdProperty().get();
        if (selected == null) {
            return;
        }
        QueueEntry current = list.getSelectionModel().getSelectedItem();
        if (current instanceof QueueEntry.CaseRow row && row.caseId().equals(selected)) {
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof QueueEntry.CaseRow row && row.caseId().equals(selected)) {
                restoring = true;
                try {
                    int focused = list.getFocusModel().getFocusedIndex();
                    list.getSelectionModel().clearAndSelect(i);
                    if (focused < 0 || focused == i) {
                        list.getFocusModel().focus(i);
                    }
                } finally {
                    restoring = false;
                }
                return;
            }
        }
    }

    /** Shows the button that accepts waiting conversation requests (when the unit asks first). */
    public void showInvitations(InvitationsViewModel invitations) {
        invitationsButton.textProperty().bind(invitations.labelProperty());
        invitationsButton.accessibleTextProperty().bind(invitations.labelProperty());
        invitationsButton.visibleProperty().bind(invitations.waitingProperty());
        invitationsButton.managedProperty().bind(invitations.waitingProperty());
        invitationsButton.setOnAction(action -> invitations.acceptAll());
        invitationsProblem.textProperty().bind(invitations.problemProperty());
        invitationsProblem.visibleProperty().bind(invitations.problemProperty().isNotEmpty());
        invitationsProblem.managedProperty().bind(invitationsProblem.visibleProperty());
    }

    /** Focuses the search field (Ctrl+F). */
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    /** Ctrl+1 … Ctrl+7: the saved views in button order. */
    public void showView(int index) {
        viewModel.showView(index);
    }

    public void focusList() {
        list.requestFocus();
    }
}
