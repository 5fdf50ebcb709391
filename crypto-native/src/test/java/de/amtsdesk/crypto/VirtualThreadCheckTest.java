package de.amtsdesk.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class VirtualThreadCheckTest {

    @Test
    void aNativeCallOnAVirtualThreadFailsWhenTheTestsSaySo() throws Exception {
        assertThat(System.getProperty(VirtualThreadCheck.PROPERTY)).isEqualTo("fail");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            try {
                VirtualThreadCheck.beforeNativeCall();
            } catch (Throwable t) {
                failure.set(t);
            }
        }).join();
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("platform thread");
    }

    @Test
    void platformThreadsPass() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread.ofPlatform().start(() -> {
            try {
                VirtualThreadCheck.beforeNativeCall();
            } catch (Throwable t) {
                failure.set(t);
            }
        }).join();
        assertThat(failure.get()).isNull();
    }
}
