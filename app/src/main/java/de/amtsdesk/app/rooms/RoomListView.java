package de.amtsdesk.app.rooms;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Code-behind of RoomListView.fxml. */
public final class RoomListView {

    private final RoomListViewModel viewModel;

    @FXML private Label accountLabel;
    @FXML private ListView<RoomRow> roomList;
    @FXML private Label statusLabel;

    public RoomListView(RoomListViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        accountLabel.setText(viewModel.account());
        roomList.setItems(viewModel.rooms());
        roomList.setCellFactory(list -> new RoomCell());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        javafx.application.Platform.runLater(roomList::requestFocus);
    }

    private final class RoomCell extends ListCell<RoomRow> {
        private final Label name = new Label();
        private final Label encrypted = new Label(viewModel.encryptedBadge());
        private final Label time = new Label();
        private final Region spacer = new Region();
        private final HBox box = new HBox(12, name, encrypted, spacer, time);

        private RoomCell() {
            HBox.setHgrow(spacer, Priority.ALWAYS);
            encrypted.getStyleClass().add("badge-encrypted");
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
            encrypted.setVisible(row.encrypted());
            time.setText(row.lastActivity());
            setGraphic(box);
            setAccessibleText(viewModel.describe(row));
        }
    }
}
