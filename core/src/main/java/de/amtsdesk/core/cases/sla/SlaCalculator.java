package de.amtsdesk.core.cases.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a case's SLA clocks from its timeline. Pure and independent of "now": the due time is the instant at
 * which the target's business time has been used up while the case was active (not waiting, not closed).
 */
public final class SlaCalculator {

    private SlaCalculator() {
    }

    public static CaseSla compute(SlaTimeline timeline, SlaTargets targets, BusinessCalendar calendar) {
        Instant start = timeline.start();
        Instant firstReply = timeline.agencyReplies().stream().filter(at -> !at.isBefore(start)).findFirst()
                .orElse(null);
        SlaClock first = clock(start, targets.firstResponse(), firstReply, timeline, calendar);
        SlaClock resolution = clock(start, targets.resolution(), timeline.closedAt(), timeline, calendar);
        return new CaseSla(first, nextResponse(timeline, targets, calendar), resolution);
    }

    /** The citizen's first message after the agency's last answer starts the next-response clock. */
    private static SlaClock nextResponse(SlaTimeline timeline, SlaTargets targets, BusinessCalendar calendar) {
        if (timeline.agencyReplies().isEmpty()) {
            return null;
        }
        Instant lastReply = timeline.agencyReplies().getLast();
        return timeline.citizenMessages().stream().filter(at -> at.isAfter(lastReply)).findFirst()
                .map(asked -> clock(asked, targets.nextResponse(), null, timeline, calendar)).orElse(null);
    }

    /**
     * Every next-response clock of the case's history, oldest first (the SLA report needs the answered ones too;
     * {@link #compute} keeps only the current one). Each is started by the citizen's first message after an agency
     * answer and met by the agency's following answer; the last, if still unanswered, equals
     * {@code compute(...).nextResponse()}.
     */
    public static List<SlaClock> nextResponses(SlaTimeline timeline, SlaTargets targets, BusinessCalendar calendar) {
        List<Instant> replies = timeline.agencyReplies();
        List<SlaClock> clocks = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            Instant answered = replies.get(i);
            Instant nextAnswer = i + 1 < replies.size() ? replies.get(i + 1) : null;
            timeline.citizenMessages().stream()
                    .filter(at -> at.isAfter(answered) && (nextAnswer == null || at.isBefore(nextAnswer)))
                    .findFirst()
                    .ifPresent(asked -> clocks.add(clock(asked, targets.nextResponse(), nextAnswer, timeline, calendar)));
        }
        return clocks;
    }

    static SlaClock clock(Instant start, Duration target, Instant met, SlaTimeline timeline,
            BusinessCalendar calendar) {
        Duration used = Duration.ZERO;
        Instant cursor = start;
        for (SlaTimeline.Pause pause : timeline.pauses()) {
            if (pause.until() != null && !pause.until().isAfter(cursor)) {
                continue; // over before this clock started
            }
            if (pause.from().isAfter(cursor)) {
                // Ask "when would it be due if nothing paused?" first: that walks at most the remaining target,
                // while measuring a long active stretch would walk every day of it.
                Instant dueIfActive = calendar.plus(cursor, target.minus(used));
                if (!dueIfActive.isAfter(pause.from())) {
                    return new SlaClock(start, target, dueIfActive, met, null, Duration.ZERO);
                }
                used = used.plus(calendar.between(cursor, pause.from()));
            }
            if (pause.until() == null) {
                Instant pausedSince = pause.from().isAfter(cursor) ? pause.from() : cursor;
                return new SlaClock(start, target, null, met, pausedSince, target.minus(used));
            }
            cursor = pause.until();
        }
        return new SlaClock(start, target, calendar.plus(cursor, target.minus(used)), met, null, Duration.ZERO);
    }
}
