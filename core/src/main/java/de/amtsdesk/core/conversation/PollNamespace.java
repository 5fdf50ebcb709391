package de.amtsdesk.core.conversation;

import java.util.Optional;

/**
 * The three forms polls travel in. Each constant names the keys of one form, as the library that defines it spells
 * them; {@link PollEvents} reads all three, so a vote in any form counts for a poll started in any form.
 *
 * <ul>
 *   <li>{@link #UNSTABLE}: MSC3381's unstable prefix, what Element and matrix-js-sdk send today. Keys as in
 *       matrix-js-sdk {@code src/@types/polls.ts} ({@code M_POLL_START} etc.: an {@code UnstableValue} whose
 *       {@code name} is the unstable string) and ruma {@code crates/ruma-events/src/poll/unstable_start.rs}.</li>
 *   <li>{@link #STABLE}: the same older draft shape under the {@code m.*} names that matrix-js-sdk also reads
 *       ({@code UnstableValue.altName}, found by {@code findIn}): content key {@code m.poll.start}, text
 *       {@code m.text} as a string, kind {@code m.poll.disclosed}, response {@code m.poll.response.answers}.</li>
 *   <li>{@link #EXTENSIBLE}: MSC3381 as revised for extensible events (proposals/3381-polls.md), as ruma and
 *       matrix-rust-sdk model it in {@code crates/ruma-events/src/poll/start.rs} / {@code response.rs} /
 *       {@code end.rs}: content block {@code m.poll}, {@code m.text} as an array of representations, kind
 *       {@code m.disclosed}, answer ids under {@code m.id}, responses as {@code m.selections}.</li>
 * </ul>
 * {@code STABLE} and {@code EXTENSIBLE} share their event types; the content block tells them apart.
 */
public enum PollNamespace {
    UNSTABLE("org.matrix.msc3381.poll.start", "org.matrix.msc3381.poll.response", "org.matrix.msc3381.poll.end",
            "org.matrix.msc3381.poll.start", "org.matrix.msc1767.text", "org.matrix.msc3381.poll.disclosed",
            "org.matrix.msc3381.poll.undisclosed", "id"),
    STABLE("m.poll.start", "m.poll.response", "m.poll.end", "m.poll.start", "m.text", "m.poll.disclosed",
            "m.poll.undisclosed", "id"),
    EXTENSIBLE("m.poll.start", "m.poll.response", "m.poll.end", "m.poll", "m.text", "m.disclosed", "m.undisclosed",
            "m.id");

    /** What a poll event does, read from its event type alone. */
    public enum Role { START, RESPONSE, END }

    private final String start;
    private final String response;
    private final String end;
    private final String startBlock;
    private final String text;
    private final String disclosedKind;
    private final String undisclosedKind;
    private final String answerIdKey;

    PollNamespace(String start, String response, String end, String startBlock, String text, String disclosedKind,
            String undisclosedKind, String answerIdKey) {
        this.start = start;
        this.response = response;
        this.end = end;
        this.startBlock = startBlock;
        this.text = text;
        this.disclosedKind = disclosedKind;
        this.undisclosedKind = undisclosedKind;
        this.answerIdKey = answerIdKey;
    }

    /** Event type of a poll start. */
    public String start() {
        return start;
    }

    /** Event type of a response; in UNSTABLE and STABLE also the content key holding {@code answers}. */
    public String response() {
        return response;
    }

    /** Event type of a poll end; in UNSTABLE and STABLE also the (empty) content block an end carries. */
    public String end() {
        return end;
    }

    /** Content key of the poll itself in a start event ({@code m.poll} in the extensible form). */
    public String startBlock() {
        return startBlock;
    }

    /** Key of the text block: a string in UNSTABLE/STABLE, an array of representations in EXTENSIBLE. */
    public String text() {
        return text;
    }

    public String disclosedKind() {
        return disclosedKind;
    }

    /**
     * The kind "results after the end": matrix-js-sdk's {@code M_POLL_KIND_UNDISCLOSED} (unstable and stable name),
     * ruma's {@code PollKind::Undisclosed} ({@code m.undisclosed}).
     */
    public String undisclosedKind() {
        return undisclosedKind;
    }

    /** The kind value this form uses for {@code kind}. */
    public String kind(Poll.Kind kind) {
        return kind == Poll.Kind.DISCLOSED ? disclosedKind : undisclosedKind;
    }

    public String answerIdKey() {
        return answerIdKey;
    }

    /** The role of a poll event type in any form; empty for every other type. */
    public static Optional<Role> roleOf(String type) {
        for (PollNamespace ns : values()) {
            if (ns.start.equals(type)) {
                return Optional.of(Role.START);
            }
            if (ns.response.equals(type)) {
                return Optional.of(Role.RESPONSE);
            }
            if (ns.end.equals(type)) {
                return Optional.of(Role.END);
            }
        }
        return Optional.empty();
    }
}
