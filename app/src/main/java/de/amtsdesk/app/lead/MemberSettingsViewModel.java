package de.amtsdesk.app.lead;

import de.amtsdesk.app.casepanel.TypePickerViewModel;
import de.amtsdesk.app.workspace.CaseDesk;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.UnitMember;
import de.amtsdesk.core.i18n.Translations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A lead edits one caseworker's settings (ADR 0014): capacity, case types (type-ahead over the catalogue), absence
 * with a deputy — sent whole as one {@code member} event — or hands their open cases over to the deputy in one
 * {@code handover} event, after a question that names how many cases move.
 */
public final class MemberSettingsViewModel {

    /** A case type the member handles: a service key (or a dotted prefix set elsewhere) and its name. */
    public record TypeChoice(String key, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** A possible deputy. */
    public record Deputy(String userId, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final int MAX_CAPACITY = 10_000;

    private final CaseDesk desk;
    private final Translations text;
    private final Locale locale;
    private final String userId;
    private final StringProperty capacity = new SimpleStringProperty("");
    private final BooleanProperty everyType = new SimpleBooleanProperty(true);
    private final ObservableList<TypeChoice> types = FXCollections.observableArrayList();
    private final TypePickerViewModel typeSearch;
    private final BooleanProperty absent = new SimpleBooleanProperty();
    private final ObjectProperty<Deputy> deputy = new SimpleObjectProperty<>();
    private final ObservableList<Deputy> deputies = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BiConsumer<OutgoingStaffEvents.Outgoing, String> send;

    /**
     * @param send sends a change and says the given text once it is applied (the lead desk's
     *             {@link LeadDeskViewModel#send}, whose result line outlives this dialog)
     */
    public MemberSettingsViewModel(CaseDesk desk, Translations text, Locale locale, String userId,
            BiConsumer<OutgoingStaffEvents.Outgoing, String> send) {
        this.desk = desk;
        this.text = text;
        this.locale = locale;
        this.userId = userId;
        this.typeSearch = new TypePickerViewModel(desk.catalogue(), locale);
        this.send = send;
        var room = desk.book().staffRoom();
        UnitMember settings = desk.book().roster().member(userId);
        title.set(text.get("lead.member.title", room.displayName(userId)));
        capacity.set(settings.maxOpenCases() == null ? "" : String.valueOf(settings.maxOpenCases()));
        everyType.set(settings.caseTypes() == null);
        if (settings.caseTypes() != null) {
            settings.caseTypes().forEach(key -> types.add(typeChoice(key)));
        }
        absent.set(settings.absent());
        room.members().keySet().stream().filter(u -> !u.equals(userId))
                .filter(u -> !desk.book().roster().member(u).absent()).sorted()
                .forEach(u -> deputies.add(new Deputy(u, room.displayName(u) + " (" + u + ")")));
        deputies.stream().filter(d -> d.userId().equals(settings.deputy())).findFirst().ifPresent(deputy::set);
    }

    private TypeChoice typeChoice(String key) {
        String name = desk.catalogue().service(key).map(s -> s.name(locale))
                .or(() -> desk.catalogue().group(key).map(g -> g.name(locale))).orElse(key);
        return new TypeChoice(key, name);
    }

    /** Adds the type chosen in the type-ahead (the member then handles only the listed types). */
    public void addType(TypePickerViewModel.Choice choice) {
        if (choice != null && types.stream().noneMatch(t -> t.key().equals(choice.key()))) {
            types.add(new TypeChoice(choice.key(), choice.label()));
            everyType.set(false);
        }
    }

    public void removeType(TypeChoice type) {
        types.remove(type);
    }

    /** Sends the settings as a whole; says what is wrong instead when capacity or deputy do not fit. */
    public boolean save() {
        Optional<Integer> max;
        try {
            max = parseCapacity();
        } catch (IllegalArgumentException e) {
            message.set(text.get("lead.member.capacityInvalid", String.valueOf(MAX_CAPACITY)));
            return false;
        }
        String deputyId = absent.get() && deputy.get() != null ? deputy.get().userId() : null;
        List<String> keys = everyType.get() ? null : new ArrayList<>(types.stream().map(TypeChoice::key).toList());
        send.accept(OutgoingStaffEvents.member(userId, max.orElse(null), keys, absent.get(), deputyId),
                text.get("lead.member.saved", desk.book().staffRoom().displayName(userId)));
        return true;
    }

    private Optional<Integer> parseCapacity() {
        String value = capacity.get() == null ? "" : capacity.get().strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        int parsed = Integer.parseInt(value); // NumberFormatException is an IllegalArgumentException
        if (parsed < 0 || parsed > MAX_CAPACITY) {
            throw new IllegalArgumentException("out of range");
        }
        return Optional.of(parsed);
    }

    /** The open cases the member holds now: what a handover would move (the fold moves what they hold then). */
    public long openCases() {
        return desk.book().cases().stream().filter(c -> c.isAssignedTo(userId) && !c.isClosed()).count();
    }

    /** The confirmation question, or empty (and the reason in {@link #messageProperty()}) when no deputy is chosen. */
    public Optional<String> handoverQuestion() {
        if (deputy.get() == null) {
            message.set(text.get("lead.handover.noDeputy"));
            return Optional.empty();
        }
        var room = desk.book().staffRoom();
        return Optional.of(text.get("lead.handover.question", openCases(), room.displayName(userId),
                room.displayName(deputy.get().userId())));
    }

    /** Marks the member absent and moves their open cases to the deputy, in one event. */
    public void handover() {
        if (deputy.get() == null) {
            message.set(text.get("lead.handover.noDeputy"));
            return;
        }
        var room = desk.book().staffRoom();
        send.accept(OutgoingStaffEvents.handover(userId, deputy.get().userId()),
                text.get("lead.handover.done", room.displayName(userId), room.displayName(deputy.get().userId())));
    }

    public String userId() {
        return userId;
    }

    public StringProperty capacityProperty() {
        return capacity;
    }

    public BooleanProperty everyTypeProperty() {
        return everyType;
    }

    public ObservableList<TypeChoice> types() {
        return types;
    }

    public TypePickerViewModel typeSearch() {
        return typeSearch;
    }

    public BooleanProperty absentProperty() {
        return absent;
    }

    public ObjectProperty<Deputy> deputyProperty() {
        return deputy;
    }

    public ObservableList<Deputy> deputies() {
        return deputies;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
