package de.amtsdesk.app.pickers;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The shape every picker of the workspace shares (case type, template, macro): a labelled search field, the
 * labelled matches below it with the first one selected, Down from the field into the list, Enter or the OK button
 * to choose. Written once so the pickers behave alike by keyboard and for screen readers.
 *
 * @param <T> a choice
 */
public final class SearchPicker<T> {

    /** The words of one picker: search label, list label, optional prompt and text for "no matches". */
    public record Texts(String search, String choices, String prompt, String none) {
    }

    private final TextField query = new TextField();
    private final ListView<T> list;
    private final Label queryLabel;
    private final Label listLabel;

    /** @param idPrefix ids become {@code <prefix>Query} and {@code <prefix>Choices} (tests and screen readers) */
    public SearchPicker(String idPrefix, Texts texts, StringProperty queryText, ObservableList<T> choices,
            double listHeight) {
        query.setId(idPrefix + "Query");
        query.setAccessibleText(texts.prompt() != null ? texts.prompt() : texts.search());
        if (texts.prompt() != null) {
            query.setPromptText(texts.prompt());
        }
        query.textProperty().bindBidirectional(queryText);
        queryLabel = new Label(texts.search());
        queryLabel.setLabelFor(query);
        list = new ListView<>(choices);
        list.setId(idPrefix + "Choices");
        list.setAccessibleText(texts.choices());
        list.setPrefSize(520, listHeight);
        if (texts.none() != null) {
            list.setPlaceholder(new Label(texts.none()));
        }
        listLabel = new Label(texts.choices());
        listLabel.setLabelFor(list);
        choices.addListener((ListChangeListener<T>) change -> selectFirst());
        selectFirst();
        query.setOnKeyPressed(key -> {
            if (key.getCode() == KeyCode.DOWN) {
                list.requestFocus();
                key.consume();
            }
        });
    }

    private void selectFirst() {
        if (!list.getItems().isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
    }

    public TextField query() {
        return query;
    }

    public ListView<T> list() {
        return list;
    }

    public T selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    /** Search label, field, list label, list: the top of every picker's content. */
    public List<Node> nodes() {
        return List.of(queryLabel, query, listLabel, list);
    }

    /** A read-only text (preview) a screen reader reaches by Tab, and Tab leaves again (no trap). */
    public static TextArea readOnlyText(String id, String name, ObservableStringValue value) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(6);
        area.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.TAB && !key.isControlDown()) {
                key.consume();
                area.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, key.isShiftDown(), true,
                        false, false));
            }
        });
        area.setAccessibleText(name);
        area.textProperty().bind(value);
        return area;
    }

    /** A label for a control, pointing at it (so the association is never null). */
    public static Label labelFor(String text, Node control) {
        Label label = new Label(text);
        label.setLabelFor(control);
        return label;
    }

    /** A warning line bound to a view model's text (empty: nothing to say). */
    public static Label warning(String id, ObservableStringValue value) {
        Label warning = new Label();
        warning.setId(id);
        warning.getStyleClass().add("warning");
        warning.setWrapText(true);
        warning.textProperty().bind(value);
        return warning;
    }

    /**
     * Shows the picker as a modal dialog with OK ({@code okText}) and Cancel; OK is disabled while {@code blocked}
     * holds; double click on a choice chooses it too. Returns what {@code result} makes of the chosen item.
     */
    public <R> Optional<R> show(Window owner, String title, String okText, String cancelText, VBox content,
            BooleanExpression blocked, Function<T, R> result) {
        Dialog<R> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        ButtonType ok = new ButtonType(okText, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(cancelText, ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(blocked);
        list.setOnMouseClicked(click -> {
            if (click.getClickCount() == 2 && selected() != null && !blocked.get()) {
                dialog.setResult(result.apply(selected()));
                dialog.close();
            }
        });
        dialog.getDialogPane().setContent(content);
        dialog.setResultConverter(button -> button == ok && selected() != null ? result.apply(selected()) : null);
        Platform.runLater(query::requestFocus);
        return dialog.showAndWait();
    }

    /** OK is blocked while nothing is selected. */
    public BooleanExpression nothingSelected() {
        return list.getSelectionModel().selectedItemProperty().isNull();
    }
}
