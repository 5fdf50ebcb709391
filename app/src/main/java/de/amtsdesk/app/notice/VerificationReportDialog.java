package de.amtsdesk.app.notice;

import de.amtsdesk.app.Dialogs;
import de.amtsdesk.core.i18n.Translations;
import java.io.File;
import java.util.Locale;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * A PDF's verification report ({@link VerificationReportViewModel}): the verdict as a headline in its colour, the
 * whole report in a read-only text area (focusable, so a screen reader reads it line by line and it can be copied),
 * and export to a text file. Non-modal: the caseworker can keep writing to the citizen while it is open.
 */
public final class VerificationReportDialog extends Dialog<Void> {

    private static final String APP_STYLESHEET =
            VerificationReportDialog.class.getResource("/de/amtsdesk/app/amtsdesk.css").toExternalForm();

    public VerificationReportDialog(Window owner, Translations text, VerificationReportViewModel viewModel) {
        if (owner != null) {
            initOwner(owner);
        }
        // A dialog has a scene of its own: take the window's styles (high contrast included), so the verdict's
        // colour and the contrast setting hold here too.
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        } else {
            getDialogPane().getStylesheets().add(APP_STYLESHEET);
        }
        initModality(Modality.NONE);
        setTitle(text.get("report.dialog.title"));
        setResizable(true);

        Label headline = new Label(viewModel.headline());
        headline.setId("reportHeadline");
        headline.setWrapText(true);
        headline.setAccessibleRole(AccessibleRole.TEXT);
        headline.getStyleClass().add("report-" + viewModel.severity().name().toLowerCase(Locale.ROOT));

        TextArea details = new TextArea(viewModel.details());
        details.setId("reportDetails");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(18);
        details.setPrefColumnCount(70);
        VBox.setVgrow(details, Priority.ALWAYS);
        Label detailsLabel = new Label(text.get("report.details"));
        detailsLabel.setMnemonicParsing(true);
        detailsLabel.setLabelFor(details);

        Button export = new Button(text.get("report.export"));
        export.setId("reportExport");
        export.setMnemonicParsing(true);
        export.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(text.get("report.export.title"));
            chooser.setInitialFileName(viewModel.exportFileName());
            File target = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
            if (target != null) {
                viewModel.export(target.toPath());
            }
        });
        Label message = new Label();
        message.setId("reportMessage");
        message.setWrapText(true);
        message.setAccessibleRole(AccessibleRole.TEXT);
        message.textProperty().bind(viewModel.messageProperty());

        VBox content = new VBox(8, headline, detailsLabel, details, new HBox(8, export, message));
        content.setPrefWidth(640);
        getDialogPane().setContent(content);
        getDialogPane().setHeaderText(viewModel.title());
        getDialogPane().getButtonTypes().add(Dialogs.close(text));
        // Start in the report, not on "close": the first Tab or arrow key reads on.
        setOnShown(event -> details.requestFocus());
    }
}
