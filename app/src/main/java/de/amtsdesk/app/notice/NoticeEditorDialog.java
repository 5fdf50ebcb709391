package de.amtsdesk.app.notice;

import de.amtsdesk.core.i18n.Translations;
import de.amtsdesk.core.notice.NoticeTemplate;
import java.awt.image.BufferedImage;
import javafx.collections.ListChangeListener;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The notice editor ({@link NoticeEditorViewModel}) as a non-modal dialog: template, gaps (one labelled field per
 * missing placeholder), live preview of the first page, request sign-off, then sign (PKCS#12 file, password, optional
 * TSA) and send. Every field has a label linked with {@code labelFor}; mnemonics are unique in the dialog.
 */
public final class NoticeEditorDialog extends Dialog<Void> {

    private final Translations text;
    private final NoticeEditorViewModel viewModel;
    private final GridPane gapGrid = new GridPane();
    private final ImageView preview = new ImageView();

    public NoticeEditorDialog(Window owner, Translations text, NoticeEditorViewModel viewModel, String reference) {
        this.text = text;
        this.viewModel = viewModel;
        if (owner != null) {
            initOwner(owner);
        }
        initModality(javafx.stage.Modality.NONE);
        setTitle(text.get("notice.title", reference));
        setResizable(true);

        ComboBox<NoticeTemplate> templates = new ComboBox<>(viewModel.templates());
        templates.setId("noticeTemplate");
        templates.valueProperty().bindBidirectional(viewModel.templateProperty());
        templates.setCellFactory(list -> new TemplateCell());
        templates.setButtonCell(new TemplateCell());
        Label templateLabel = label("notice.template", templates);

        Label gapsLabel = new Label(text.get("notice.gaps"));
        gapGrid.setHgap(8);
        gapGrid.setVgap(4);
        gapGrid.setId("noticeGaps");
        viewModel.gaps().addListener((ListChangeListener<NoticeEditorViewModel.Gap>) c -> rebuildGaps());
        rebuildGaps();
        Label missing = new Label();
        missing.setId("noticeMissing");
        missing.setWrapText(true);
        missing.textProperty().bind(viewModel.missingProperty());
        missing.getStyleClass().add("notice");

        preview.setId("noticePreview");
        preview.setPreserveRatio(true);
        preview.setFitWidth(360);
        preview.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        preview.setAccessibleText(text.get("notice.preview.accessible"));
        viewModel.previewProperty().addListener((obs, old, image) -> preview.setImage(toFx(image)));
        preview.setImage(toFx(viewModel.previewProperty().get()));
        ScrollPane previewScroll = new ScrollPane(preview);
        previewScroll.setPrefViewportWidth(370);
        previewScroll.setPrefViewportHeight(420);
        Label previewLabel = new Label(text.get("notice.preview"));

        // Attachments go inside the notice as PDF/A-3 associated files (signed with it).
        javafx.scene.control.ListView<de.amtsdesk.core.notice.NoticeAttachment> attachmentList =
                new javafx.scene.control.ListView<>(viewModel.attachments());
        attachmentList.setId("noticeAttachments");
        attachmentList.setPrefHeight(64);
        attachmentList.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(de.amtsdesk.core.notice.NoticeAttachment item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.get("notice.attachment.line", item.name(),
                        Math.max(1, item.content().length / 1024)));
            }
        });
        Label attachmentsLabel = label("notice.attachments", attachmentList);
        Button attach = new Button(text.get("notice.attach"));
        attach.setId("noticeAttach");
        attach.setMnemonicParsing(true);
        attach.setOnAction(e -> {
            var file = new FileChooser().showOpenDialog(getDialogPane().getScene().getWindow());
            if (file != null) {
                viewModel.attach(file.toPath(), de.amtsdesk.core.notice.NoticeAttachment.Relationship.SUPPLEMENT);
            }
        });
        Button detach = new Button(text.get("notice.detach"));
        detach.setId("noticeDetach");
        detach.setMnemonicParsing(true);
        detach.disableProperty().bind(attachmentList.getSelectionModel().selectedItemProperty().isNull());
        detach.setOnAction(e -> viewModel.detach(attachmentList.getSelectionModel().getSelectedItem()));

        Button request = new Button(text.get("notice.request"));
        request.setId("noticeRequest");
        request.disableProperty().bind(viewModel.completeProperty().not());
        request.setOnAction(e -> viewModel.requestSignOff());
        Label stage = new Label();
        stage.setId("noticeStage");
        stage.setWrapText(true);
        stage.textProperty().bind(viewModel.stageTextProperty());
        stage.setAccessibleRole(AccessibleRole.TEXT);

        TextField keyFile = new TextField();
        keyFile.setId("noticeKeyFile");
        keyFile.setPrefColumnCount(24);
        keyFile.textProperty().bindBidirectional(viewModel.keyFileProperty());
        Label keyLabel = label("notice.keyFile", keyFile);
        Button browse = new Button("…");
        browse.setMnemonicParsing(false);
        browse.setAccessibleText(text.get("notice.keyFile").replace("_", ""));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PKCS#12", "*.p12", "*.pfx"));
            var file = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
            if (file != null) {
                viewModel.keyFileProperty().set(file.getAbsolutePath());
            }
        });
        // The key: a PKCS#12 file or a smartcard/HSM through its PKCS#11 library; the rows follow the choice.
        ComboBox<NoticeEditorViewModel.KeyKind> keyKind = new ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(NoticeEditorViewModel.KeyKind.values()));
        keyKind.setId("noticeKeyKind");
        keyKind.valueProperty().bindBidirectional(viewModel.keyKindProperty());
        keyKind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(NoticeEditorViewModel.KeyKind kind) {
                return kind == null ? "" : text.get("notice.keyKind." + kind.name());
            }

            @Override
            public NoticeEditorViewModel.KeyKind fromString(String string) {
                return null;
            }
        });
        Label keyKindLabel = label("notice.keyKind", keyKind);
        var pkcs11 = viewModel.keyKindProperty().isEqualTo(NoticeEditorViewModel.KeyKind.PKCS11);
        HBox fileRow = new HBox(4, keyFile, browse);
        showWhen(fileRow, keyLabel, pkcs11.not());
        TextField library = new TextField();
        library.setId("noticePkcs11Library");
        library.setPrefColumnCount(24);
        library.setPromptText("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so");
        library.textProperty().bindBidirectional(viewModel.pkcs11LibraryProperty());
        Label libraryLabel = label("notice.pkcs11Library", library);
        showWhen(library, libraryLabel, pkcs11);
        javafx.scene.control.Spinner<Integer> slot = new javafx.scene.control.Spinner<>(0, 63, 0);
        slot.setId("noticePkcs11Slot");
        slot.setEditable(true);
        slot.getValueFactory().valueProperty().addListener((obs, old, now) ->
                viewModel.pkcs11SlotProperty().set(now == null ? 0 : now));
        Label slotLabel = label("notice.pkcs11Slot", slot);
        showWhen(slot, slotLabel, pkcs11);
        PasswordField password = new PasswordField();
        password.setId("noticePassword");
        Label passwordLabel = label("notice.password", password);
        passwordLabel.textProperty().bind(javafx.beans.binding.Bindings.when(pkcs11).then(text.get("notice.pin"))
                .otherwise(text.get("notice.password")));
        TextField tsa = new TextField();
        tsa.setId("noticeTsa");
        tsa.textProperty().bindBidirectional(viewModel.tsaUrlProperty());
        Label tsaLabel = label("notice.tsa", tsa);
        // Locked by the admin policy: read-only (still focusable for the screen reader) with the reason beside it.
        tsa.editableProperty().bind(viewModel.tsaLockedProperty().not());
        Label tsaLocked = new Label(text.get("notice.tsa.locked"));
        tsaLocked.setId("noticeTsaLocked");
        tsaLocked.getStyleClass().add("policy-locked");
        tsaLocked.visibleProperty().bind(viewModel.tsaLockedProperty());
        tsaLocked.managedProperty().bind(tsaLocked.visibleProperty());
        tsa.accessibleHelpProperty().bind(javafx.beans.binding.Bindings.when(viewModel.tsaLockedProperty())
                .then(tsaLocked.getText()).otherwise((String) null));
        Button sign = new Button(text.get("notice.sign"));
        sign.setId("noticeSign");
        sign.disableProperty().bind(viewModel.stageProperty().isNotEqualTo(NoticeEditorViewModel.Stage.APPROVED));
        sign.setOnAction(e -> {
            viewModel.sign(password.getText().toCharArray());
            password.clear();
        });
        Button send = new Button(text.get("notice.send"));
        send.setId("noticeSend");
        send.disableProperty().bind(viewModel.stageProperty().isNotEqualTo(NoticeEditorViewModel.Stage.SIGNED));
        send.setOnAction(e -> viewModel.send());
        Label message = new Label();
        message.setId("noticeMessage");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.setAccessibleRole(AccessibleRole.TEXT);

        GridPane signing = new GridPane();
        signing.setHgap(8);
        signing.setVgap(4);
        javafx.scene.control.CheckBox longTerm = new javafx.scene.control.CheckBox(text.get("notice.longTerm"));
        longTerm.setId("noticeLongTerm");
        longTerm.setMnemonicParsing(true);
        longTerm.selectedProperty().bindBidirectional(viewModel.longTermProperty());
        // B-LT builds on the timestamp: without a TSA there is nothing to make long-term.
        longTerm.disableProperty().bind(viewModel.tsaUrlProperty().isEmpty());
        longTerm.setVisible(viewModel.longTermAvailable());
        longTerm.setManaged(viewModel.longTermAvailable());

        signing.addRow(0, keyKindLabel, keyKind);
        signing.addRow(1, keyLabel, fileRow);
        signing.addRow(2, libraryLabel, library);
        signing.addRow(3, slotLabel, slot);
        signing.addRow(4, passwordLabel, password);
        signing.addRow(5, tsaLabel, tsa);
        signing.add(tsaLocked, 1, 6);
        signing.add(longTerm, 1, 7);

        Label letterheadMissing = new Label(text.get("notice.letterheadMissing"));
        letterheadMissing.setId("noticeLetterheadMissing");
        letterheadMissing.setWrapText(true);
        letterheadMissing.setAccessibleRole(AccessibleRole.TEXT);
        letterheadMissing.visibleProperty().bind(viewModel.letterheadMissingProperty());
        letterheadMissing.managedProperty().bind(letterheadMissing.visibleProperty());

        VBox left = new VBox(6, letterheadMissing, templateLabel, templates, gapsLabel, gapGrid, missing,
                attachmentsLabel, attachmentList, new HBox(6, attach, detach), request, stage, signing,
                new HBox(6, sign, send), message);
        left.setPrefWidth(380);
        VBox right = new VBox(4, previewLabel, previewScroll);
        getDialogPane().setContent(new HBox(12, left, right));
        getDialogPane().getButtonTypes().add(de.amtsdesk.app.Dialogs.close(text));
        setOnShown(e -> templates.requestFocus());
    }

    /** The preview (inside a scroll pane, so not found by lookup before the dialog is shown). */
    ImageView preview() {
        return preview;
    }

    /** A row that only applies to one kind of key leaves the layout and the focus chain otherwise. */
    private static void showWhen(javafx.scene.Node field, Label label,
            javafx.beans.value.ObservableBooleanValue condition) {
        for (javafx.scene.Node node : new javafx.scene.Node[] {field, label}) {
            node.visibleProperty().bind(condition);
            node.managedProperty().bind(condition);
        }
    }

    private Label label(String key, javafx.scene.Node field) {
        Label label = new Label(text.get(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        return label;
    }

    private void rebuildGaps() {
        gapGrid.getChildren().clear();
        int row = 0;
        for (NoticeEditorViewModel.Gap gap : viewModel.gaps()) {
            TextField field = new TextField();
            field.setId("gap-" + gap.name().replace('.', '-'));
            field.textProperty().bindBidirectional(gap.value());
            Label label = new Label(text.get("notice.gap", "{" + gap.name() + "}"));
            label.setMnemonicParsing(false);
            label.setLabelFor(field);
            gapGrid.addRow(row++, label, field);
        }
    }

    /** AWT image to FX without javafx.swing: copies the pixels. */
    static WritableImage toFx(BufferedImage image) {
        if (image == null) {
            return null;
        }
        WritableImage fx = new WritableImage(image.getWidth(), image.getHeight());
        PixelWriter pixels = fx.getPixelWriter();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                pixels.setArgb(x, y, image.getRGB(x, y));
            }
        }
        return fx;
    }

    private static final class TemplateCell extends ListCell<NoticeTemplate> {
        @Override
        protected void updateItem(NoticeTemplate template, boolean empty) {
            super.updateItem(template, empty);
            setText(empty || template == null ? null : template.title().replaceAll("\\{[^}]*}", "…"));
        }
    }
}
