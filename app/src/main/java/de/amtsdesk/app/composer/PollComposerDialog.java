package de.amtsdesk.app.composer;

import de.amtsdesk.app.Dialogs;
import de.amtsdesk.core.conversation.PollDraft;
import de.amtsdesk.core.i18n.Translations;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The poll composer ({@link PollComposerViewModel}) as a dialog. It opens in the question field; "Umfrage senden"
 * stays disabled until the poll is valid, and the problems say why. Every control is a Tab stop with a name (its
 * label, or for the row buttons an accessible text naming the option: "Antwort 2 entfernen"); the read-only preview
 * is a Tab stop too, so a screen reader can read it, and Tab leaves it. In an option field Alt+Up/Alt+Down move the
 * option; after moving, removing or adding, the focus stays with the option concerned.
 */
public final class PollComposerDialog extends Dialog<PollDraft> {

    private final Translations text;
    private final PollComposerViewModel viewModel;
    private final VBox rows = new VBox(4);
    private final ScrollPane rowsScroll = new ScrollPane(rows);
    private final Map<StringProperty, Row> rowsByOption = new IdentityHashMap<>();

    private PollComposerDialog(Window owner, Translations text, PollComposerViewModel viewModel) {
        this.text = text;
        this.viewModel = viewModel;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(text.get("conversation.poll.title"));
        setResizable(true);

        TextField question = new TextField();
        question.setId("pollQuestion");
        question.setPrefColumnCount(40);
        question.textProperty().bindBidirectional(viewModel.questionProperty());
        Label questionLabel = mnemonicLabel("conversation.poll.question", question);

        Label optionsLabel = new Label(text.get("conversation.poll.options"));
        rows.setId("pollOptions");
        rowsScroll.setFitToWidth(true);
        rowsScroll.setFocusTraversable(false);
        rowsScroll.setPrefViewportHeight(170);
        rowsScroll.setMaxHeight(260);
        viewModel.options().addListener((ListChangeListener<StringProperty>) change -> {
            boolean structural = false;
            while (change.next()) {
                structural |= change.wasAdded() || change.wasRemoved() || change.wasPermutated();
            }
            if (structural) {
                rebuildRows();
            }
        });
        rebuildRows();

        Button add = new Button(text.get("conversation.poll.add"));
        add.setId("pollAddOption");
        add.setMnemonicParsing(true);
        add.disableProperty().bind(viewModel.canAddProperty().not());
        add.setOnAction(event -> {
            if (viewModel.addOption()) {
                focusField(viewModel.options().size() - 1);
            }
        });

        CheckBox multiple = new CheckBox(text.get("conversation.poll.multiple"));
        multiple.setId("pollMultiple");
        multiple.setMnemonicParsing(true);
        multiple.selectedProperty().bindBidirectional(viewModel.multipleProperty());

        SpinnerValueFactory.IntegerSpinnerValueFactory range = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                2, Math.max(2, viewModel.options().size()), Math.max(2, viewModel.maxSelectionsProperty().get()));
        range.maxProperty().bind(Bindings.max(2, Bindings.size(viewModel.options())));
        Spinner<Integer> max = new Spinner<>(range);
        max.setId("pollMaxSelections");
        max.setPrefWidth(90);
        ObjectProperty<Integer> maxSelections = viewModel.maxSelectionsProperty().asObject();
        range.valueProperty().bindBidirectional(maxSelections);
        // A bidirectional binding holds both sides weakly: the dialog keeps the Integer view of the maximum alive.
        getDialogPane().getProperties().put(ObjectProperty.class, maxSelections);
        max.disableProperty().bind(viewModel.multipleProperty().not());
        Label maxLabel = mnemonicLabel("conversation.poll.maxSelections", max);
        maxLabel.disableProperty().bind(max.disableProperty());
        HBox maxRow = new HBox(8, maxLabel, max);
        maxRow.setAlignment(Pos.CENTER_LEFT);

        CheckBox disclosed = new CheckBox(text.get("conversation.poll.disclosed"));
        disclosed.setId("pollDisclosed");
        disclosed.setMnemonicParsing(true);
        disclosed.selectedProperty().bindBidirectional(viewModel.disclosedProperty());

        TextArea preview = new TextArea();
        preview.setId("pollPreview");
        preview.setEditable(false);
        preview.setWrapText(true);
        preview.setPrefRowCount(6);
        preview.textProperty().bind(viewModel.previewProperty());
        tabMovesFocus(preview);
        Label previewLabel = new Label(text.get("conversation.poll.preview"));
        previewLabel.setLabelFor(preview);

        Label problems = new Label();
        problems.setId("pollProblems");
        problems.getStyleClass().add("warning");
        problems.setWrapText(true);
        problems.textProperty().bind(viewModel.problemsProperty());

        VBox content = new VBox(8, questionLabel, question, optionsLabel, rowsScroll, add, multiple, maxRow,
                disclosed, previewLabel, preview, problems);
        content.setPrefWidth(560);
        getDialogPane().setContent(content);

