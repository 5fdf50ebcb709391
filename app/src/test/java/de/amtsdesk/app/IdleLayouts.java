package de.amtsdesk.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.util.Duration;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Counts the layout requests of every parent in a scene nobody touches while an animation runs. An animation (a
 * text field's caret, the workspace's presence clock) makes JavaFX pulse at 60 Hz; a node that asks for layout in every
 * pulse then shows up with a count near 120 in two seconds, one that is idle with none.
 */
public final class IdleLayouts {

    private IdleLayouts() {
    }

    /**
     * Lets the scene settle for {@code settleMillis} with an animation running, then counts layout requests per
     * parent for two seconds.
     *
     * @param beforeSettling runs on the FX thread once the animation runs (a scroll, say), or does nothing
     * @return requests by node (class, id and identity), only nodes that asked at least once
     */
    public static Map<String, AtomicInteger> count(FxRobot robot, Scene scene, Runnable beforeSettling,
            long settleMillis) throws InterruptedException {
        Timeline ticking = new Timeline(new KeyFrame(Duration.millis(500)));
        ticking.setCycleCount(Animation.INDEFINITE);
        robot.interact(ticking::play);
        robot.interact(beforeSettling);
        Thread.sleep(settleMillis);
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, AtomicInteger> layouts = new ConcurrentHashMap<>();
        robot.interact(() -> watch(scene.getRoot(), layouts));
        Thread.sleep(2000);
        robot.interact(ticking::stop);
        return layouts;
    }

    /** The largest count of one node. */
    public static int most(Map<String, AtomicInteger> layouts) {
        return layouts.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
    }

    private static void watch(Node node, Map<String, AtomicInteger> layouts) {
        if (node instanceof Parent parent) {
            String name = node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId())
                    + "@" + Integer.toHexString(System.identityHashCode(node));
            parent.needsLayoutProperty().addListener((obs, was, now) -> {
                if (now) {
                    layouts.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                }
            });
            parent.getChildrenUnmodifiable().forEach(child -> watch(child, layouts));
        }
    }
}
