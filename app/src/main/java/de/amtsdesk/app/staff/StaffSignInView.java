package de.amtsdesk.app.staff;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

/** Code-behind of StaffSignInView.fxml. */
public final class StaffSignInView {

    private final StaffSignInViewModel viewModel;
    private final String intro;

    @FXML private Label introLabel;
    @FXML private Label userLabel;
    @FXML private Label passwordLabel;
    @FXML private Label roomLabel;
    @FXML private TextField userField;
    @FXML private PasswordField passwordField;
    @FXML private TextField roomField;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator progress;

    public StaffSignInView(StaffSignInViewModel viewModel, String intro) {
        this.viewModel = viewModel;
        this.intro = intro;
    }

    @FXML
    private void initialize() {
        introLabel.setText(intro);
        userLabel.setLabelFor(userField);
        passwordLabel.setLabelFor(passwordField);
        roomLabel.setLabelFor(roomField);
        userField.textProperty().bindBidirectional(viewModel.userProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        roomField.textProperty().bindBidirectional(viewModel.staffRoomProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        Platform.runLater(() -> (viewModel.userProperty().get().isBlank() ? userField : passwordField).requestFocus());
    }

    @FXML
    private void signIn() {
        viewModel.signIn();
    }
}
