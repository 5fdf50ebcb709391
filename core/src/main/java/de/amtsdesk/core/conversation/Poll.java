package de.amtsdesk.core.conversation;

import java.util.List;
import java.util.Objects;

/**
 * The question and answers of a poll start event. {@code namespace} is the form it arrived in; {@code kind} tells
 * whether results may be shown while the poll is open (MSC3381 "Poll kinds").
 */
public record Poll(PollNamespace namespace, String question, List<Answer> answers, int maxSelections, Kind kind) {

    /** MSC3381: clients that do not understand a kind assume undisclosed, so that is the default. */
    public enum Kind { DISCLOSED, UNDISCLOSED }

    public record Answer(String id, String text) { }

    public Poll {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(kind, "kind");
        answers = List.copyOf(answers);
        if (maxSelections < 1) {
            throw new IllegalArgumentException("maxSelections must be 1 or more: " + maxSelections);
        }
    }
}
