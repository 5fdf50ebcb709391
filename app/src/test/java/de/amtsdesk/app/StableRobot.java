package de.amtsdesk.app;

import java.util.function.Function;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * TestFX looks nodes up on the test thread while the FX thread may still be attaching a freshly set screen; a
 * lookup that meets a node without a scene then throws. This waits for the FX thread to settle and tries again.
 */
public final class StableRobot {

    private StableRobot() {
    }

    public static <T> T settled(FxRobot robot, Function<FxRobot, T> action) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            WaitForAsyncUtils.waitForFxEvents();
            try {
                return action.apply(robot);
            } catch (RuntimeException e) {
                last = e;
                WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
        throw last;
    }

    /** Clicks the node and types the text once the screen is stable. */
    public static void type(FxRobot robot, String query, String text) {
        settled(robot, r -> r.clickOn(query));
        robot.write(text);
    }
}
