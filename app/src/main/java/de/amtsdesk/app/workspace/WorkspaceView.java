package de.amtsdesk.app.workspace;

import de.amtsdesk.app.casepanel.CasePanelView;
import de.amtsdesk.app.queue.QueueView;
import de.amtsdesk.app.rooms.RoomListViewModel;
import de.amtsdesk.core.i18n.Translations;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;

/**
 * Code-behind of WorkspaceView.fxml: queue | conversation | case panel, the header with lock and sign-out, the
 * status bar, and the window-wide shortcuts (listed by F1).
 */
public final class WorkspaceView {

    /** A loaded pane: its controller and its root node. */
    public record Pane<T>(T controller, Parent root) {
    }

    /** Opens the conversation of a case; the composer hooks (templates) are attached by the caller. */
    public interface Conversations {
        Parent open(String caseId);
    }

    private final WorkspaceViewModel viewModel;
    private final RoomListViewModel sync;
    private final Translations text;
    private final Pane<QueueView> queue;
    private final Pane<CasePanelView> casePanel;
    private final Conversations conversations;
    private final Runnable keyBackup;
    private Pane<de.amtsdesk.app.lead.LeadDeskView> leadDesk;

    @FXML private javafx.scene.layout.BorderPane frame;
    @FXML private javafx.scene.control.ToggleButton leadButton;
    @FXML private Label caseworkerLabel;
    @FXML private Label agencyLabel;
    @FXML private Button backupButton;
    @FXML private SplitPane split;
    @FXML private StackPane queuePane;
    @FXML private StackPane conversationPane;
    @FXML private StackPane casePane;
    @FXML private Label statusLabel;
    @FXML private Button retryButton;

    public WorkspaceView(WorkspaceViewModel viewModel, RoomListViewModel sync, Translations text,
            Pane<QueueView> queue, Pane<CasePanelView> casePanel, Conversations conversations, Runnable keyBackup) {
        this(viewModel, sync, text, queue, casePanel, conversations, keyBackup, null);
    }

    /**
     * @param leadDesk the lead desk, only for members with the lead's power level (null: a caseworker, who never
     *                 sees it, its button or its shortcut)
     */
    public WorkspaceView(WorkspaceViewModel viewModel, RoomListViewModel sync, Translations text,
            Pane<QueueView> queue, Pane<CasePanelView> casePanel, Conversations conversations, Runnable keyBackup,
            Pane<de.amtsdesk.app.lead.LeadDeskView> leadDesk) {
        this.leadDesk = leadDesk;
        this.viewModel = viewModel;
        this.sync = sync;
        this.text = text;
        this.queue = queue;
        this.casePanel = casePanel;
        this.conversations = conversations;
        this.keyBackup = keyBackup;
    }

