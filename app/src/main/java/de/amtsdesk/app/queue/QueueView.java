package de.amtsdesk.app.queue;

import de.amtsdesk.core.cases.query.CaseFilter;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.controlsfx.control.textfield.TextFields;

/** Code-behind of QueueView.fxml: saved views, search field and the grouped list. */
public final class QueueView {

    private final QueueViewModel viewModel;
    private final Consumer<String> openCase;
    private final ToggleGroup views = new ToggleGroup();
    private final TextField searchField = TextFields.createClearableTextField();
    private boolean restoring;

    @FXML private Label summaryLabel;
    @FXML private Label searchLabel;
    @FXML private Label listLabel;
    @FXML private HBox searchBox;
    @FXML private FlowPane viewButtons;
    @FXML private ListView<QueueEntry> list;

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
        list.setItems(viewModel.entries());
        list.setCellFactory(l -> new EntryCell());
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

    private final class EntryCell extends ListCell<QueueEntry> {

        @Override
        protected void updateItem(QueueEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeAll("queue-header", "queue-header-1", "queue-case", "queue-hit");
            if (empty || entry == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
                return;
            }
            setText(null);
            setAccessibleText(entry.accessibleText());
            setPrefWidth(0);
            switch (entry) {
                case QueueEntry.Header header -> {
                    getStyleClass().add(header.level() == 0 ? "queue-header" : "queue-header-1");
                    Label title = new Label(header.title() + " (" + header.count() + ")");
                    title.getStyleClass().add("queue-header-title");
                    HBox box = new HBox(8, title, badge(header.unread()));
                    box.setPadding(new javafx.geometry.Insets(0, 0, 0, header.level() * 14));
                    setGraphic(box);
                }
                case QueueEntry.CaseRow row -> {
                    getStyleClass().add("queue-case");
                    Label reference = new Label(row.reference());
                    reference.getStyleClass().add("queue-reference");
                    // In a narrow queue the reference stays whole and the name ends in "…" (spoken in full).
                    reference.setMinWidth(Region.USE_PREF_SIZE);
                    Label citizen = new Label(row.citizen());
                    citizen.getStyleClass().add("queue-citizen");
                    citizen.setMinWidth(0);
                    Region spacer = new Region();
                    HBox.setHgrow(spacer, Priority.ALWAYS);
                    HBox first = new HBox(8, reference, citizen, spacer, badge(row.unread()));
                    Label details = new Label(row.status() + " · " + row.assignee());
                    details.getStyleClass().add("queue-details");
                    Label due = new Label(row.due());
                    due.getStyleClass().addAll("queue-due", "urgency-" + row.urgency().name().toLowerCase(
                            java.util.Locale.ROOT));
                    due.setManaged(!row.due().isEmpty());
                    VBox box = new VBox(1, first, details, due);
                    box.setPadding(new javafx.geometry.Insets(0, 0, 0, 28));
                    box.maxWidthProperty().bind(list.widthProperty().subtract(30));
                    setGraphic(box);
                }
                case QueueEntry.Hit hit -> {
                    getStyleClass().add("queue-hit");
                    Label where = new Label(hit.reference() + " · " + hit.where());
                    where.getStyleClass().add("queue-details");
                    TextFlow text = highlighted(hit);
                    text.maxWidthProperty().bind(list.widthProperty().subtract(30));
                    setGraphic(new VBox(1, where, text));
                }
            }
        }

        private Label badge(int unread) {
            Label badge = new Label(unread > 0 ? String.valueOf(unread) : "");
            badge.getStyleClass().add("unread-badge");
            badge.setVisible(unread > 0);
            badge.setManaged(unread > 0);
            badge.setMinWidth(Region.USE_PREF_SIZE);
            return badge;
        }

        private TextFlow highlighted(QueueEntry.Hit hit) {
            TextFlow flow = new TextFlow();
            int at = 0;
            for (int[] range : hit.highlights()) {
                if (range[0] < at) {
                    continue;
                }
                flow.getChildren().add(plain(hit.text().substring(at, range[0])));
                // A Label, not a Text: only a region can paint the marker background behind the word.
                Label mark = new Label(hit.text().substring(range[0], range[1]));
                mark.setMnemonicParsing(false);
                mark.getStyleClass().add("search-mark");
                flow.getChildren().add(mark);
                at = range[1];
            }
            flow.getChildren().add(plain(hit.text().substring(at)));
            return flow;
        }

        private Text plain(String s) {
            Text text = new Text(s);
            text.getStyleClass().add("search-text");
            return text;
        }
    }
}
