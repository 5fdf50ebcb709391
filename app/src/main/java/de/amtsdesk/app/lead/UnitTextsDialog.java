package de.amtsdesk.app.lead;

import de.amtsdesk.app.Dialogs;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.i18n.Translations;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The lead's editor for the unit's reply templates and macros: one tab each, the list on the left, the form on the
 * right; "Veröffentlichen" sends the next version, "Zurückziehen" retires the selected one. Every field is labelled;
 * only the first tab has mnemonics (see {@link #plainLabel}).
 */
public final class UnitTextsDialog {

    private UnitTextsDialog() {
    }

    public static void show(Window owner, Translations text, TemplateEditorViewModel templates,
            MacroEditorViewModel macros) {
        Dialog<Void> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(text.get("lead.texts.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(content(text, templates, macros));
        dialog.getDialogPane().getButtonTypes().add(Dialogs.close(text));
        dialog.setOnHidden(e -> {
            templates.dispose();
            macros.dispose();
        });
        dialog.show();
    }

    /** Both tabs without the dialog (audited on their own). */
    public static TabPane content(Translations text, TemplateEditorViewModel templates, MacroEditorViewModel macros) {
        Tab t = new Tab(text.get("lead.templates.tab"), templatesTab(text, templates));
        Tab m = new Tab(text.get("lead.macros.tab"), macrosTab(text, macros));
        t.setClosable(false);
        m.setClosable(false);
        TabPane tabs = new TabPane(t, m);
        tabs.setId("unitTexts");
        tabs.setAccessibleText(text.get("lead.texts.title"));
        return tabs;
    }

    private static Node templatesTab(Translations text, TemplateEditorViewModel vm) {
        ListView<TemplateEditorViewModel.Row> list = rows("templateList", vm.rows(),
                TemplateEditorViewModel.Row::text, text.get("lead.templates.list"));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> vm.edit(row));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        TextField id = field("templateId", vm.idProperty());
        ComboBox<String> language = new ComboBox<>(FXCollections.observableArrayList(
                TemplateEditorViewModel.LANGUAGES));
        language.setId("templateLanguage");
        language.valueProperty().bindBidirectional(vm.languageProperty());
        TextField caseType = field("templateCaseType", vm.caseTypeProperty());
        TextField title = field("templateTitle", vm.titleProperty());
        TextArea body = new TextArea();
        body.setId("templateBody");
        body.setPrefRowCount(8);
        body.setWrapText(true);
        body.textProperty().bindBidirectional(vm.bodyProperty());
        form.addRow(0, label(text, "lead.templates.id", id), id);
        form.addRow(1, label(text, "lead.templates.language", language), language);
        form.addRow(2, label(text, "lead.templates.caseType", caseType), caseType);
        form.addRow(3, label(text, "lead.templates.titleField", title), title);
        form.addRow(4, label(text, "lead.templates.body", body), body);
        Label hint = new Label(text.get("lead.templates.hint"));
        hint.setWrapText(true);
        Button publish = button(text, "templatePublish", "lead.texts.publish");
        publish.setOnAction(e -> vm.publish());
        Button retire = button(text, "templateRetire", "lead.texts.retire");
        retire.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        retire.setOnAction(e -> vm.retire(list.getSelectionModel().getSelectedItem()));
        Button clear = button(text, "templateNew", "lead.texts.new");
        clear.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            vm.clear();
        });
        return new HBox(12, list, new VBox(6, form, hint, new HBox(6, clear, publish, retire),
                problem("templateProblem", vm.problemProperty())));
    }

    private static Node macrosTab(Translations text, MacroEditorViewModel vm) {
        ListView<MacroEditorViewModel.Row> list = rows("macroList", vm.rows(), MacroEditorViewModel.Row::text,
                text.get("lead.macros.list"));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> vm.edit(row));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        TextField id = field("macroId", vm.idProperty());
        ComboBox<String> language = new ComboBox<>(FXCollections.observableArrayList(
                TemplateEditorViewModel.LANGUAGES));
        language.setId("macroLanguage");
        language.valueProperty().bindBidirectional(vm.languageProperty());
        TextField title = field("macroTitle", vm.titleProperty());
        ComboBox<String> template = new ComboBox<>(vm.templateIds());
        template.setId("macroTemplate");
        template.valueProperty().bindBidirectional(vm.templateIdProperty());
        template.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? text.get("lead.macros.none") : value;
            }

            @Override
            public String fromString(String string) {
                return string;
            }
        });
        ComboBox<Optional<CaseStatus>> status = new ComboBox<>(FXCollections.observableArrayList(
                MacroEditorViewModel.STATUSES));
        status.setId("macroStatus");
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(Optional<CaseStatus> value) {
                return value == null || value.isEmpty() ? text.get("lead.macros.none")
                        : text.get("lead.macros.status." + value.get().wireName());
            }

            @Override
            public Optional<CaseStatus> fromString(String string) {
                return Optional.empty();
            }
        });
        TextField add = field("macroAddTags", vm.addTagsProperty());
        TextField remove = field("macroRemoveTags", vm.removeTagsProperty());
        form.addRow(0, plainLabel(text, "lead.macros.id", id), id);
        form.addRow(1, plainLabel(text, "lead.macros.language", language), language);
        form.addRow(2, plainLabel(text, "lead.macros.titleField", title), title);
        form.addRow(3, plainLabel(text, "lead.macros.template", template), template);
        form.addRow(4, plainLabel(text, "lead.macros.status", status), status);
        form.addRow(5, plainLabel(text, "lead.macros.addTags", add), add);
        form.addRow(6, plainLabel(text, "lead.macros.removeTags", remove), remove);
        Button publish = plainButton(text, "macroPublish", "lead.texts.publish");
        publish.setOnAction(e -> vm.publish());
        Button retire = plainButton(text, "macroRetire", "lead.texts.retire");
        retire.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        retire.setOnAction(e -> vm.retire(list.getSelectionModel().getSelectedItem()));
        Button clear = plainButton(text, "macroNew", "lead.texts.new");
        clear.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            vm.clear();
        });
        return new HBox(12, list, new VBox(6, form, new HBox(6, clear, publish, retire),
                problem("macroProblem", vm.problemProperty())));
    }

    private static <T> ListView<T> rows(String id, javafx.collections.ObservableList<T> items,
            java.util.function.Function<T, String> words, String accessible) {
        ListView<T> list = new ListView<>(items);
        list.setId(id);
        list.setPrefWidth(300);
        list.setPrefHeight(320);
        list.setAccessibleText(accessible);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : words.apply(item));
            }
        });
        return list;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(28);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static Label label(Translations text, String key, Node field) {
        Label label = new Label(text.get(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        return label;
    }

    /**
     * The macros tab's labels and buttons carry no mnemonics: JavaFX registers the mnemonics of a hidden tab too, so
     * the second tab's would collide with the first's (Alt+K would reach a field nobody sees). Tab reaches them.
     */
    private static Label plainLabel(Translations text, String key, Node field) {
        Label label = new Label(text.get(key).replace("_", ""));
        label.setMnemonicParsing(false);
        label.setLabelFor(field);
        return label;
    }

    private static Button plainButton(Translations text, String id, String key) {
        Button button = new Button(text.get(key).replace("_", ""));
        button.setId(id);
        button.setMnemonicParsing(false);
        return button;
    }

    private static Button button(Translations text, String id, String key) {
        Button button = new Button(text.get(key));
        button.setId(id);
        button.setMnemonicParsing(true);
        return button;
    }

    private static Label problem(String id, javafx.beans.value.ObservableStringValue problem) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add("error-message");
        label.setAccessibleRole(AccessibleRole.TEXT);
        label.textProperty().bind(problem);
        return label;
    }
}
