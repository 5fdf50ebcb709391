package de.amtsdesk.core.conversation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A poll the agency is about to send: the question, 2 to 20 options, how many options one person may pick, and
 * whether voters see the results while the poll is open. Text is stripped of leading and trailing blanks; a draft
 * that breaks a rule cannot be constructed, and {@link #problems} names every broken rule for a form to show.
 *
 * <p>Limits: MSC3381 and matrix-js-sdk read at most 20 answers ({@code PollStartEvent.ts} slices the first 20, as
 * {@link PollEvents#MAX_ANSWERS} does), so a 21st option would silently vanish on the citizen's side; question and
 * options are kept to 340 characters each (the limit for a text a citizen reads on a phone).
 *
 * @param maxSelections 1 for a single-choice poll; up to {@code options.size()} for multiple answers
 * @param kind          {@link Poll.Kind#DISCLOSED}: results visible while the poll runs; UNDISCLOSED: after it ends
 */
public record PollDraft(String question, List<String> options, int maxSelections, Poll.Kind kind) {

    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 20;
    public static final int MAX_CHARS = 340;

    /** One broken rule; {@code option} is the 1-based number of the option concerned, else 0. */
    public record Problem(Code code, int option, int otherOption) {

        public enum Code {
            /** The question is empty or blank. */
            QUESTION_MISSING,
            /** The question is longer than {@link #MAX_CHARS}. */
            QUESTION_TOO_LONG,
            /** Fewer than {@link #MIN_OPTIONS} options. */
            TOO_FEW_OPTIONS,
            /** More than {@link #MAX_OPTIONS} options. */
            TOO_MANY_OPTIONS,
            /** Option {@code option} is empty or blank. */
            OPTION_MISSING,
            /** Option {@code option} is longer than {@link #MAX_CHARS}. */
            OPTION_TOO_LONG,
            /** Option {@code option} repeats option {@code otherOption} (ignoring case): a citizen could not tell them apart. */
            OPTION_REPEATED,
            /** maxSelections is below 1 or above the number of options. */
            MAX_SELECTIONS_OUT_OF_RANGE
        }

        static Problem of(Code code) {
            return new Problem(code, 0, 0);
        }

        @Override
        public String toString() {
            return switch (code) {
                case QUESTION_MISSING -> "the question is missing";
                case QUESTION_TOO_LONG -> "the question is longer than " + MAX_CHARS + " characters";
                case TOO_FEW_OPTIONS -> "fewer than " + MIN_OPTIONS + " options";
                case TOO_MANY_OPTIONS -> "more than " + MAX_OPTIONS + " options";
                case OPTION_MISSING -> "option " + option + " is empty";
                case OPTION_TOO_LONG -> "option " + option + " is longer than " + MAX_CHARS + " characters";
                case OPTION_REPEATED -> "option " + option + " repeats option " + otherOption;
                case MAX_SELECTIONS_OUT_OF_RANGE -> "max selections must be 1 to the number of options";
            };
        }
    }

    /**
     * @throws IllegalArgumentException naming every problem (see {@link #problems})
     */
    public PollDraft {
        Objects.requireNonNull(kind, "kind");
        question = stripped(question);
        options = options == null ? List.of() : options.stream().map(PollDraft::stripped).toList();
        List<Problem> problems = problems(question, options, maxSelections);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("not a poll that can be sent: "
                    + String.join("; ", problems.stream().map(Problem::toString).toList()));
        }
    }

    /** A single-choice poll whose results voters see at once: what Amtsdesk sent before polls could be configured. */
    public static PollDraft singleChoice(String question, List<String> options) {
        return new PollDraft(question, options, 1, Poll.Kind.DISCLOSED);
    }

    /**
     * Every rule the given values break, in the order a form shows them (question, options in order, selections);
     * empty when {@code new PollDraft(question, options, maxSelections, kind)} succeeds. Null texts count as empty.
     */
    public static List<Problem> problems(String question, List<String> options, int maxSelections) {
        List<Problem> problems = new ArrayList<>();
        String q = stripped(question);
        if (q.isEmpty()) {
            problems.add(Problem.of(Problem.Code.QUESTION_MISSING));
        } else if (q.length() > MAX_CHARS) {
            problems.add(Problem.of(Problem.Code.QUESTION_TOO_LONG));
        }
        List<String> list = options == null ? List.of() : options;
        if (list.size() < MIN_OPTIONS) {
            problems.add(Problem.of(Problem.Code.TOO_FEW_OPTIONS));
        } else if (list.size() > MAX_OPTIONS) {
            problems.add(Problem.of(Problem.Code.TOO_MANY_OPTIONS));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String option = stripped(list.get(i));
            if (option.isEmpty()) {
                problems.add(new Problem(Problem.Code.OPTION_MISSING, i + 1, 0));
                continue;
            }
            if (option.length() > MAX_CHARS) {
                problems.add(new Problem(Problem.Code.OPTION_TOO_LONG, i + 1, 0));
            }
            Integer first = seen.putIfAbsent(option.toLowerCase(Locale.ROOT), i + 1);
            if (first != null) {
                problems.add(new Problem(Problem.Code.OPTION_REPEATED, i + 1, first));
            }
        }
        if (maxSelections < 1 || maxSelections > Math.max(1, list.size())) {
            problems.add(Problem.of(Problem.Code.MAX_SELECTIONS_OUT_OF_RANGE));
        }
        return List.copyOf(problems);
    }

    public boolean multipleChoice() {
        return maxSelections > 1;
    }

    private static String stripped(String text) {
        return text == null ? "" : text.strip();
    }
}
