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
    @FXML private Label userLockedLabel;

    public LoginView(LoginViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        homeserverField.textProperty().bindBidirectional(viewModel.homeserverProperty());
        // Locked fields are read-only rather than disabled: a disabled field leaves the focus chain and the screen
        // reader skips it.
        showLock(homeserverField, homeserverLockedLabel, viewModel.homeserverLockedProperty());
        userField.textProperty().bindBidirectional(viewModel.userProperty());
        showLock(userField, userLockedLabel, viewModel.userLockedProperty());
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

    /** A locked field stays focusable (the screen reader reads it) and the hint under it says the admin set it. */
    private static void showLock(TextField field, Label hint, javafx.beans.value.ObservableBooleanValue locked) {
        field.editableProperty().bind(javafx.beans.binding.Bindings.not(locked));
        hint.visibleProperty().bind(locked);
        hint.managedProperty().bind(hint.visibleProperty());
        field.accessibleHelpProperty().bind(javafx.beans.binding.Bindings.when(locked).then(hint.getText())
                .otherwise((String) null));
    }

    @FXML
    private void login() {
        viewModel.login();
    }
}
