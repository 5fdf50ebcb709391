package de.amtsdesk.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HeapCompactionTest {

    private final AtomicLong committed = new AtomicLong();
    private final AtomicInteger collections = new AtomicInteger();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final HeapCompaction compaction = new HeapCompaction(committed::get, () -> {
        collections.incrementAndGet();
        committed.set(committed.get() / 2);
    }, scheduled::add);

    @Test
    void aHeapThatGrewPastTheThresholdIsCollectedOnceLater() {
        committed.set(264L << 20);

        compaction.afterCatchUp();
        assertThat(collections).as("nothing before the scheduled moment").hasValue(0);
        assertThat(scheduled).hasSize(1);
        scheduled.getFirst().run();

        assertThat(collections).hasValue(1);
        assertThat(committed.get()).isEqualTo(132L << 20);
    }

    @Test
    void theOutcomeSaysWhatTheCollectionGaveBack() {
        committed.set(300L << 20);

        HeapCompaction.Outcome outcome = compaction.compactIfWorthIt();

        assertThat(outcome.compacted()).isTrue();
        assertThat(outcome.committedBefore()).isEqualTo(300L << 20);
        assertThat(outcome.committedAfter()).isEqualTo(150L << 20);
        assertThat(outcome.pauseMillis()).isNotNegative();
    }

    @Test
    void aSmallCatchUpStopsNothing() {
        committed.set(HeapCompaction.WORTH_IT_BYTES - 1);

        HeapCompaction.Outcome outcome = compaction.compactIfWorthIt();

        assertThat(outcome.compacted()).isFalse();
        assertThat(collections).hasValue(0);
        assertThat(outcome.committedAfter()).isEqualTo(HeapCompaction.WORTH_IT_BYTES - 1);
    }

    @Test
    void theNextCatchUpCompactsAgainOnlyWhenTheHeapGrewAgain() {
        committed.set(280L << 20);
        assertThat(compaction.compactIfWorthIt().committedAfter()).isEqualTo(140L << 20);

        committed.set((140L << 20) + HeapCompaction.GROWTH_WORTH_IT_BYTES - 1);
        assertThat(compaction.compactIfWorthIt().compacted()).as("an unlock's small catch-up on a large heap").isFalse();

        committed.set((140L << 20) + HeapCompaction.GROWTH_WORTH_IT_BYTES);
        assertThat(compaction.compactIfWorthIt().compacted()).isTrue();
        assertThat(collections).hasValue(2);
    }
}
