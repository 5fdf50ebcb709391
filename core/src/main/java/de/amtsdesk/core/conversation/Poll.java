package de.amtsdesk.core.conversation;

import java.util.List;

/** The question and answers of a poll start event. */
public record Poll(PollNamespace namespace, String question, List<Answer> answers, int maxSelections) {

    public record Answer(String id, String text) { }
}
