package de.amtsdesk.app.lead;

import de.amtsdesk.app.workspace.CaseDesk;
import de.amtsdesk.core.cases.CaseBookListener;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.templates.ReplyTemplate;
import de.amtsdesk.core.i18n.Translations;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The unit's reply templates as a lead edits them: the list as the staff log has them, a form to publish a new one or
 * a new version (id + language; the version counts up by itself), and retiring one. Every change is a template event
 * in the encrypted staff room, checked here first the way every fold checks it (known placeholders, id, lengths).
 */
public final class TemplateEditorViewModel {

    /** One template in the list. */
    public record Row(ReplyTemplate template, String text) {
    }

    public static final List<String> LANGUAGES = List.of("de", "en");

    private final CaseDesk desk;
    private final Translations text;
    private final BiConsumer<OutgoingStaffEvents.Outgoing, String> send;
    private final Executor ui;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty id = new SimpleStringProperty("");
    private final StringProperty language = new SimpleStringProperty("de");
    private final StringProperty caseType = new SimpleStringProperty(ReplyTemplate.ANY_TYPE);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty body = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final CaseBookListener listener = new CaseBookListener() {
        @Override
        public void templatePublished(ReplyTemplate template) {
            ui.execute(TemplateEditorViewModel.this::refresh);
        }
    };

    public TemplateEditorViewModel(CaseDesk desk, Translations text,
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

    /** The list as the fold has it now, by id and language. */
    public void refresh() {
        rows.setAll(desk.book().templates().all().stream()
                .sorted(Comparator.comparing(ReplyTemplate::id).thenComparing(ReplyTemplate::language))
                .map(t -> new Row(t, text.get(t.retired() ? "lead.templates.row.retired" : "lead.templates.row",
                        t.id(), t.language(), t.title(), t.version(), t.caseType())))
                .toList());
    }

    /** Fills the form with a template to publish its next version. */
    public void edit(Row row) {
        if (row == null) {
            return;
        }
        ReplyTemplate t = row.template();
        id.set(t.id());
        language.set(t.language());
        caseType.set(t.caseType());
        title.set(t.title());
        body.set(t.body());
        problem.set("");
    }

    /** Empties the form for a new template. */
    public void clear() {
        id.set("");
        language.set("de");
        caseType.set(ReplyTemplate.ANY_TYPE);
        title.set("");
        body.set("");
        problem.set("");
    }

    /** Checks the form as a fold would and sends the next version; false with the reason when it would be refused. */
    public boolean publish() {
        String templateId = id.get() == null ? "" : id.get().strip();
        int version = nextVersion(templateId, language.get());
        try {
            new ReplyTemplate(templateId, language.get(), strip(caseType.get()), version, strip(title.get()),
                    body.get(), false, desk.me(), Instant.EPOCH);
        } catch (IllegalArgumentException e) {
            problem.set(text.get("lead.templates.invalid", e.getMessage()));
            return false;
        }
        problem.set("");
        send.accept(OutgoingStaffEvents.template(templateId, language.get(), strip(caseType.get()), version,
                strip(title.get()), body.get(), false), text.get("lead.templates.published", templateId, version));
        return true;
    }

    /** Retires the template: it stays in the log for the audit, but is no longer offered to caseworkers. */
    public void retire(Row row) {
        if (row == null || row.template().retired()) {
            return;
        }
        ReplyTemplate t = row.template();
        send.accept(OutgoingStaffEvents.template(t.id(), t.language(), t.caseType(), t.version() + 1, t.title(),
                t.body(), true), text.get("lead.templates.retired", t.id()));
    }

    private int nextVersion(String templateId, String lang) {
        return desk.book().templates().current(templateId, lang).map(t -> t.version() + 1).orElse(1);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty languageProperty() {
        return language;
    }

    public StringProperty caseTypeProperty() {
        return caseType;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
