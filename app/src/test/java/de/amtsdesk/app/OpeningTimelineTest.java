package de.amtsdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OpeningTimelineTest {

    @Test
    void stepsAreMillisecondsSinceThePassphraseInTheOrderReached() {
        AtomicLong now = new AtomicLong(5_000_000_000L);
        OpeningTimeline timeline = new OpeningTimeline(now::get);
        now.addAndGet(431_000_000L);
        timeline.reached("vault and database");
        now.addAndGet(250_400_000L);
        timeline.reached("staff log");
        now.addAndGet(9_000_000L);
        timeline.reached("vault and database"); // again: the first time stays
        assertEquals("vault and database 431 ms, staff log 681 ms", timeline.summary());
    }
}
