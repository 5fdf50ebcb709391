package de.amtsdesk.app.rooms;

import de.amtsdesk.app.Dialogs;
import de.amtsdesk.app.StyleClasses;
import de.amtsdesk.core.i18n.Translations;
import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Code-behind of RoomListView.fxml. */
public final class RoomListView {

    private final RoomListViewModel viewModel;
    private final Function<String, OpenConversation> conversations;
    private final Runnable keyBackup;
    private final Translations text;
    private OpenConversation current;
    /** The row the keyboard was on when a batch began (by room ID; rows may move). */
    private String focusedBeforeUpdate;

    @FXML private Button backupButton;
    @FXML private StackPane conversationPane;
    @FXML private Label accountLabel;
    @FXML private Label roomListLabel;
    @FXML private ListView<RoomRow> roomList;
    @FXML private Label statusLabel;
    @FXML private Button retryButton;

    /** @param conversations opens the conversation view of a room; null where there is none (walking skeleton) */
    public RoomListView(RoomListViewModel viewModel, Function<String, OpenConversation> conversations,
            Runnable keyBackup, Translations text) {
        this.viewModel = viewModel;
        this.conversations = conversations;
        this.keyBackup = keyBackup;
        this.text = text;
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
    private void showAbout() {
        Alert about = new Alert(Alert.AlertType.INFORMATION, viewModel.aboutText(), Dialogs.ok(text));
        about.initOwner(roomList.getScene().getWindow());
        about.setTitle(text.get("about.title"));
        about.setHeaderText(null);
        about.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        about.showAndWait();
    }

    @FXML
    private void initialize() {
        // Set here, not in FXML: FXML resolves labelFor="$roomList" to null because the list comes after the label.
        roomListLabel.setLabelFor(roomList);
        retryButton.visibleProperty().bind(viewModel.failingProperty());
        retryButton.managedProperty().bind(retryButton.visibleProperty());
        accountLabel.setText(viewModel.account());
        backupButton.setVisible(keyBackup != null);
        backupButton.setManaged(keyBackup != null);
        roomList.setItems(viewModel.rooms());
        roomList.setCellFactory(list -> new RoomCell());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        roomList.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            // While a batch is applied the list moves its selection around by itself; that is not the caseworker's.
            if (!viewModel.updatingProperty().get() && row != null) {
                viewModel.select(row.roomId());
            }
        });
        viewModel.updatingProperty().addListener((obs, was, now) -> {
            if (now) {
                RoomRow focused = roomList.getFocusModel().getFocusedItem();
                focusedBeforeUpdate = focused == null ? null : focused.roomId();
            } else {
                restoreSelectionAndFocus();
            }
        });
        viewModel.selectedRoomIdProperty().addListener((obs, old, roomId) -> open(roomId));
        roomList.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                closeConversation();
            }
        });
        Platform.runLater(roomList::requestFocus);
    }

    private void restoreSelectionAndFocus() {
        String selected = viewModel.selectedRoomIdProperty().get();
        int selectedIndex = indexOf(selected);
        RoomRow now = roomList.getSelectionModel().getSelectedItem();
        if (selectedIndex < 0) {
            roomList.getSelectionModel().clearSelection();
        } else if (now == null || !now.roomId().equals(selected)
                || roomList.getSelectionModel().getSelectedIndex() != selectedIndex) {
            roomList.getSelectionModel().clearAndSelect(selectedIndex);
        }
        int focusIndex = indexOf(focusedBeforeUpdate);
        if (focusIndex >= 0) {
            roomList.getFocusModel().focus(focusIndex);
        }
    }

    private int indexOf(String roomId) {
        if (roomId == null) {
            return -1;
        }
        for (int i = 0; i < roomList.getItems().size(); i++) {
            if (roomList.getItems().get(i).roomId().equals(roomId)) {
                return i;
            }
        }
        return -1;
    }

    private void open(String roomId) {
        if (roomId == null || conversations == null) {
            return;
        }
        closeConversation();
        current = conversations.apply(roomId);
        conversationPane.getChildren().setAll(current.view());
    }

    /** The old conversation must stop listening and stop sending read receipts for a room nobody looks at. */
    private void closeConversation() {
        if (current != null) {
            current.dispose().run();
            current = null;
        }
    }

    private final class RoomCell extends ListCell<RoomRow> {
        private static final List<String> NAME_STYLES = List.of("room-name-unread", "room-name");
        private final Label name = new Label();
        // Encryption is the norm and not worth a badge on every row; the exception is marked.
        private final Label encrypted = new Label(viewModel.notEncryptedBadge());
        private final Label unread = new Label();
        private final Label time = new Label();
        private final Region spacer = new Region();
        private final Label preview = new Label();
        private final HBox header = new HBox(12, name, unread, encrypted, spacer, time);
        private final VBox box = new VBox(2, header, preview);

        private RoomCell() {
            HBox.setHgrow(spacer, Priority.ALWAYS);
            encrypted.getStyleClass().add("badge-not-encrypted");
            encrypted.managedProperty().bind(encrypted.visibleProperty());
            encrypted.setMinWidth(Region.USE_PREF_SIZE);
            unread.getStyleClass().add("badge-unread");
            unread.managedProperty().bind(unread.visibleProperty());
            unread.setMinWidth(Region.USE_PREF_SIZE);
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
            // Bold only when there is something new, so new activity stands out (not only by colour).
            StyleClasses.oneOf(name.getStyleClass(), row.hasUnread() ? "room-name-unread" : "room-name", NAME_STYLES);
            unread.setVisible(row.hasUnread());
            unread.setText(viewModel.unreadBadge(row));
            encrypted.setVisible(!row.encrypted() && !row.invited());
            time.setText(row.lastActivity());
            preview.setText(row.preview());
            setGraphic(box);
            setAccessibleText(viewModel.describe(row));
        }
    }
}
