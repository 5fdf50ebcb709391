package de.amtsdesk.app.casepanel;

import de.amtsdesk.app.StyleClasses;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.i18n.Translations;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** Code-behind of CasePanelView.fxml. */
public final class CasePanelView {

    private final CasePanelViewModel viewModel;
    private final Translations text;

    @FXML private Label emptyLabel;
    @FXML private ScrollPane scroll;
    @FXML private Label referenceLabel;
    @FXML private Label citizenValue;
    @FXML private Label typeValue;
    @FXML private Label statusValue;
    @FXML private Label assigneeValue;
    @FXML private Button typeButton;
    @FXML private Button takeButton;
    @FXML private Button noticeButton;
    @FXML private FlowPane statusButtons;
    @FXML private Label statusReasonLabel;
    @FXML private VBox slaBox;
    @FXML private FlowPane tagPane;
    @FXML private Label tagLabel;
    @FXML private TextField tagField;
    @FXML private Label notesLabel;
    @FXML private ListView<CasePanelViewModel.NoteRow> notesList;
    @FXML private Label noteLabel;
    @FXML private TextArea noteField;
    @FXML private Label messageLabel;
    @FXML private Label auditLabel;
    @FXML private ListView<CasePanelViewModel.AuditRow> auditList;
    @FXML private VBox signOffBox;
    private java.util.function.Consumer<String> noticeOpener = caseId -> { };

    public CasePanelView(CasePanelViewModel viewModel, Translations text) {
        this.viewModel = viewModel;
        this.text = text;
    }

