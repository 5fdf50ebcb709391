package de.amtsdesk.app.lead;

import de.amtsdesk.app.casepanel.TypePickerViewModel;
import de.amtsdesk.app.pickers.SearchPicker;
import de.amtsdesk.core.i18n.Translations;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** A caseworker's settings (capacity, case types, absence and deputy) and the handover, as dialogs. */
public final class MemberSettingsDialog {

    private MemberSettingsDialog() {
    }

    /** The settings form without the dialog (audited on its own). */
    public static VBox content(Translations text, MemberSettingsViewModel vm) {
        TextField capacity = new TextField();
        capacity.setId("memberCapacity");
        capacity.setPrefColumnCount(6);
        capacity.textProperty().bindBidirectional(vm.capacityProperty());
        Label capacityLabel = mnemonicLabel(text.get("lead.member.capacity"), capacity);
        CheckBox everyType = new CheckBox(text.get("lead.member.everyType"));
        everyType.setId("memberEveryType");
        everyType.selectedProperty().bindBidirectional(vm.everyTypeProperty());
        ListView<MemberSettingsViewModel.TypeChoice> types = new ListView<>(vm.types());
        types.setId("memberTypes");
        types.setPrefHeight(90);
        types.setAccessibleText(text.get("lead.member.types.accessible"));
        types.disableProperty().bind(vm.everyTypeProperty());
        Label typesLabel = mnemonicLabel(text.get("lead.member.types"), types);
        Button remove = button("memberTypeRemove", text.get("lead.member.typeRemove"),
                text.get("lead.member.typeRemove.accessible"));
        remove.setOnAction(e -> vm.removeType(types.getSelectionModel().getSelectedItem()));
        remove.disableProperty().bind(vm.everyTypeProperty());
        TypePickerViewModel search = vm.typeSearch();
        SearchPicker<TypePickerViewModel.Choice> picker = new SearchPicker<>("memberType", new SearchPicker.Texts(
                text.get("lead.member.typeSearch"), text.get("lead.member.typeChoices"), null, null),
                search.queryProperty(), search.choices(), 140);
        Button add = button("memberTypeAdd", text.get("lead.member.typeAdd"), text.get("lead.member.typeAdd.accessible"));
        add.setOnAction(e -> vm.addType(picker.selected()));
        CheckBox absent = new CheckBox(text.get("lead.member.absent"));
        absent.setId("memberAbsent");
        absent.selectedProperty().bindBidirectional(vm.absentProperty());
        ComboBox<MemberSettingsViewModel.Deputy> deputy = deputyBox(vm);
        deputy.disableProperty().bind(vm.absentProperty().not());
        Label deputyLabel = mnemonicLabel(text.get("lead.member.deputy"), deputy);
        VBox root = new VBox(6, capacityLabel, capacity, everyType, typesLabel, types, remove);
        root.getChildren().addAll(picker.nodes());
        root.getChildren().addAll(add, absent, deputyLabel, deputy, SearchPicker.warning("memberMessage",
                vm.messageProperty()));
        root.setId("memberSettings");
        return root;
    }

    static ComboBox<MemberSettingsViewModel.Deputy> deputyBox(MemberSettingsViewModel vm) {
        ComboBox<MemberSettingsViewModel.Deputy> deputy = new ComboBox<>(vm.deputies());
        deputy.setId("memberDeputy");
        deputy.valueProperty().bindBidirectional(vm.deputyProperty());
        return deputy;
    }

    private static Label mnemonicLabel(String text, javafx.scene.Node target) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        return label;
    }

    private static Button button(String id, String text, String accessible) {
        Button button = new Button(text);
        button.setId(id);
        button.setMnemonicParsing(true);
        button.setAccessibleText(accessible);
        return button;
    }

    /** Shows the settings; Save sends the {@code member} event (the dialog stays open while the input is wrong). */
    public static void edit(Window owner, Translations text, MemberSettingsViewModel vm) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(vm.titleProperty().get());
        ButtonType save = new ButtonType(text.get("lead.member.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, new ButtonType(text.get("dialog.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setContent(content(text, vm));
        dialog.getDialogPane().lookupButton(save).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (!vm.save()) {
                e.consume();
            }
        });
        dialog.showAndWait();
    }

    /** Asks for the deputy, then confirms with the number of cases that move; sends the {@code handover} event. */
    public static void handOver(Window owner, Translations text, MemberSettingsViewModel vm) {
        ComboBox<MemberSettingsViewModel.Deputy> deputy = deputyBox(vm);
        Label deputyLabel = mnemonicLabel(text.get("lead.member.deputy"), deputy);
        Dialog<ButtonType> ask = new Dialog<>();
        ask.initOwner(owner);
        ask.setTitle(text.get("lead.handover.title"));
        ButtonType next = new ButtonType(text.get("lead.handover.confirm"), ButtonBar.ButtonData.OK_DONE);
        ask.getDialogPane().getButtonTypes().setAll(next, new ButtonType(text.get("dialog.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        ask.getDialogPane().setContent(new VBox(6, new Label(vm.titleProperty().get()), new HBox(6, deputyLabel,
                deputy)));
        ask.getDialogPane().lookupButton(next).disableProperty().bind(vm.deputyProperty().isNull());
        if (ask.showAndWait().filter(next::equals).isEmpty()) {
            return;
        }
        vm.handoverQuestion().ifPresent(question -> {
            ButtonType yes = new ButtonType(text.get("lead.handover.confirm"), ButtonBar.ButtonData.OK_DONE);
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, question, yes,
                    new ButtonType(text.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
            confirm.initOwner(owner);
            confirm.setTitle(text.get("lead.handover.title"));
            confirm.setHeaderText(null);
            confirm.showAndWait().filter(yes::equals).ifPresent(b -> vm.handover());
        });
    }
}
