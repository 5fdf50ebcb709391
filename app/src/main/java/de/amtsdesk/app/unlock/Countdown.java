package de.amtsdesk.app.unlock;

import java.time.Duration;

/**
 * Runs a tick on the UI thread after a delay; a seam so the unlock countdown is tested without the toolkit and
 * without waiting real seconds.
 */
@FunctionalInterface
public interface Countdown {

    void after(Duration delay, Runnable tick);
}
