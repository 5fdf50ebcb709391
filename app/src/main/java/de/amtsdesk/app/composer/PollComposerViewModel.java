package de.amtsdesk.app.composer;

import de.amtsdesk.core.conversation.Poll;
import de.amtsdesk.core.conversation.PollDraft;
import de.amtsdesk.core.i18n.Translations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The poll composer: a question, 2 to 20 options (added, removed, moved), single or multiple answers with a maximum,
 * results visible at once or after the end. It shows what the citizen's client will show ({@link #previewProperty})
 * and names what keeps the poll from being sent ({@link #problemsProperty}); the rules are {@link PollDraft}'s, so
 * the composer can never offer a poll the core would refuse.
 */
public final class PollComposerViewModel {

    private final Translations text;
    private final StringProperty question = new SimpleStringProperty("");
    /** Each option's text; the list also reports changes of an option's text (extractor). */
    private final ObservableList<StringProperty> options =
            FXCollections.observableArrayList(option -> new Observable[] {option});
    /** One read-only view for everyone: listeners on a throw-away wrapper would be dropped with it. */
    private final ObservableList<StringProperty> optionsView = FXCollections.unmodifiableObservableList(options);
    private final BooleanProperty multiple = new SimpleBooleanProperty(false);
    private final IntegerProperty maxSelections = new SimpleIntegerProperty(2);
    private final BooleanProperty disclosed = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canAdd = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRemove = new ReadOnlyBooleanWrapper();

    public PollComposerViewModel(Translations text) {
        this.text = text;
        for (int i = 0; i < PollDraft.MIN_OPTIONS; i++) {
            options.add(new SimpleStringProperty(""));
        }
        canAdd.bind(Bindings.size(options).lessThan(PollDraft.MAX_OPTIONS));
        canRemove.bind(Bindings.size(options).greaterThan(PollDraft.MIN_OPTIONS));
        question.addListener(obs -> update());
        options.addListener((Observable obs) -> {
            clampMaxSelections();
            update();
        });
        multiple.addListener(obs -> update());
        maxSelections.addListener(obs -> update());
        disclosed.addListener(obs -> update());
        update();
    }

    public StringProperty questionProperty() {
        return question;
    }

    /** The options in order; change them through {@link #addOption}, {@link #removeOption}, {@link #moveUp} etc. */
    public ObservableList<StringProperty> options() {
        return optionsView;
    }

    /** Adds an empty option at the end; false at 20. */
    public boolean addOption() {
        if (!canAdd.get()) {
            return false;
        }
        options.add(new SimpleStringProperty(""));
        return true;
    }

    /** Removes option {@code index} (0-based); false when only two are left. */
    public boolean removeOption(int index) {
        if (!canRemove.get() || index < 0 || index >= options.size()) {
            return false;
        }
        options.remove(index);
        return true;
    }

    /** Swaps option {@code index} with the one above; false for the first. */
    public boolean moveUp(int index) {
        return swap(index - 1, index);
    }

    /** Swaps option {@code index} with the one below; false for the last. */
    public boolean moveDown(int index) {
        return swap(index, index + 1);
    }

    private boolean swap(int upper, int lower) {
        if (upper < 0 || lower >= options.size()) {
            return false;
        }
        // Swap the texts, not the properties: a field bound to "option 2" stays option 2 and shows the moved text.
        String above = options.get(upper).get();
        options.get(upper).set(options.get(lower).get());
        options.get(lower).set(above);
        return true;
    }

    /** Fewer than 20 options. */
    public ReadOnlyBooleanProperty canAddProperty() {
        return canAdd.getReadOnlyProperty();
    }

    /** More than 2 options. */
    public ReadOnlyBooleanProperty canRemoveProperty() {
        return canRemove.getReadOnlyProperty();
    }

    /** Several answers may be picked (up to {@link #maxSelectionsProperty}); off: exactly one. */
    public BooleanProperty multipleProperty() {
        return multiple;
    }

    /** How many answers one person may pick when {@link #multipleProperty} is on: 2 to the number of options. */
    public IntegerProperty maxSelectionsProperty() {
        return maxSelections;
    }

    /** Results visible while the poll runs; off: only once it has ended. */
    public BooleanProperty disclosedProperty() {
        return disclosed;
    }

    /** The poll as the citizen's client will list it. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** What keeps the poll from being sent, one line each; empty when it can be sent. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The poll to send; empty while it is not valid. */
    public Optional<PollDraft> draft() {
        if (!valid.get()) {
            return Optional.empty();
        }
        return Optional.of(new PollDraft(question.get(), optionTexts(), effectiveMaxSelections(),
                disclosed.get() ? Poll.Kind.DISCLOSED : Poll.Kind.UNDISCLOSED));
    }

    private List<String> optionTexts() {
        return options.stream().map(StringProperty::get).toList();
    }

    private int effectiveMaxSelections() {
        return multiple.get() ? maxSelections.get() : 1;
    }

    /** A maximum above the number of options cannot be picked: follow the options down (never below 2). */
    private void clampMaxSelections() {
        if (maxSelections.get() > options.size()) {
            maxSelections.set(Math.max(2, options.size()));
        }
    }

    private void update() {
        List<PollDraft.Problem> found = new ArrayList<>(PollDraft.problems(question.get(), optionTexts(),
                effectiveMaxSelections()));
        if (multiple.get() && maxSelections.get() < 2) {
            // "Multiple answers" with a maximum of 1 would send a single-choice poll the caseworker did not mean.
            found.add(new PollDraft.Problem(PollDraft.Problem.Code.MAX_SELECTIONS_OUT_OF_RANGE, 0, 0));
        }
        valid.set(found.isEmpty());
        problems.set(String.join("\n", found.stream().map(this::describe).distinct().toList()));
        preview.set(renderPreview());
    }

    private String describe(PollDraft.Problem problem) {
        return switch (problem.code()) {
            case QUESTION_MISSING -> text.get("conversation.poll.problem.question");
            case QUESTION_TOO_LONG -> text.get("conversation.poll.problem.questionTooLong", PollDraft.MAX_CHARS);
            case TOO_FEW_OPTIONS -> text.get("conversation.poll.problem.tooFew", PollDraft.MIN_OPTIONS);
            case TOO_MANY_OPTIONS -> text.get("conversation.poll.problem.tooMany", PollDraft.MAX_OPTIONS);
            case OPTION_MISSING -> text.get("conversation.poll.problem.option", problem.option());
            case OPTION_TOO_LONG -> text.get("conversation.poll.problem.optionTooLong", problem.option(),
                    PollDraft.MAX_CHARS);
            case OPTION_REPEATED -> text.get("conversation.poll.problem.repeated", problem.option(),
                    problem.otherOption());
            case MAX_SELECTIONS_OUT_OF_RANGE -> text.get("conversation.poll.problem.maxSelections",
                    options.size());
        };
    }

    private String renderPreview() {
        StringBuilder out = new StringBuilder();
        String q = question.get() == null ? "" : question.get().strip();
        out.append(q.isEmpty() ? text.get("conversation.poll.preview.noQuestion") : q);
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i).get() == null ? "" : options.get(i).get().strip();
            out.append('\n').append(i + 1).append(". ")
                    .append(option.isEmpty() ? text.get("conversation.poll.preview.emptyOption") : option);
        }
        out.append('\n').append(effectiveMaxSelections() <= 1 ? text.get("conversation.poll.preview.one")
                : text.get("conversation.poll.preview.upTo", effectiveMaxSelections()));
        out.append('\n').append(disclosed.get() ? text.get("conversation.poll.preview.resultsNow")
                : text.get("conversation.poll.preview.resultsAfterEnd"));
        return out.toString();
    }
}
