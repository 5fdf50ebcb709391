package de.amtsdesk.app.rooms;

import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Code-behind of RoomListView.fxml. */
public final class RoomListView {

    private final RoomListViewModel viewModel;
    private final Function<String, Parent> conversations;
    private final Runnable keyBackup;

    @FXML private javafx.scene.control.Button backupButton;
    @FXML private StackPane conversationPane;
    @FXML private Label accountLabel;
    @FXML private ListView<RoomRow> roomList;
    @FXML private Label statusLabel;
    @FXML private javafx.scene.control.Button retryButton;

    /** @param conversations opens the conversation view of a room; null where there is none (walking skeleton) */
    public RoomListView(RoomListViewModel viewModel, Function<String, Parent> conversations, Runnable keyBackup) {
        this.viewModel = viewModel;
        this.conversations = conversations;
        this.keyBackup = keyBackup;
    }

    @FXML
    private void openKeyBackup() {
        if (keyBackup != null) {
            keyBackup.run();
        }
    }

    @FXML
    private void retryNow() {
        viewModel.retryNow();
    }

    @FXML
    private void initialize() {
        retryButton.visibleProperty().bind(viewModel.failingProperty());
        retryButton.managedProperty().bind(retryButton.visibleProperty());
        accountLabel.setText(viewModel.account());
        backupButton.setVisible(keyBackup != null);
        backupButton.setManaged(keyBackup != null);
        roomList.setItems(viewModel.rooms());
        roomList.setCellFactory(list -> new RoomCell());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        roomList.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            String oldRoom = old == null ? null : old.roomId();
            if (row != null && conversations != null && !row.roomId().equals(oldRoom)) {
                conversationPane.getChildren().setAll(conversations.apply(row.roomId()));
            }
        });
        javafx.application.Platform.runLater(roomList::requestFocus);
    }

    private final class RoomCell extends ListCell<RoomRow> {
        private final Label name = new Label();
        // Encryption is the norm and not worth a badge on every row; the exception is marked.
        private final Label encrypted = new Label(viewModel.notEncryptedBadge());
        private final Label time = new Label();
        private final Region spacer = new Region();
        private final Label preview = new Label();
        private final HBox header = new HBox(12, name, encrypted, spacer, time);
        private final VBox box = new VBox(2, header, preview);

        private RoomCell() {
            HBox.setHgrow(spacer, Priority.ALWAYS);
            encrypted.getStyleClass().add("badge-not-encrypted");
            encrypted.managedProperty().bind(encrypted.visibleProperty());
            encrypted.setMinWidth(Region.USE_PREF_SIZE);
            time.setMinWidth(Region.USE_PREF_SIZE);
            preview.getStyleClass().add("room-preview");
            // Cells as wide as the list, long previews end in "…": no horizontal scrolling in the list.
            setPrefWidth(0);
            box.maxWidthProperty().bind(roomList.widthProperty().subtract(32));
            preview.maxWidthProperty().bind(box.maxWidthProperty());
            name.getStyleClass().add("room-name");
            time.getStyleClass().add("room-time");
        }

        @Override
        protected void updateItem(RoomRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            name.setText(row.name());
            encrypted.setVisible(!row.encrypted() && !row.invited());
            time.setText(row.lastActivity());
            preview.setText(row.preview());
            setGraphic(box);
            setAccessibleText(viewModel.describe(row));
        }
    }
}
