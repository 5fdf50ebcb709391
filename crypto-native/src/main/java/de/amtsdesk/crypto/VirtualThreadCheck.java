package de.amtsdesk.crypto;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Native calls block their thread (store I/O, key sharing for a large room can take seconds). On a virtual thread a
 * JNI call pins the carrier, and with as many carriers as cores a few such calls stall every virtual thread of the
 * process. Callers use platform threads; this check finds the ones that don't: with
 * {@code -Damtsdesk.crypto.onVirtualThread=fail} (the tests) such a call fails, otherwise the first one is reported
 * once on standard error.
 */
final class VirtualThreadCheck {

    static final String PROPERTY = "amtsdesk.crypto.onVirtualThread";
    private static final AtomicBoolean REPORTED = new AtomicBoolean();

    private VirtualThreadCheck() {
    }

    static void beforeNativeCall() {
        if (!Thread.currentThread().isVirtual()) {
            return;
        }
        if ("fail".equals(System.getProperty(PROPERTY))) {
            throw new IllegalStateException("native crypto call on virtual thread " + Thread.currentThread()
                    + ": run native work on a platform thread");
        }
        if (REPORTED.compareAndSet(false, true)) {
            System.err.println("amtsdesk: native crypto call on a virtual thread (pins its carrier): "
                    + Thread.currentThread());
        }
    }
}