    @FXML
    private void initialize() {
        tagLabel.setLabelFor(tagField);
        notesLabel.setLabelFor(notesList);
        noteLabel.setLabelFor(noteField);
        auditLabel.setLabelFor(auditList);
        emptyLabel.visibleProperty().bind(viewModel.shownProperty().not());
        scroll.visibleProperty().bind(viewModel.shownProperty());
        referenceLabel.textProperty().bind(viewModel.referenceProperty());
        citizenValue.textProperty().bind(viewModel.citizenProperty());
        typeValue.textProperty().bind(viewModel.typeNameProperty());
        statusValue.textProperty().bind(viewModel.statusProperty());
        assigneeValue.textProperty().bind(viewModel.assigneeProperty());
        takeButton.disableProperty().bind(viewModel.canTakeOverProperty().not());
        // Switched off by the admin policy: not offered at all (a disabled button would only raise questions).
        noticeButton.visibleProperty().bind(viewModel.noticesAllowedProperty());
        noticeButton.managedProperty().bind(noticeButton.visibleProperty());
        // A colleague's case: the status buttons stay visible but disabled, and the line below says why.
        statusButtons.disableProperty().bind(viewModel.statusAllowedProperty().not());
        statusReasonLabel.textProperty().bind(viewModel.statusReasonProperty());
        statusReasonLabel.visibleProperty().bind(viewModel.statusAllowedProperty().not());
        statusReasonLabel.managedProperty().bind(statusReasonLabel.visibleProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        tagField.textProperty().bindBidirectional(viewModel.tagInputProperty());
        noteField.textProperty().bindBidirectional(viewModel.noteDraftProperty());
        // Tab leaves the note field (no keyboard trap); Ctrl+Enter saves the note.
        noteField.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.TAB && !key.isControlDown()) {
                key.consume();
                noteField.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, key.isShiftDown(), true,
                        false, false));
            } else if (key.getCode() == KeyCode.ENTER && key.isControlDown()) {
                key.consume();
                addNote();
            }
        });
        viewModel.transitions().addListener((ListChangeListener<CaseStatus>) c -> rebuildStatusButtons());
        viewModel.sla().addListener((ListChangeListener<CasePanelViewModel.SlaRow>) c -> rebuildSla());
        viewModel.tags().addListener((ListChangeListener<String>) c -> rebuildTags());
        notesList.setItems(viewModel.notes());
        notesList.setCellFactory(list -> new NoteCell());
        auditList.setItems(viewModel.audit());
        auditList.setCellFactory(list -> new AuditCell());
        viewModel.signOffs().addListener((ListChangeListener<CasePanelViewModel.SignOffRow>) c -> rebuildSignOffs());
        rebuildStatusButtons();
        rebuildSla();
        rebuildTags();
        rebuildSignOffs();
    }

    /** Who opens the notice editor for a case (the workspace). */
    public void onNotice(java.util.function.Consumer<String> opener) {
        this.noticeOpener = opener;
    }

    /** Opens the notice editor for the shown case ("Bescheid …", Ctrl+Shift+B from the workspace). */
    @FXML
    public void openNotice() {
        if (viewModel.shownProperty().get() && viewModel.noticesAllowedProperty().get()) {
            noticeOpener.accept(viewModel.caseIdProperty().get());
        }
    }

    private void rebuildSignOffs() {
        if (viewModel.signOffs().isEmpty()) {
            Label none = new Label(text.get("case.signoffs.none"));
            none.setWrapText(true);
            signOffBox.getChildren().setAll(none);
            return;
        }
        signOffBox.getChildren().setAll(viewModel.signOffs().stream().map(row -> {
            Label line = new Label(text.get("case.signoff.line", row.title(), row.requestedBy(), row.state()));
            line.setWrapText(true);
            VBox box = new VBox(2, line);
            if (row.mayDecide()) {
                Button approve = new Button(text.get("case.signoff.approve"));
                approve.setMnemonicParsing(false);
                approve.setAccessibleText(text.get("case.signoff.approve.accessible", row.title(), row.requestedBy()));
                approve.setOnAction(e -> viewModel.approveNotice(row.sha256()));
                Button reject = new Button(text.get("case.signoff.reject"));
                reject.setMnemonicParsing(false);
                reject.setAccessibleText(text.get("case.signoff.reject.accessible", row.title(), row.requestedBy()));
                reject.setOnAction(e -> viewModel.rejectNotice(row.sha256(), null));
                box.getChildren().add(new javafx.scene.layout.HBox(6, approve, reject));
            }
            return box;
        }).toList());
    }

    private void rebuildStatusButtons() {
        statusButtons.getChildren().setAll(viewModel.transitions().stream().map(status -> {
            Button button = new Button(text.get("case.status.to", viewModel.statusName(status)));
            button.setId("status-" + status.wireName());
            button.setMnemonicParsing(false);
            button.setOnAction(e -> viewModel.changeStatus(status));
            return button;
        }).toList());
    }

    private void rebuildSla() {
        slaBox.getChildren().setAll(viewModel.sla().stream().map(row -> {
            Label label = new Label(row.label() + ": " + row.text());
            label.getStyleClass().addAll("sla-line", "sla-" + row.state().name().toLowerCase(Locale.ROOT));
            label.setWrapText(true);
            label.setFocusTraversable(false);
            return label;
        }).toList());
    }

    private void rebuildTags() {
        tagPane.getChildren().setAll(viewModel.tags().stream().map(tag -> {
            Button chip = new Button(tag + "  ×");
            chip.setMnemonicParsing(false);
            chip.getStyleClass().add("tag-chip");
            chip.setAccessibleText(text.get("case.tag.remove", tag));
            chip.setOnAction(e -> viewModel.removeTag(tag));
            return chip;
        }).toList());
    }

    @FXML
    private void chooseType() {
        TypePickerDialog.pick(typeButton.getScene().getWindow(), text,
                new TypePickerViewModel(viewModel.desk().catalogue(), viewModel.locale()))
                .ifPresent(viewModel::chooseType);
    }

    /** Opens the case-type picker (Ctrl+T from the workspace). */
    public void openTypePicker() {
        if (viewModel.shownProperty().get()) {
            chooseType();
        }
    }

    @FXML
    private void assignToMe() {
        viewModel.assignToMe();
    }

    @FXML
    private void addTag() {
        viewModel.addTag();
    }

    @FXML
    private void addNote() {
        viewModel.addNote();
    }

    /** Takes the shown case (Ctrl+Shift+U from the workspace), when it can be taken. */
    public void takeCase() {
        if (viewModel.shownProperty().get() && viewModel.canTakeOverProperty().get()) {
            viewModel.assignToMe();
        }
    }

    /** Puts the cursor into the note field (Ctrl+Shift+N from the workspace). */
    public void focusNote() {
        noteField.requestFocus();
    }

    private static final class NoteCell extends ListCell<CasePanelViewModel.NoteRow> {
        @Override
        protected void updateItem(CasePanelViewModel.NoteRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(empty || row == null ? null : row.time() + " · " + row.author() + "\n" + row.text());
            setWrapText(true);
            setPrefWidth(0);
            setAccessibleText(getText());
        }
    }

    private static final class AuditCell extends ListCell<CasePanelViewModel.AuditRow> {
        @Override
        protected void updateItem(CasePanelViewModel.AuditRow row, boolean empty) {
            super.updateItem(row, empty);
            StyleClasses.toggle(getStyleClass(), "audit-rejected", !empty && row != null && row.rejected());
            if (empty || row == null) {
                setText(null);
                return;
            }
            setText(row.time() + " · " + row.actor() + ": " + row.text());
            setWrapText(true);
            setPrefWidth(0);
            setAccessibleText(getText());
        }
    }
}