        ButtonType send = new ButtonType(text.get("conversation.poll.send"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(send, Dialogs.cancel(text));
        Button sendButton = (Button) getDialogPane().lookupButton(send);
        sendButton.disableProperty().bind(viewModel.validProperty().not());
        // Enter in a field must not send a half-written poll; sending is a deliberate press of the button.
        sendButton.setDefaultButton(false);
        setResultConverter(button -> button == send ? viewModel.draft().orElse(null) : null);
        setOnShown(event -> question.requestFocus());
    }

    /** The dialog, not shown yet (tests show it without blocking). */
    public static Dialog<PollDraft> create(Window owner, Translations text, PollComposerViewModel viewModel) {
        return new PollComposerDialog(owner, text, viewModel);
    }

    private Label mnemonicLabel(String key, Node field) {
        Label label = new Label(text.get(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        return label;
    }

    /** One option: its number, its field, and buttons to move it up or down or remove it. */
    private final class Row {
        final StringProperty option;
        final Label label = new Label();
        final TextField field = new TextField();
        final Button up = new Button(text.get("conversation.poll.up"));
        final Button down = new Button(text.get("conversation.poll.down"));
        final Button remove = new Button(text.get("conversation.poll.remove"));
        final HBox box = new HBox(6, label, field, up, down, remove);

        Row(StringProperty option) {
            this.option = option;
            label.setLabelFor(field);
            label.setMinWidth(70);
            box.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(field, Priority.ALWAYS);
            field.textProperty().bindBidirectional(option);
            for (Button button : List.of(up, down, remove)) {
                button.setMnemonicParsing(false);
                button.setMinWidth(Button.USE_PREF_SIZE);
            }
            remove.disableProperty().bind(viewModel.canRemoveProperty().not());
            up.setOnAction(event -> moveUp());
            down.setOnAction(event -> moveDown());
            remove.setOnAction(event -> remove());
            field.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
                if (key.isAltDown() && key.getCode() == KeyCode.UP) {
                    key.consume();
                    int index = index();
                    if (viewModel.moveUp(index)) {
                        focusField(index - 1);
                    }
                } else if (key.isAltDown() && key.getCode() == KeyCode.DOWN) {
                    key.consume();
                    int index = index();
                    if (viewModel.moveDown(index)) {
                        focusField(index + 1);
                    }
                }
            });
            field.focusedProperty().addListener((obs, was, now) -> {
                if (now) {
                    scrollTo(box);
                }
            });
        }

        int index() {
            return viewModel.options().indexOf(option);
        }

        /** Numbers, names and which moves make sense, for the row's current position. */
        void place(int index, int count) {
            String number = Integer.toString(index + 1);
            label.setText(text.get("conversation.poll.option", number));
            field.setId("pollOption" + number);
            field.setAccessibleText(text.get("conversation.poll.option", number));
            setUp(up, "pollOptionUp" + number, text.get("conversation.poll.upOption", number), index == 0);
            setUp(down, "pollOptionDown" + number, text.get("conversation.poll.downOption", number),
                    index == count - 1);
            setUp(remove, "pollOptionRemove" + number, text.get("conversation.poll.removeOption", number), false);
        }

        private void setUp(Button button, String id, String name, boolean disabled) {
            button.setId(id);
            button.setAccessibleText(name);
            button.setTooltip(new Tooltip(name));
            if (!button.disableProperty().isBound()) {
                button.setDisable(disabled);
            }
        }

        private void moveUp() {
            int index = index();
            if (viewModel.moveUp(index)) {
                // The option moved up: the focus goes with it (to the field once it is first).
                focusButtonOr(index - 1, r -> r.up);
            }
        }

        private void moveDown() {
            int index = index();
            if (viewModel.moveDown(index)) {
                focusButtonOr(index + 1, r -> r.down);
            }
        }

        private void remove() {
            int index = index();
            if (viewModel.removeOption(index)) {
                focusField(Math.min(index, viewModel.options().size() - 1));
            }
        }

        void unbind() {
            field.textProperty().unbindBidirectional(option);
            remove.disableProperty().unbind();
        }
    }

    private void rebuildRows() {
        List<StringProperty> options = viewModel.options();
        rowsByOption.keySet().removeIf(option -> {
            if (options.contains(option)) {
                return false;
            }
            rowsByOption.get(option).unbind();
            return true;
        });
        rows.getChildren().clear();
        for (int i = 0; i < options.size(); i++) {
            Row row = rowsByOption.computeIfAbsent(options.get(i), Row::new);
            row.place(i, options.size());
            rows.getChildren().add(row.box);
        }
    }

    private Row row(int index) {
        return rowsByOption.get(viewModel.options().get(index));
    }

    private void focusField(int index) {
        if (index >= 0 && index < viewModel.options().size()) {
            Row row = row(index);
            row.field.requestFocus();
            scrollTo(row.box);
        }
    }

    private void focusButtonOr(int index, java.util.function.Function<Row, Button> button) {
        Row row = row(index);
        Button target = button.apply(row);
        if (target.isDisabled()) {
            row.field.requestFocus();
        } else {
            target.requestFocus();
        }
        scrollTo(row.box);
    }

    /** Scrolls the option list so that the row is in view (a ScrollPane does not follow the focus by itself). */
    private void scrollTo(Node row) {
        double contentHeight = rows.getBoundsInLocal().getHeight();
        double viewport = rowsScroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport || viewport <= 0) {
            return;
        }
        Bounds bounds = row.getBoundsInParent();
        double top = rowsScroll.getVvalue() * (contentHeight - viewport);
        if (bounds.getMinY() < top) {
            rowsScroll.setVvalue(bounds.getMinY() / (contentHeight - viewport));
        } else if (bounds.getMaxY() > top + viewport) {
            rowsScroll.setVvalue((bounds.getMaxY() - viewport) / (contentHeight - viewport));
        }
    }

    /** Tab in a text area types a tab; here it moves on, like everywhere else in the dialog (Shift+Tab goes back). */
    static void tabMovesFocus(TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.TAB && !event.isControlDown()) {
                event.consume();
                area.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, event.isShiftDown(), true,
                        false, false));
            }
        });
    }
}
