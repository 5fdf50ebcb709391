package de.amtsdesk.app.lead;

import de.amtsdesk.app.workspace.CaseDesk;
import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.Macro;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.i18n.Translations;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The unit's macros (template + status + tags in one action) as a lead edits them, like {@link TemplateEditorViewModel}:
 * the list from the staff log, a form for a new one or the next version, retiring one.
 */
public final class MacroEditorViewModel {

    /** One macro in the list. */
    public record Row(Macro macro, String text) {
    }

    /** The statuses a macro may set: none, or one a case can be put into. */
    public static final List<Optional<CaseStatus>> STATUSES = List.of(Optional.empty(), Optional.of(CaseStatus.OPEN),
            Optional.of(CaseStatus.WAITING), Optional.of(CaseStatus.CLOSED));

    private final CaseDesk desk;
    private final Translations text;
    private final BiConsumer<OutgoingStaffEvents.Outgoing, String> send;
    private final Executor ui;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> templateIds = FXCollections.observableArrayList();
    private final StringProperty id = new SimpleStringProperty("");
    private final StringProperty language = new SimpleStringProperty("de");
    private final StringProperty title = new SimpleStringProperty("");
    /** "" for no template. */
    private final StringProperty templateId = new SimpleStringProperty("");
    private final ObjectProperty<Optional<CaseStatus>> status = new SimpleObjectProperty<>(Optional.empty());
    private final StringProperty addTags = new SimpleStringProperty("");
    private final StringProperty removeTags = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final CaseBookListener listener = new CaseBookListener() {
        @Override
        public void macroPublished(Macro macro) {
            ui.execute(MacroEditorViewModel.this::refresh);
        }

        @Override
        public void templatePublished(de.amtsdesk.core.cases.templates.ReplyTemplate template) {
            ui.execute(MacroEditorViewModel.this::refresh);
        }
    };

    public MacroEditorViewModel(CaseDesk desk, Translations text,
            BiConsumer<OutgoingStaffEvents.Outgoing, String> send, Executor ui) {
        this.desk = desk;
        this.text = text;
        this.send = send;
        this.ui = ui;
        desk.addListener(listener);
        refresh();
    }

    public void dispose() {
        desk.removeListener(listener);
    }

    public void refresh() {
        rows.setAll(desk.book().macros().all().stream()
                .sorted(Comparator.comparing(Macro::id).thenComparing(Macro::language))
                .map(m -> new Row(m, text.get(m.retired() ? "lead.macros.row.retired" : "lead.macros.row", m.id(),
                        m.language(), m.title(), m.version())))
                .toList());
        List<String> ids = new java.util.ArrayList<>(List.of(""));
        desk.book().templates().all().stream().filter(t -> !t.retired()).map(t -> t.id()).distinct().sorted()
                .forEach(ids::add);
        templateIds.setAll(ids);
    }

    public void edit(Row row) {
        if (row == null) {
            return;
        }
        Macro m = row.macro();
        id.set(m.id());
        language.set(m.language());
        title.set(m.title());
        templateId.set(m.templateId() == null ? "" : m.templateId());
        status.set(Optional.ofNullable(m.status()));
        addTags.set(String.join(", ", m.addTags()));
        removeTags.set(String.join(", ", m.removeTags()));
        problem.set("");
    }

    public void clear() {
        id.set("");
        language.set("de");
        title.set("");
        templateId.set("");
        status.set(Optional.empty());
        addTags.set("");
        removeTags.set("");
        problem.set("");
    }

    /** Checks as a fold would, then sends the next version; false with the reason otherwise. */
    public boolean publish() {
        String macroId = strip(id.get());
        String template = strip(templateId.get()).isEmpty() ? null : strip(templateId.get());
        CaseStatus to = status.get() == null ? null : status.get().orElse(null);
        int version = desk.book().macros().current(macroId, language.get()).map(m -> m.version() + 1).orElse(1);
        SortedSet<String> add = tags(addTags.get());
        SortedSet<String> remove = tags(removeTags.get());
        try {
            new Macro(macroId, language.get(), version, strip(title.get()), template, to, add, remove, false,
                    desk.me(), Instant.EPOCH);
        } catch (IllegalArgumentException e) {
            problem.set(text.get("lead.macros.invalid", e.getMessage()));
            return false;
        }
        problem.set("");
        send.accept(OutgoingStaffEvents.macro(macroId, language.get(), version, strip(title.get()), template, to, add,
                remove, false), text.get("lead.macros.published", macroId, version));
        return true;
    }

    public void retire(Row row) {
        if (row == null || row.macro().retired()) {
            return;
        }
        Macro m = row.macro();
        send.accept(OutgoingStaffEvents.macro(m.id(), m.language(), m.version() + 1, m.title(), m.templateId(),
                m.status(), m.addTags(), m.removeTags(), true), text.get("lead.macros.retired", m.id()));
    }

    /** "Frist, Unterlagen fehlen" → {Frist, Unterlagen fehlen}: a tag may hold spaces, commas separate them. */
    private static SortedSet<String> tags(String typed) {
        return new TreeSet<>(Arrays.stream(strip(typed).split("[,;]")).map(String::strip)
                .filter(t -> !t.isEmpty()).toList());
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<String> templateIds() {
        return templateIds;
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty languageProperty() {
        return language;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty templateIdProperty() {
        return templateId;
    }

    public ObjectProperty<Optional<CaseStatus>> statusProperty() {
        return status;
    }

    public StringProperty addTagsProperty() {
        return addTags;
    }

    public StringProperty removeTagsProperty() {
        return removeTags;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
