package de.amtsdesk.app.login;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

/** Code-behind of LoginView.fxml: binds controls to the view model, nothing else. */
public final class LoginView {

    private final LoginViewModel viewModel;

    @FXML private TextField homeserverField;
    @FXML private TextField userField;
    @FXML private PasswordField passwordField;
    @FXML private Button loginButton;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator progress;
    @FXML private Label homeserverLockedLabel;

    public LoginView(LoginViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        homeserverField.textProperty().bindBidirectional(viewModel.homeserverProperty());
        // Read-only rather than disabled: a disabled field leaves the focus chain and the screen reader skips it.
        homeserverField.editableProperty().bind(viewModel.homeserverLockedProperty().not());
        homeserverLockedLabel.visibleProperty().bind(viewModel.homeserverLockedProperty());
        homeserverLockedLabel.managedProperty().bind(homeserverLockedLabel.visibleProperty());
        homeserverField.accessibleHelpProperty().bind(javafx.beans.binding.Bindings.when(
                viewModel.homeserverLockedProperty()).then(homeserverLockedLabel.getText()).otherwise((String) null));
        userField.textProperty().bindBidirectional(viewModel.userProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        loginButton.disableProperty().bind(viewModel.canLoginProperty().not());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        // Start where the caseworker has to type: the password when the rest is prefilled.
        javafx.application.Platform.runLater(() -> (viewModel.homeserverProperty().get().isBlank() ? homeserverField
                : viewModel.userProperty().get().isBlank() ? userField : passwordField).requestFocus());
    }

    @FXML
    private void login() {
        viewModel.login();
    }
}
