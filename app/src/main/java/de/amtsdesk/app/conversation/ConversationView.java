package de.amtsdesk.app.conversation;

import de.amtsdesk.app.StyleClasses;
import de.amtsdesk.app.composer.PollComposerDialog;
import de.amtsdesk.app.composer.PollComposerViewModel;
import de.amtsdesk.core.conversation.PollDraft;
import de.amtsdesk.core.conversation.TimelineEntry;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Code-behind of ConversationView.fxml: binds the timeline and the composer; file and poll dialogs live here. */
public final class ConversationView {

    private final ConversationViewModel viewModel;

    @FXML private ResourceBundle resources;
    @FXML private ListView<TimelineRow> timeline;
    @FXML private TextArea draftField;
    @FXML private Button sendButton;
    @FXML private Button attachButton;
    @FXML private Button pollButton;
    @FXML private Label noticeLabel;
    @FXML private Label encryptionLabel;
    private final ContextMenu rowMenu = new ContextMenu();

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
        // A finished signature check opens its report beside the conversation (non-modal).
        viewModel.signatureCheckProperty().addListener((obs, old, result) -> {
            if (result != null) {
                showReport(result);
            }
        });
        // Features the admin policy turned off leave the composer (and the focus chain) altogether.
        attachButton.visibleProperty().bind(viewModel.filesAllowedProperty());
        attachButton.managedProperty().bind(attachButton.visibleProperty());
        pollButton.visibleProperty().bind(viewModel.pollsAllowedProperty());
        pollButton.managedProperty().bind(pollButton.visibleProperty());
        timeline.setCellFactory(list -> new EntryCell());
        viewModel.rows().addListener((javafx.collections.ListChangeListener<TimelineRow>) change -> followNewest());
        // Scrolling up to the top pages older history in, as in every chat app; the button stays the keyboard way.
        timeline.skinProperty().addListener((obs, old, skin) -> javafx.application.Platform.runLater(
                this::watchScrollTop));
        draftField.textProperty().bindBidirectional(viewModel.draftProperty());
        acceptDroppedFiles(timeline);
        acceptDroppedFiles(draftField);
        sendButton.disableProperty().bind(viewModel.canSendProperty().not());
        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        encryptionLabel.textProperty().bind(viewModel.encryptionWarningProperty());
        encryptionLabel.visibleProperty().bind(viewModel.encryptionWarningProperty().isNotEmpty());
        encryptionLabel.managedProperty().bind(encryptionLabel.visibleProperty());
        draftField.addEventFilter(KeyEvent.KEY_PRESSED, this::composerKeys);
        timeline.addEventHandler(KeyEvent.KEY_PRESSED, this::timelineKeys);
        timeline.setContextMenu(rowMenu);
        // Built when asked for (mouse or the context-menu key), for the row the keyboard is on; none for a row
        // without actions (an empty menu would only be in the way).
        rowMenu.setOnShowing(event -> fillRowMenu());
        timeline.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, event -> {
            fillRowMenu();
            if (rowMenu.getItems().isEmpty()) {
                event.consume();
            }
        });
        followWindow();
        viewModel.refresh();
    }

    /** The id of the newest row the list was last scrolled to. */
    private String newestShown;

    /**
     * Scrolls to the newest message when one arrives (or on opening), but not when older pages are added above: the
     * caseworker who asked for older messages wants to read them, and one scroll per change of a large update would
     * cost a layout each.
     */
    private long lastOlderRequest;

    private void watchScrollTop() {
        for (javafx.scene.Node node : timeline.lookupAll(".scroll-bar")) {
            if (node instanceof javafx.scene.control.ScrollBar bar
                    && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                bar.valueProperty().addListener((obs, before, now) -> {
                    boolean reachedTop = now.doubleValue() <= bar.getMin() && before.doubleValue() > bar.getMin();
                    long nowNanos = System.nanoTime();
                    if (reachedTop && !viewModel.beginningReached()
                            && nowNanos - lastOlderRequest > 1_000_000_000L) {
                        lastOlderRequest = nowNanos;
                        viewModel.loadOlder();
                    }
                });
            }
        }
    }

    private void followNewest() {
        var rows = viewModel.rows();
        String newest = rows.isEmpty() ? null : rows.get(rows.size() - 1).id();
        if (newest != null && !newest.equals(newestShown)) {
            newestShown = newest;
            timeline.scrollTo(rows.size() - 1);
        }
    }

    /**
     * Ctrl+Enter sends; plain Enter makes a new line, as caseworkers write letters, not chat lines. Tab leaves the
     * field (a TextArea would type a tab: a keyboard trap); TextArea moves focus on Ctrl+Tab, so Tab is handed on as that.
     */
    private void composerKeys(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
            viewModel.send();
            event.consume();
        } else if (event.getCode() == KeyCode.TAB && !event.isControlDown() && !event.isShiftDown()) {
            event.consume();
            draftField.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, false, true, false, false));
        }
    }

    /**
     * The row actions without a mouse: Enter saves an attachment, Ctrl+O opens it with the system's program,
     * Ctrl+Shift+P checks a PDF's signatures, Ctrl+R sends a failed message again.
     */
    private void timelineKeys(KeyEvent event) {
        TimelineRow row = timeline.getFocusModel().getFocusedItem();
        if (row == null) {
            return;
        }
        if (event.getCode() == KeyCode.ENTER && !event.isShortcutDown() && row.canSave()) {
            save(row);
            event.consume();
        } else if (event.getCode() == KeyCode.ENTER && !event.isShortcutDown() && row.truncated()) {
            showAll(row);
            event.consume();
        } else if (event.getCode() == KeyCode.O && event.isShortcutDown() && viewModel.canOpen(row)) {
            open(row);
            event.consume();
        } else if (event.getCode() == KeyCode.R && event.isShortcutDown() && row.canRetry()) {
            viewModel.retry(row);
            event.consume();
        } else if (event.getCode() == KeyCode.P && event.isShortcutDown() && event.isShiftDown()
                && viewModel.canCheckSignature(row)) {
            viewModel.checkSignature(row);
            event.consume();
        }
    }

    private void fillRowMenu() {
        rowMenu.getItems().clear();
        TimelineRow row = timeline.getFocusModel().getFocusedItem();
        if (row == null) {
            return;
        }
        if (row.canSave()) {
            rowMenu.getItems().add(menuItem("conversation.save", "Enter", () -> save(row)));
        }
        if (viewModel.canOpen(row)) {
            rowMenu.getItems().add(menuItem("conversation.open", "Shortcut+O", () -> open(row)));
        }
        if (viewModel.canCheckSignature(row)) {
            rowMenu.getItems().add(menuItem("conversation.check", "Shortcut+Shift+P",
                    () -> viewModel.checkSignature(row)));
        }
        if (row.truncated()) {
            rowMenu.getItems().add(menuItem("conversation.showAll", row.canSave() ? null : "Enter", () -> showAll(row)));
            rowMenu.getItems().add(menuItem("conversation.saveText", null, () -> saveText(row)));
        }
        if (row.canRetry()) {
            rowMenu.getItems().add(menuItem("conversation.retry", "Shortcut+R", () -> viewModel.retry(row)));
            rowMenu.getItems().add(menuItem("conversation.discard", null, () -> viewModel.discard(row)));
        }
    }

    private MenuItem menuItem(String key, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(resources.getString(key));
        // Shown as the hint only: the timeline's key handler does the work, also when no menu is open.
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    /** Read receipts only while the caseworker can see this: window showing and focused. */
    private void followWindow() {
        javafx.beans.value.ChangeListener<Boolean> windowState = (obs, old, now) -> updateAttended();
        timeline.sceneProperty().addListener((obs, oldScene, scene) -> {
            if (oldScene != null) {
                oldScene.windowProperty().removeListener(windowListener);
            }
            if (scene != null) {
                scene.windowProperty().addListener(windowListener);
            }
            watchWindow(scene == null ? null : scene.getWindow(), windowState);
        });
        windowListener = (obs, oldWindow, window) -> watchWindow(window, windowState);
    }

    private javafx.beans.value.ChangeListener<Window> windowListener;
    private Window watched;

    private void watchWindow(Window window, javafx.beans.value.ChangeListener<Boolean> windowState) {
        if (watched != null) {
            watched.focusedProperty().removeListener(windowState);
            watched.showingProperty().removeListener(windowState);
        }
        watched = window;
        if (window != null) {
            window.focusedProperty().addListener(windowState);
            window.showingProperty().addListener(windowState);
        }
        updateAttended();
    }

    private void updateAttended() {
        viewModel.attendedProperty().set(watched != null && watched.isShowing() && watched.isFocused()
                && timeline.getScene() != null);
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
            offerFile(file);
        }
    }

    /**
     * Files dropped on the timeline or the reply field are offered like picked ones: each confirmed with its name
     * and size (an empty file refused) before anything is sent. The "Datei …" button stays the keyboard way.
     */
    private void acceptDroppedFiles(javafx.scene.Node target) {
        target.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            event.consume();
        });
        target.setOnDragDropped(event -> {
            boolean files = event.getDragboard().hasFiles();
            event.setDropCompleted(files);
            event.consume();
            if (files) {
                List<File> dropped = List.copyOf(event.getDragboard().getFiles());
                // After the drop gesture ends: a modal dialog inside it would block the drag source.
                javafx.application.Platform.runLater(() -> dropped.forEach(this::offerFile));
            }
        });
    }

    private void offerFile(File file) {
        viewModel.confirmFile(file.toPath()).ifPresent(question -> {
            ButtonType send = new ButtonType(resources.getString("conversation.attach.send"),
                    ButtonBar.ButtonData.OK_DONE);
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, question, send, cancel());
            confirm.initOwner(timeline.getScene().getWindow());
            confirm.setTitle(resources.getString("conversation.attach.title"));
            confirm.setHeaderText(null);
            confirm.showAndWait().filter(send::equals).ifPresent(b -> viewModel.sendFile(file.toPath()));
        });
    }

    private ButtonType cancel() {
        return new ButtonType(resources.getString("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    private void showReport(AttachmentSignatureCheck.Result result) {
        Window owner = timeline.getScene() == null ? null : timeline.getScene().getWindow();
        var report = new de.amtsdesk.app.notice.VerificationReportViewModel(result, de.amtsdesk.app.AppVersion.current(),
                viewModel.text(), viewModel.text().bundle().getLocale(), viewModel.zone());
        new de.amtsdesk.app.notice.VerificationReportDialog(owner, viewModel.text(), report).show();
    }

    @FXML
    private void createPoll() {
        pollDialog().showAndWait().ifPresent(viewModel::sendPoll);
    }

    /**
     * The poll composer: it starts in the question field (not on "send", where a typed space would send), and
     * "send" stays disabled until the poll is complete. Package-visible for the keyboard test.
     */
    Dialog<PollDraft> pollDialog() {
        Window owner = timeline.getScene() == null ? null : timeline.getScene().getWindow();
        return PollComposerDialog.create(owner, viewModel.text(), new PollComposerViewModel(viewModel.text()));
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

    /**
     * Opens a citizen's attachment with the system's program; a type that can run code is named first and opened
     * only on a deliberate "open anyway" (Enter and Escape both cancel).
     */
    private void open(TimelineRow row) {
        viewModel.openWarning(row).ifPresentOrElse(question -> {
            if (openWarningDialog(question).showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                    .isPresent()) {
                viewModel.openAttachment(row);
            }
        }, () -> viewModel.openAttachment(row));
    }

    /** The warning before opening a file that can run code. Package-visible for the test. */
    Alert openWarningDialog(String question) {
        ButtonType openAnyway = new ButtonType(resources.getString("conversation.open.anyway"),
                ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = cancel();
        Alert warning = new Alert(Alert.AlertType.WARNING, question, openAnyway, cancel);
        if (timeline.getScene() != null) {
            warning.initOwner(timeline.getScene().getWindow());
        }
        warning.setTitle(resources.getString("conversation.open.warning.title"));
        warning.setHeaderText(null);
        // The safe answer is the default: Enter does not open a program from outside.
        ((Button) warning.getDialogPane().lookupButton(openAnyway)).setDefaultButton(false);
        ((Button) warning.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        return warning;
    }

    /**
     * The whole of a long message, read-only (select, copy, search with the keyboard), and "save as file". Opened on
     * demand only: laying out a very long text costs time, which is spent when the caseworker asks for it.
     * Package-visible for the test.
     */
    Dialog<ButtonType> showAllDialog(TimelineRow row) {
        // Bidi controls shown as marks here too; "save as file" writes the text exactly as sent.
        TextArea whole = new TextArea(de.amtsdesk.app.VisibleText.markBidiControls(row.fullText()));
        whole.setId("fullText");
        whole.setEditable(false);
        whole.setWrapText(true);
        whole.setPrefSize(720, 480);
        whole.setAccessibleText(resources.getString("conversation.showAll.text"));
        Label label = new Label(resources.getString("conversation.showAll.text"));
        label.setLabelFor(whole);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(resources.getString("conversation.showAll.title"));
        if (timeline.getScene() != null) {
            dialog.initOwner(timeline.getScene().getWindow());
        }
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(new VBox(6, label, whole));
        ButtonType saveText = new ButtonType(resources.getString("conversation.saveText"),
                ButtonBar.ButtonData.OTHER);
        ButtonType close = new ButtonType(resources.getString("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(saveText, close);
        dialog.setOnShown(event -> whole.requestFocus());
        return dialog;
    }

    private void showAll(TimelineRow row) {
        showAllDialog(row).showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OTHER)
                .ifPresent(b -> saveText(row));
    }

    private void saveText(TimelineRow row) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(resources.getString("conversation.saveText.title"));
        chooser.setInitialFileName(resources.getString("conversation.saveText.fileName"));
        File target = chooser.showSaveDialog(timeline.getScene().getWindow());
        if (target != null) {
            viewModel.saveText(row, target.toPath());
        }
    }

    private final class EntryCell extends ListCell<TimelineRow> {
        // The styles a row can switch between; changed only when the next row needs another (see StyleClasses).
        private static final List<String> SENDER_STYLES = List.of("badge-own", "badge-internal", "entry-sender");
        private static final List<String> TRUST_STYLES = java.util.Arrays.stream(
                de.amtsdesk.core.conversation.MessageTrust.Severity.values()).map(EntryCell::trustStyle).toList();
        private static final List<String> BODY_STYLES = List.of("entry-problem", "entry-body");
        private static final List<String> BOX_STYLES = List.of("entry-own", "entry-internal", "entry-case-change",
                "entry-other");

        private final Label sender = new Label();
        private final Label time = new Label();
        private final Label state = new Label();
        private final Label trust = new Label();
        private final Tooltip trustTooltip = new Tooltip();
        private final Label body = new Label();
        private final Button action = new Button();
        private final Button discard = new Button();
        private final Button open = new Button();
        private final Region spacer = new Region();
        private final HBox header = new HBox(8, sender, time, trust, spacer, state);
        private final Button check = new Button();
        private final VBox box = new VBox(2, header, body, new HBox(8, action, open, check, discard));

        private static String trustStyle(de.amtsdesk.core.conversation.MessageTrust.Severity severity) {
            return "trust-" + severity.name().toLowerCase(Locale.ROOT);
        }

        private EntryCell() {
            HBox.setHgrow(spacer, Priority.ALWAYS);
            body.setWrapText(true);
            body.maxWidthProperty().bind(timeline.widthProperty().subtract(48));
            // A long failure reason wraps under the header instead of widening the row into a horizontal
            // scroll bar; sender and time never shrink.
            sender.setMinWidth(Region.USE_PREF_SIZE);
            time.setMinWidth(Region.USE_PREF_SIZE);
            state.setWrapText(true);
            state.setMinWidth(0);
            header.maxWidthProperty().bind(timeline.widthProperty().subtract(48));
            setPrefWidth(0);
            sender.getStyleClass().add("entry-sender");
            time.getStyleClass().add("entry-time");
            state.getStyleClass().add("entry-state");
            trust.setId("trustMarker");
            sender.setId("entrySender");
            trustTooltip.setWrapText(true);
            trustTooltip.setMaxWidth(420);
            // The cell's accessible text carries the trust's words; the marker itself is decoration.
            trust.setFocusTraversable(false);
            // For the mouse only: the keyboard acts on the focused row (Enter, Ctrl+R, context menu), so Tab does not
            // stop on buttons inside rows that scroll away.
            action.setFocusTraversable(false);
            discard.setFocusTraversable(false);
            open.setFocusTraversable(false);
            open.setId("openAttachment");
            open.setText(resources.getString("conversation.open"));
            check.setFocusTraversable(false);
            check.setId("checkSignature");
            check.setText(resources.getString("conversation.check"));
            check.setAccessibleText(resources.getString("conversation.check.accessible"));
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
            // Our own messages wear the agency badge; no display name can produce this style.
            boolean internal = row.kind() == TimelineEntry.Kind.INTERNAL_NOTE
                    || row.kind() == TimelineEntry.Kind.CASE_CHANGE;
            StyleClasses.oneOf(sender.getStyleClass(), row.own() ? "badge-own" : internal ? "badge-internal"
                    : "entry-sender", SENDER_STYLES);
            time.setText(row.time());
            state.setText(row.state());
            trust.setVisible(row.hasTrustMarker());
            trust.setManaged(row.hasTrustMarker());
            trust.setText(row.trustMarker());
            trustTooltip.setText(row.trustTooltip());
            trust.setTooltip(row.hasTrustMarker() ? trustTooltip : null);
            StyleClasses.oneOf(trust.getStyleClass(), trustStyle(row.trustSeverity()), TRUST_STYLES);
            body.setText(row.text());
            StyleClasses.oneOf(body.getStyleClass(), row.problem() ? "entry-problem" : "entry-body", BODY_STYLES);
            StyleClasses.oneOf(box.getStyleClass(), row.own() ? "entry-own"
                    : row.kind() == TimelineEntry.Kind.INTERNAL_NOTE ? "entry-internal"
                    : row.kind() == TimelineEntry.Kind.CASE_CHANGE ? "entry-case-change" : "entry-other", BOX_STYLES);
            boolean save = row.canSave();
            boolean showAll = row.truncated() && !save && !row.canRetry();
            action.setVisible(save || row.canRetry() || showAll);
            action.setManaged(action.isVisible());
            action.setText(resources.getString(save ? "conversation.save" : showAll ? "conversation.showAll"
                    : "conversation.retry"));
            action.setOnAction(event -> {
                if (row.canRetry()) {
                    viewModel.retry(row);
                } else if (save) {
                    save(row);
                } else {
                    showAll(row);
                }
            });
            boolean canOpen = viewModel.canOpen(row);
            open.setVisible(canOpen);
            open.setManaged(canOpen);
            open.setOnAction(event -> open(row));
            boolean canCheck = viewModel.canCheckSignature(row);
            check.setVisible(canCheck);
            check.setManaged(canCheck);
            check.setOnAction(event -> viewModel.checkSignature(row));
            discard.setVisible(row.canRetry());
            discard.setManaged(row.canRetry());
            discard.setText(resources.getString("conversation.discard"));
            discard.setOnAction(event -> viewModel.discard(row));
            setGraphic(box);
            setAccessibleText(row.accessibleText());
        }
    }
}
