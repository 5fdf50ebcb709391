package de.amtsdesk.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsdesk.core.matrix.MatrixException;
import de.amtsdesk.core.matrix.MatrixFailure;
import de.amtsdesk.core.threads.ThreadNice;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LowPriorityWorkTest {

    @Test
    void theWorkRunsOnItsOwnLowPriorityThreadAndItsResultComesBack() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        AtomicReference<Optional<Integer>> niceInside = new AtomicReference<>();
        Optional<Integer> niceBefore = ThreadNice.ofThisThread();

        String result = LowPriorityWork.call("restore-under-test", () -> {
            ranOn.set(Thread.currentThread());
            niceInside.set(ThreadNice.ofThisThread());
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(ranOn.get().getName()).isEqualTo("restore-under-test");
        assertThat(ranOn.get().getPriority()).as("Windows maps this to its lowest thread priority")
                .isEqualTo(Thread.MIN_PRIORITY);
        assertThat(ranOn.get().isAlive()).as("the thread ends with the work").isFalse();
        if (System.getProperty("os.name").toLowerCase().contains("linux")) {
            // CI and these machines run Linux: the nice value must really have changed, for that thread only.
            assertThat(niceInside.get()).contains(Math.max(LowPriorityWork.LINUX_NICE, niceBefore.orElseThrow()));
            assertThat(ThreadNice.ofThisThread()).isEqualTo(niceBefore);
        }
    }

    @Test
    void aCheckedFailureOfTheWorkReachesTheCallerAsItself() {
        MatrixException failure = new MatrixException(MatrixFailure.UNREACHABLE, "server down", "room_keys");

        assertThatThrownBy(() -> LowPriorityWork.call("failing", () -> {
            throw failure;
        })).isSameAs(failure);
        assertThatThrownBy(() -> LowPriorityWork.call("failing", () -> {
            throw new IllegalStateException("broken");
        })).isInstanceOf(IllegalStateException.class).hasMessage("broken");
    }

    @Test
    void anInterruptOfTheWaitingThreadReachesTheWorkAndIsKept() throws Exception {
        AtomicReference<Boolean> workSawInterrupt = new AtomicReference<>(false);
        AtomicReference<Boolean> callerKeptInterrupt = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            LowPriorityWork.call("interruptible", () -> {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    workSawInterrupt.set(true);
                }
                return null;
            });
            callerKeptInterrupt.set(Thread.currentThread().isInterrupted());
        });
        Thread.sleep(200);
        caller.interrupt();
        caller.join(5_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(workSawInterrupt.get()).isTrue();
        assertThat(callerKeptInterrupt.get()).isTrue();
    }
}
