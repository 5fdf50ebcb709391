package de.amtsdesk.app.conversation;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Code-behind of ConversationView.fxml: binds the timeline and the composer; file and poll dialogs live here. */
public final class ConversationView {

    private final ConversationViewModel viewModel;

    @FXML private ResourceBundle resources;
    @FXML private ListView<TimelineRow> timeline;
    @FXML private TextArea draftField;
    @FXML private Button sendButton;
    @FXML private Label noticeLabel;
    @FXML private Label encryptionLabel;

    public ConversationView(ConversationViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void loadOlder() {
        viewModel.loadOlder();
    }

    @FXML
    private void initialize() {
        timeline.setItems(viewModel.rows());
        timeline.setCellFactory(list -> new EntryCell());
        viewModel.rows().addListener((javafx.collections.ListChangeListener<TimelineRow>) change ->
                timeline.scrollTo(Math.max(0, viewModel.rows().size() - 1)));
        draftField.textProperty().bindBidirectional(viewModel.draftProperty());
        sendButton.disableProperty().bind(viewModel.canSendProperty().not());
        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        encryptionLabel.textProperty().bind(viewModel.encryptionWarningProperty());
        encryptionLabel.visibleProperty().bind(viewModel.encryptionWarningProperty().isNotEmpty());
        encryptionLabel.managedProperty().bind(encryptionLabel.visibleProperty());
        // Ctrl+Enter sends; plain Enter makes a new line, as caseworkers write letters, not chat lines.
        draftField.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
                viewModel.send();
                event.consume();
            }
        });
        viewModel.refresh();
    }

    @FXML
    private void send() {
        viewModel.send();
    }

    @FXML
    private void attachFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(resources.getString("conversation.attach.title"));
        File file = chooser.showOpenDialog(timeline.getScene().getWindow());
        if (file != null) {
            viewModel.sendFile(file.toPath());
        }
    }

    @FXML
    private void createPoll() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(resources.getString("conversation.poll.title"));
        TextField question = new TextField();
        question.setId("pollQuestion");
        question.setAccessibleText(resources.getString("conversation.poll.question"));
        question.setPromptText(resources.getString("conversation.poll.question"));
        TextArea answers = new TextArea();
        answers.setId("pollAnswers");
        answers.setAccessibleText(resources.getString("conversation.poll.answers"));
        answers.setPromptText(resources.getString("conversation.poll.answers"));
        answers.setPrefRowCount(4);
        dialog.getDialogPane().setContent(new VBox(8, new Label(resources.getString("conversation.poll.question")),
                question, new Label(resources.getString("conversation.poll.answers")), answers));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> viewModel.sendPoll(question.getText(),
                List.copyOf(Arrays.asList(answers.getText().split("\\R")))));
    }

    private void save(TimelineRow row) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(resources.getString("conversation.save.title"));
        chooser.setInitialFileName(row.attachment().name());
        File target = chooser.showSaveDialog(timeline.getScene().getWindow());
        if (target != null) {
            viewModel.saveAttachment(row, target.toPath());
        }
    }

    private final class EntryCell extends ListCell<TimelineRow> {
        private final Label sender = new Label();
        private final Label time = new Label();
        private final Label state = new Label();
        private final Label trust = new Label();
        private final Tooltip trustTooltip = new Tooltip();
        private final Label body = new Label();
        private final Button action = new Button();
        private final Button discard = new Button();
        private final Region spacer = new Region();
        private final HBox header = new HBox(8, sender, time, trust, spacer, state);
        private final VBox box = new VBox(2, header, body, new HBox(8, action, discard));

        private EntryCell() {
            HBox.setHgrow(spacer, Priority.ALWAYS);
            body.setWrapText(true);
            body.maxWidthProperty().bind(timeline.widthProperty().subtract(48));
            sender.getStyleClass().add("entry-sender");
            time.getStyleClass().add("entry-time");
            state.getStyleClass().add("entry-state");
            trust.setId("trustMarker");
            trustTooltip.setWrapText(true);
            trustTooltip.setMaxWidth(420);
            // The cell's accessible text carries the trust's words; the marker itself is decoration.
            trust.setFocusTraversable(false);
        }

        @Override
        protected void updateItem(TimelineRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            sender.setText(row.sender());
            time.setText(row.time());
            state.setText(row.state());
            trust.setVisible(row.hasTrustMarker());
            trust.setManaged(row.hasTrustMarker());
            trust.setText(row.trustMarker());
            trustTooltip.setText(row.trustTooltip());
            trust.setTooltip(row.hasTrustMarker() ? trustTooltip : null);
            trust.getStyleClass().setAll("label", "trust-" + row.trustSeverity().name().toLowerCase(Locale.ROOT));
            body.setText(row.text());
            body.getStyleClass().setAll("label", row.problem() ? "entry-problem" : "entry-body");
            box.getStyleClass().setAll(row.own() ? "entry-own" : "entry-other");
            boolean save = row.hasAttachment() && !row.own();
            action.setVisible(save || row.canRetry());
            action.setManaged(action.isVisible());
            action.setText(resources.getString(save ? "conversation.save" : "conversation.retry"));
            action.setOnAction(event -> {
                if (row.canRetry()) {
                    viewModel.retry(row);
                } else {
                    save(row);
                }
            });
            discard.setVisible(row.canRetry());
            discard.setManaged(row.canRetry());
            discard.setText(resources.getString("conversation.discard"));
            discard.setOnAction(event -> viewModel.discard(row));
            setGraphic(box);
            setAccessibleText(row.accessibleText());
        }
    }
}
