package de.amtsdesk.app.unlock;

import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;

/** Code-behind of UnlockView.fxml. */
public final class UnlockView {

    private final UnlockViewModel viewModel;

    @FXML private ResourceBundle resources;
    @FXML private Label introLabel;
    @FXML private PasswordField passphraseField;
    @FXML private Label confirmationLabel;
    @FXML private PasswordField confirmationField;
    @FXML private Button submitButton;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator progress;

    public UnlockView(UnlockViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        boolean create = viewModel.mode() == UnlockViewModel.Mode.CREATE;
        introLabel.setText(resources.getString(create ? "unlock.intro.create" : "unlock.intro.unlock"));
        submitButton.setText(resources.getString(create ? "unlock.submit.create" : "unlock.submit.unlock"));
        confirmationLabel.setVisible(create);
        confirmationLabel.setManaged(create);
        confirmationField.setVisible(create);
        confirmationField.setManaged(create);
        passphraseField.textProperty().bindBidirectional(viewModel.passphraseProperty());
        confirmationField.textProperty().bindBidirectional(viewModel.confirmationProperty());
        submitButton.disableProperty().bind(viewModel.canSubmitProperty().not());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        Platform.runLater(passphraseField::requestFocus);
    }

    @FXML
    private void submit() {
        viewModel.submit();
    }
}
