package de.amtsdesk.app.composer;

import de.amtsdesk.app.workspace.CaseDesk;
import de.amtsdesk.core.cases.Case;
import de.amtsdesk.core.cases.CaseStatus;
import de.amtsdesk.core.cases.Macro;
import de.amtsdesk.core.cases.OutgoingStaffEvents;
import de.amtsdesk.core.cases.TemplateValues;
import de.amtsdesk.core.cases.templates.ReplyTemplate;
import de.amtsdesk.core.cases.templates.TemplatePreview;
import de.amtsdesk.core.cases.templates.TemplateRenderer;
import de.amtsdesk.core.i18n.Translations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The macro picker of the composer (ADR 0013): the unit's macros in the reply language, filtered by what is typed,
 * each with what running it on this case will do. Running one inserts its template, filled in with the case's data,
 * into the draft (never sent: the caseworker reviews and sends the reply) and sends the status and tag changes as
 * staff events through the {@link CaseDesk}. A status change the case log would refuse is named and not sent; a
 * macro whose template is not available for this case does not run at all.
 */
public final class MacroPickerViewModel {

    /**
     * What one macro will do on this case.
     *
     * @param template  the filled-in template to insert, or null
     * @param status    the status to send, or null (none in the macro, already set, or refused)
     * @param add       tags to add that the case does not carry yet
     * @param remove    tags to remove that the case carries
     * @param summary   the steps in words, e.g. "Vorlage „Unterlagen“ einfügen · Status → Wartet · Schlagwort +x"
     * @param blocked   why the macro cannot run on this case, or null
     */
    public record Choice(String id, String title, String templateId, TemplatePreview template, CaseStatus status,
            SortedSet<String> add, SortedSet<String> remove, String summary, String blocked) {

        public Choice {
            add = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(add));
            remove = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(remove));
        }

        public boolean runnable() {
            return blocked == null;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    static final String SEPARATOR = " · ";

    private final CaseDesk desk;
    private final String caseId;
    private final Locale language;
    private final Translations text;
    private final Translations caseText;
    private final Executor background;
    private Runnable onSendFailure = () -> { };
    private final List<Choice> all;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper("");

    /**
     * @param language the language of the reply (the citizen's, else the unit's default)
     * @param text     the app's texts ({@code macro.*}, {@code template.missing})
     * @param caseText the case model's texts ({@code case.status.*})
     * @param background where the staff events are queued (the outbox writes to the store)
     */
    public MacroPickerViewModel(CaseDesk desk, Case c, Locale language, Translations text, Translations caseText,
            Executor background) {
        this.desk = desk;
        this.background = background;
        this.caseId = c.id();
        this.language = language;
        this.text = text;
        this.caseText = caseText;
        this.all = plan(c);
        query.addListener((obs, old, now) -> filter());
        filter();
    }

    private List<Choice> plan(Case c) {
        var book = desk.book();
        var values = TemplateValues.forCase(c, desk.me(), desk.catalogue(),
                de.amtsdesk.app.workspace.LocalFormats.formatLocale(language), book.staffRoom(),
                book.policy());
        List<Choice> planned = new ArrayList<>();
        for (Macro macro : book.macros().offered(language)) {
            Optional<ReplyTemplate> template = Optional.ofNullable(macro.templateId())
                    .flatMap(id -> book.templates().find(id, language)).filter(t -> t.appliesTo(c.type()));
            planned.add(plan(macro, c, template, values));
        }
        return List.copyOf(planned);
    }

    private Choice plan(Macro macro, Case c, Optional<ReplyTemplate> template, java.util.Map<String, String> values) {
        List<String> steps = new ArrayList<>();
        String blocked = null;
        TemplatePreview rendered = null;
        if (macro.templateId() != null) {
            if (template.isPresent()) {
                rendered = TemplateRenderer.preview(template.get(), values);
                steps.add(text.get("macro.step.template", template.get().title()));
            } else {
                blocked = text.get("macro.blocked.template", macro.templateId());
            }
        }
        CaseStatus status = null;
        if (macro.status() != null) {
            String name = caseText.get(macro.status().messageKey());
            if (macro.status() == c.status()) {
                steps.add(text.get("macro.step.statusKept", name));
            } else if (!de.amtsdesk.app.workspace.Ownership.mayChangeStatus(desk, c)) {
                // ADR 0014: the fold would refuse it (NOT_THE_ASSIGNEE); say whose case it is instead of sending.
                steps.add(text.get("macro.step.statusNotYours", name, desk.book().staffRoom().displayName(
                        c.assignee())));
            } else if (macro.status() != CaseStatus.CLOSED && !c.isTyped()) {
                // The fold would reject it (INVALID_TRANSITION): say so instead of sending it.
                steps.add(text.get("macro.step.statusRefused", name));
            } else {
                status = macro.status();
                steps.add(text.get("macro.step.status", name));
            }
        }
        TreeSet<String> add = new TreeSet<>(macro.addTags());
        add.removeAll(c.tags());
        TreeSet<String> remove = new TreeSet<>(macro.removeTags());
        remove.retainAll(c.tags());
        if (macro.changesTags()) {
            List<String> changes = new ArrayList<>();
            add.forEach(t -> changes.add("+" + t));
            remove.forEach(t -> changes.add("\u2212" + t));
            steps.add(changes.isEmpty() ? text.get("macro.step.tagsKept")
                    : text.get("macro.step.tags", String.join(" ", changes)));
        }
        String summary = String.join(SEPARATOR, steps);
        return new Choice(macro.id(), macro.title(), rendered == null ? null : macro.templateId(), rendered, status,
                add, remove, summary, blocked);
    }

    private void filter() {
        String needle = query.get() == null ? "" : query.get().strip().toLowerCase(Locale.ROOT);
        choices.setAll(all.stream().filter(c -> needle.isEmpty() || c.title().toLowerCase(Locale.ROOT)
                .contains(needle) || c.id().toLowerCase(Locale.ROOT).contains(needle)).toList());
    }

    /** Updates the summary and preview for the highlighted macro. */
    public void highlight(Choice choice) {
        if (choice == null) {
            summary.set("");
            preview.set("");
            missing.set("");
            return;
        }
        summary.set(choice.runnable() ? choice.summary()
                : choice.blocked() + (choice.summary().isEmpty() ? "" : SEPARATOR + choice.summary()));
        preview.set(choice.template() == null ? "" : choice.template().text());
        missing.set(choice.template() == null || choice.template().missing().isEmpty() ? ""
                : text.get("template.missing", String.join(", ", choice.template().missing())));
    }

    /**
     * Runs the macro on the case as it is now (it may have changed since the picker opened): sends the status and
     * tag changes, and returns the filled-in template for the caller to insert into the draft ({@code ""} when the
     * macro has none). Nothing is sent to the citizen.
     *
     * @throws IllegalStateException when the macro cannot run on this case (see {@link Choice#blocked()}), or the
     *                               case or the macro is gone
     */
    public String run(Choice choice) {
        Case now = desk.book().find(caseId).orElseThrow(() -> new IllegalStateException("case " + caseId + " gone"));
        Choice current = plan(now).stream().filter(c -> c.id().equals(choice.id())).findFirst()
                .orElseThrow(() -> new IllegalStateException("macro " + choice.id() + " is no longer offered"));
        if (!current.runnable()) {
            throw new IllegalStateException(current.blocked());
        }
        List<OutgoingStaffEvents.Outgoing> changes = new ArrayList<>();
        if (current.status() != null) {
            changes.add(OutgoingStaffEvents.status(caseId, current.status(), null));
        }
        if (!current.add().isEmpty() || !current.remove().isEmpty()) {
            changes.add(OutgoingStaffEvents.tag(caseId, current.add(), current.remove()));
        }
        if (!changes.isEmpty()) {
            // One task, so the status goes out before the tags whatever the executor.
            background.execute(() -> {
                try {
                    changes.forEach(desk::send);
                } catch (RuntimeException e) {
                    onSendFailure.run();
                }
            });
        }
        return current.template() == null ? "" : current.template().text();
    }

    /** Called on the background thread when a change could not be queued for the staff room. */
    public void onSendFailure(Runnable action) {
        this.onSendFailure = action == null ? () -> { } : action;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }
}
