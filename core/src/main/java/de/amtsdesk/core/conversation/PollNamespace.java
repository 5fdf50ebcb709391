package de.amtsdesk.core.conversation;

import java.util.List;
import java.util.Optional;

/**
 * Polls travel under two names: Element still sends the unstable MSC3381 types, the stable {@code m.poll.*} ones
 * exist too. We read both and answer in the namespace of the poll we answer.
 */
public enum PollNamespace {
    STABLE("m.poll.start", "m.poll.response", "m.poll.end", "m.text", "m.poll.disclosed"),
    UNSTABLE("org.matrix.msc3381.poll.start", "org.matrix.msc3381.poll.response", "org.matrix.msc3381.poll.end",
            "org.matrix.msc1767.text", "org.matrix.msc3381.poll.disclosed");

    private final String start;
    private final String response;
    private final String end;
    private final String text;
    private final String disclosedKind;

    PollNamespace(String start, String response, String end, String text, String disclosedKind) {
        this.start = start;
        this.response = response;
        this.end = end;
        this.text = text;
        this.disclosedKind = disclosedKind;
    }

    public String start() {
        return start;
    }

    public String response() {
        return response;
    }

    public String end() {
        return end;
    }

    public String text() {
        return text;
    }

    public String disclosedKind() {
        return disclosedKind;
    }

    public static Optional<PollNamespace> ofEventType(String type) {
        return List.of(values()).stream()
                .filter(ns -> ns.start.equals(type) || ns.response.equals(type) || ns.end.equals(type))
                .findFirst();
    }
}
