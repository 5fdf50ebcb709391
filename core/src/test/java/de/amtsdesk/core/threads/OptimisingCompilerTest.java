package de.amtsdesk.core.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OptimisingCompilerTest {

    private static final boolean LINUX = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");

    @Test
    void theOptimisingCompilersThreadsAndOnlyThoseRunAtNiceTen() {
        int before = ThreadNice.ofThisThread().orElse(0);
        List<Integer> c2 = ThreadNice.threadsNamed(OptimisingCompiler.THREAD_NAME);
        List<Integer> c1 = ThreadNice.threadsNamed("C1 CompilerThre");

        int lowered = OptimisingCompiler.lowerPriority();

        if (!LINUX) {
            assertThat(lowered).as("nothing changes where nice values are not per thread").isZero();
            return;
        }
        // CI and these machines run Linux: the test JVM runs tiered compilation, so there is a C2 thread.
        assertThat(ThreadNice.available()).isTrue();
        assertThat(c2).as("HotSpot's C2 thread, found by its kernel name").isNotEmpty();
        for (int tid : c2) {
            assertThat(ThreadNice.of(tid)).as("C2 thread %d", tid).hasValueSatisfying(
                    nice -> assertThat(nice).isGreaterThanOrEqualTo(OptimisingCompiler.NICE));
        }
        for (int tid : c1) {
            assertThat(ThreadNice.of(tid)).as("C1 keeps its priority").contains(before);
        }
        assertThat(ThreadNice.ofThisThread()).as("the caller keeps its priority").contains(before);
        assertThat(OptimisingCompiler.lowerPriority()).as("a second call finds them lowered already").isZero();
    }

    @Test
    void threadsAreFoundByTheirKernelName() {
        if (!LINUX) {
            assertThat(ThreadNice.threadsNamed("main")).isEmpty();
            return;
        }
        assertThat(ThreadNice.threadsNamed("nobody-is-named-like-this")).isEmpty();
        assertThat(ThreadNice.threadsNamed("C1 CompilerThre")).as("HotSpot's C1 thread").isNotEmpty();
    }
}