    @FXML
    private void initialize() {
        caseworkerLabel.textProperty().bind(viewModel.caseworkerProperty());
        agencyLabel.textProperty().bind(viewModel.agencyProperty());
        // The account lines are the ones shortened in a narrow window: the tooltip keeps their whole text.
        bindTooltip(caseworkerLabel);
        bindTooltip(agencyLabel);
        queuePane.getChildren().setAll(queue.root());
        casePane.getChildren().setAll(casePanel.root());
        statusLabel.textProperty().bind(sync.statusProperty());
        retryButton.visibleProperty().bind(sync.failingProperty());
        retryButton.managedProperty().bind(retryButton.visibleProperty());
        backupButton.setVisible(keyBackup != null);
        backupButton.setManaged(keyBackup != null);
        leadButton.setVisible(leadDesk != null);
        leadButton.setManaged(leadDesk != null);
        leadButton.selectedProperty().addListener((obs, old, on) -> showLeadDesk(on));
        if (leadDesk != null) {
            placeLeadDesk();
        }
        split.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.focusOwnerProperty().removeListener(focusLost); // locked or signed out: the scene stays
            }
            if (scene != null) {
                install(scene);
                // A caseworker starts with a case: the keyboard begins in the queue, not on the first toolbar
                // button, which JavaFX picks in the pulse after the sign-in screen's focused field left the scene
                // (a focus set before that pulse is overridden): so after two pulses.
                focusQueueAfterPulses(scene, 2);
                scene.focusOwnerProperty().addListener(focusLost);
            }
        });
    }

    private void focusQueueAfterPulses(Scene scene, int pulses) {
        int[] left = {pulses};
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            if (--left[0] <= 0) {
                javafx.application.Platform.runLater(() -> scene.removePostLayoutPulseListener(self[0]));
                if (left[0] == 0 && split.getScene() == scene) {
                    queue.controller().focusList();
                }
            } else {
                javafx.application.Platform.requestNextPulse();
            }
        };
        scene.addPostLayoutPulseListener(self[0]);
        javafx.application.Platform.requestNextPulse();
    }

    /**
     * When the focused control leaves the screen (a row's button replaced by a sync batch, the sign-in form replaced
     * by the workspace) JavaFX leaves no control focused, and the next arrow key merely finds one again: a keyboard
     * user loses a key press and their place. The keyboard goes back to the queue instead.
     */
    private final javafx.beans.value.ChangeListener<Node> focusLost = this::focusOwnerChanged;

    private void focusOwnerChanged(javafx.beans.value.ObservableValue<? extends Node> owner, Node old, Node now) {
        if (now == null && split.getScene() != null) {
            javafx.application.Platform.runLater(() -> {
                Scene scene = split.getScene();
                if (scene != null && scene.getFocusOwner() == null && scene.getWindow() != null
                        && scene.getWindow().isFocused()) {
                    queue.controller().focusList();
                }
            });
        }
    }

    private static void bindTooltip(Label label) {
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(label.textProperty());
        label.setTooltip(tip);
    }

    /** Shows the conversation of a case in the centre. */
    public void showConversation(String caseId) {
        // Cleared first: when this case's conversation cannot be opened (the error dialog says so), the previous
        // case's must not stay beside this case's panel, where a reply would look meant for this citizen.
        conversationPane.getChildren().clear();
        conversationPane.getChildren().setAll(conversations.open(caseId));
    }

    private void install(Scene scene) {
        scene.addEventFilter(KeyEvent.ANY, e -> viewModel.input());
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> viewModel.input());
        var keys = scene.getAccelerators();
        keys.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), this::lock);
        keys.put(new KeyCodeCombination(KeyCode.F1), this::showHelp);
        keys.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), queue.controller()::focusSearch);
        keys.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN),
                casePanel.controller()::openTypePicker);
        keys.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                casePanel.controller()::focusNote);
        keys.put(new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                casePanel.controller()::takeCase);
        keys.put(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                casePanel.controller()::openNotice);
        keys.put(new KeyCodeCombination(KeyCode.F6), this::nextPane);
        if (leadDesk != null) {
            installLeadKey(scene);
        }
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7};
        for (int i = 0; i < digits.length; i++) {
            int index = i;
            keys.put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN), () -> {
                leadButton.setSelected(false); // the saved views are the queue's: back from the lead desk
                queue.controller().showView(index);
                queue.controller().focusList();
            });
        }
    }

    private void installLeadKey(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), this::toggleLeadDesk);
    }

    /**
     * The lead desk for a member who turns out to be a lead after the workspace was built (a fresh workstation learns
     * the staff room's power levels with its first sync); its button and Ctrl+Shift+L appear. Once only.
     */
    public void offerLeadDesk(Pane<de.amtsdesk.app.lead.LeadDeskView> desk) {
        if (leadDesk != null || desk == null) {
            return;
        }
        leadDesk = desk;
        placeLeadDesk();
        leadButton.setVisible(true);
        leadButton.setManaged(true);
        if (split.getScene() != null) {
            installLeadKey(split.getScene());
        }
    }

    /** Ctrl+Shift+L or the header's button: the lead desk in place of the three panes, and back. */
    private void toggleLeadDesk() {
        leadButton.setSelected(!leadButton.isSelected());
        if (leadButton.isSelected()) {
            leadDesk.controller().focusList();
        } else {
            queue.controller().focusList();
        }
    }

    /**
     * The lead desk lives in the window from the start, hidden behind the three panes: its skins, styles and layout
     * are made while the lead works in the queue, so switching to it only repaints (swapping it into the scene
     * restyled 7,000 rows and a chart of 100 people: seconds the first time, 0.1–0.3 s after that).
     */
    private void placeLeadDesk() {
        Node desk = leadDesk.root();
        desk.setVisible(false);
        leadDesk.controller().shown(false);
        frame.setCenter(new StackPane(split, desk));
    }

    private void showLeadDesk(boolean on) {
        leadDesk.root().setVisible(on);
        split.setVisible(!on);
        leadDesk.controller().shown(on);
    }

    /** Whether the lead desk is shown (tests). */
    public boolean leadDeskShown() {
        return leadDesk != null && leadDesk.root().isVisible();
    }

    /** F6: queue → conversation → case panel → queue. */
    private void nextPane() {
        Node focused = split.getScene().getFocusOwner();
        StackPane[] panes = {queuePane, conversationPane, casePane};
        int current = -1;
        for (int i = 0; i < panes.length; i++) {
            for (Node n = focused; n != null; n = n.getParent()) {
                if (n == panes[i]) {
                    current = i;
                }
            }
        }
        StackPane next = panes[(current + 1) % panes.length];
        // Into the conversation means to write: the reply field, as chat clients do, not "load older messages".
        Node draft = next == conversationPane ? next.lookup("#draftField") : null;
        Node target = draft != null && draft.isVisible() && !draft.isDisabled() ? draft
                : next.lookupAll("*").stream().filter(n -> n.isFocusTraversable() && n.isVisible()
                        && !n.isDisabled()).findFirst().orElse(next);
        target.requestFocus();
    }

    @FXML
    private void lock() {
        viewModel.lock();
    }

    @FXML
    private void signOut() {
        ButtonType yes = new ButtonType(text.get("workspace.signOut.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(text.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, text.get("workspace.signOut.question"), yes, no);
        confirm.initOwner(split.getScene().getWindow());
        confirm.setTitle(text.get("workspace.signOut"));
        confirm.setHeaderText(null);
        confirm.showAndWait().filter(yes::equals).ifPresent(b -> viewModel.signOut());
    }

    @FXML
    private void showHelp() {
        TextArea sheet = new TextArea(text.get("workspace.shortcuts")
                + (leadDesk != null ? text.get("workspace.shortcuts.lead") : ""));
        sheet.setId("shortcutSheet");
        sheet.setEditable(false);
        sheet.setWrapText(true);
        sheet.setPrefRowCount(16);
        sheet.setAccessibleText(text.get("workspace.help"));
        Alert help = new Alert(Alert.AlertType.INFORMATION, "",
                new ButtonType(text.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE));
        help.initOwner(split.getScene().getWindow());
        help.setTitle(text.get("workspace.help"));
        help.setHeaderText(null);
        help.getDialogPane().setContent(sheet);
        Platform.runLater(sheet::requestFocus);
        help.showAndWait();
    }

    @FXML
    private void openKeyBackup() {
        if (keyBackup != null) {
            keyBackup.run();
        }
    }

    @FXML
    private void retryNow() {
        sync.retryNow();
    }
}
