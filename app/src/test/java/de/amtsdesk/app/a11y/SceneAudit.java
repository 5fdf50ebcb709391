package de.amtsdesk.app.a11y;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Toggle;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A scene-graph accessibility check for one screen, after EN 301 549 clause 11 / BITV 2.0 (WCAG 2.1: 1.3.1, 2.1.1,
 * 2.1.2, 2.4.3, 2.4.7, 4.1.2). There is no axe for JavaFX; this checks what can be checked from the graph:
 * <ul>
 *   <li>every control the keyboard can reach has a name (accessible text, its own text, a label pointing at it, or a
 *       prompt; a {@code PasswordField} only through a label, as JavaFX reports no text for it) and a role;</li>
 *   <li>every label with an Alt+mnemonic points at its field ({@code labelFor} set: FXML silently sets null when the
 *       field comes after the label);</li>
 *   <li>no two mnemonics of one screen share a letter;</li>
 *   <li>with a robot ({@link #assertKeyboardCycle}): Tab reaches every control and comes back (no trap), Shift+Tab goes
 *       back, and focus is visible (the control looks different focused and unfocused).</li>
 * </ul>
 * Colour contrast is checked from the style sheets by {@link StylesheetContrast}. Reuse on a new screen:
 * {@code SceneAudit.assertAccessible(root)} after loading it, {@code SceneAudit.assertKeyboardCycle(robot, root)}
 * once it is shown in a focused stage.
 */
public final class SceneAudit {

    private SceneAudit() {
    }

    /** Fails with every problem of the screen listed. Call on the FX thread or before the screen is shown. */
    public static void assertAccessible(Parent root) {
        List<String> problems = problems(root);
        if (!problems.isEmpty()) {
            throw new AssertionError("accessibility problems:\n  " + String.join("\n  ", problems));
        }
    }

    public static List<String> problems(Parent root) {
        List<Node> all = nodes(root);
        List<String> problems = new ArrayList<>();
        for (Node node : focusChain(root)) {
            if (accessibleName(node, all).isEmpty()) {
                problems.add("no accessible name: " + describe(node));
            }
            if (node.getAccessibleRole() == AccessibleRole.NODE || node.getAccessibleRole() == AccessibleRole.PARENT) {
                problems.add("no accessible role: " + describe(node));
            }
        }
        for (Node node : all) {
            if (node instanceof Label label && mnemonic(label).isPresent() && label.getLabelFor() == null) {
                problems.add("label with mnemonic but labelFor null (Alt+" + mnemonic(label).get()
                        + " reaches nothing): " + describe(label));
            }
        }
        duplicateMnemonics(root).forEach((letter, owners) ->
                problems.add("mnemonic Alt+" + letter + " used " + owners.size() + " times: " + owners));
        return problems;
    }

    /** Mnemonic letters used more than once on the screen, with the texts that use them. */
    public static Map<Character, List<String>> duplicateMnemonics(Parent root) {
        Map<Character, List<String>> byLetter = new LinkedHashMap<>();
        for (Node node : nodes(root)) {
            if (node instanceof Labeled labeled) {
                mnemonic(labeled).ifPresent(letter ->
                        byLetter.computeIfAbsent(letter, k -> new ArrayList<>()).add(labeled.getText()));
            }
        }
        byLetter.values().removeIf(owners -> owners.size() < 2);
        return byLetter;
    }

    /** The letter after the first single underscore, when the control parses mnemonics ("__" is a literal "_"). */
    static Optional<Character> mnemonic(Labeled labeled) {
        String text = labeled.getText();
        if (!labeled.isMnemonicParsing() || text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) == '_') {
                if (text.charAt(i + 1) == '_') {
                    i++;
                    continue;
                }
                return Optional.of(Character.toUpperCase(text.charAt(i + 1)));
            }
        }
        return Optional.empty();
    }

    /** What a screen reader would call the node, or empty. */
    static Optional<String> accessibleName(Node node, List<Node> all) {
        boolean password = node instanceof PasswordField;
        if (!password && !blank(node.getAccessibleText())) {
            return Optional.of(node.getAccessibleText());
        }
        if (node instanceof Labeled labeled && !blank(labeled.getText())) {
            return Optional.of(labeled.getText());
        }
        for (Node other : all) {
            if (other instanceof Label label && label.getLabelFor() == node && !blank(label.getText())) {
                return Optional.of(label.getText());
            }
        }
        if (!password && node instanceof TextInputControl input && !blank(input.getPromptText())) {
            return Optional.of(input.getPromptText());
        }
        return Optional.empty();
    }

    /** Focus-traversable, visible and enabled nodes in scene-graph order (JavaFX's default Tab order). */
    public static List<Node> focusChain(Parent root) {
        List<Node> chain = new ArrayList<>();
        for (Node node : nodes(root)) {
            if (node.isFocusTraversable() && treeVisible(node) && !node.isDisabled()) {
                chain.add(node);
            }
        }
        return chain;
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** All nodes below root, depth first; does not descend into a control's focus-traversable inner parts twice. */
    static List<Node> nodes(Parent root) {
        List<Node> out = new ArrayList<>();
        collect(root, out::add);
        return out;
    }

    private static void collect(Node node, Consumer<Node> sink) {
        sink.accept(node);
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, sink);
            }
        }
    }

    /**
     * Drives the screen with the keyboard: starting at the first control, Tab must reach every control of the focus
     * chain and come back to the first (no trap, nothing unreachable), Shift+Tab must go back one step, and each
     * control must look different while focused (a visible focus indicator). The screen must be shown in a stage.
     */
    public static void assertKeyboardCycle(FxRobot robot, Parent root) {
        List<Node> chain = onFx(robot, () -> focusChain(root));
        if (chain.isEmpty()) {
            throw new AssertionError("nothing on this screen can be reached with the keyboard");
        }
        Node start = chain.get(0);
        robot.interact(start::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = root.getScene();
        Set<Node> reached = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        Node current = owner(robot, scene, chain);
        Node previous = null;
        for (int step = 0; step <= chain.size() + 1; step++) {
            reached.add(current);
            Node focused = current;
            Image withFocus = snapshotAround(robot, focused);
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            Node next = owner(robot, scene, chain);
            if (next == focused) {
                throw new AssertionError("focus trap: Tab does not leave " + describe(focused));
            }
            Image withoutFocus = snapshotAround(robot, focused);
            int threshold = threshold(focused);
            int changed = differingPixels(withFocus, withoutFocus);
            if (changed < threshold) {
                problems.add("focus not visible on " + describe(focused) + " (" + changed + " pixels change, at least "
                        + threshold + " expected)");
            }
            previous = focused;
            current = next;
            if (current == start && reached.size() >= tabStops(chain)) {
                break;
            }
        }
        if (current != start) {
            problems.add("Tab does not come back to " + describe(start) + " after " + chain.size() + " steps; it is on "
                    + describe(current));
        }
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        Node back = owner(robot, scene, chain);
        if (previous != null && back != previous) {
            problems.add("Shift+Tab from " + describe(start) + " goes to " + describe(back) + ", not back to "
                    + describe(previous));
        }
        // After the Shift+Tab check: walking a toggle group with the arrows moves the focus.
        List<Node> missing = new ArrayList<>(chain);
        missing.removeAll(reached);
        missing.removeAll(reachedByArrows(robot, scene, chain, reached, missing));
        missing.forEach(node -> problems.add("never reached with Tab: " + describe(node)));
        if (!problems.isEmpty()) {
            throw new AssertionError("keyboard problems:\n  " + String.join("\n  ", problems));
        }
    }

    /** How many Tab stops the chain has: a toggle group with a selected member is one stop (see below). */
    private static int tabStops(List<Node> chain) {
        return (int) chain.stream().filter(n -> !(n instanceof Toggle t && t.getToggleGroup() != null
                && t.getToggleGroup().getSelectedToggle() != null && !t.isSelected())).count();
    }

    /**
     * Toggles of one group are a single Tab stop, as radio buttons are (WAI-ARIA radio group): Tab enters at the
     * selected one, the arrow keys move between them. A missing toggle counts as reachable when Right, pressed from the
     * member Tab reached, gets to it.
     */
    private static List<Node> reachedByArrows(FxRobot robot, Scene scene, List<Node> chain, Set<Node> reached,
            List<Node> missing) {
        List<Node> byArrows = new ArrayList<>();
        for (Node entry : reached) {
            if (!(entry instanceof Toggle toggle) || toggle.getToggleGroup() == null
                    || missing.stream().noneMatch(m -> m instanceof Toggle t && t.getToggleGroup() == toggle.getToggleGroup())) {
                continue;
            }
            robot.interact(entry::requestFocus);
            for (int i = 0; i < toggle.getToggleGroup().getToggles().size(); i++) {
                robot.type(KeyCode.RIGHT);
                WaitForAsyncUtils.waitForFxEvents();
                byArrows.add(owner(robot, scene, chain));
            }
        }
        return byArrows;
    }

    /** The chain node that holds the focus (the focus owner or the control it belongs to). */
    private static Node owner(FxRobot robot, Scene scene, List<Node> chain) {
        return onFx(robot, () -> {
            for (Node n = scene.getFocusOwner(); n != null; n = n.getParent()) {
                if (chain.contains(n)) {
                    return n;
                }
            }
            return scene.getFocusOwner();
        });
    }

    /** A focus ring runs round the control: expect at least half its perimeter to change (a caret alone does not). */
    private static int threshold(Node node) {
        Bounds b = node.getLayoutBounds();
        return (int) Math.max(20, b.getWidth() + b.getHeight());
    }

    private static Image snapshotAround(FxRobot robot, Node node) {
        return onFx(robot, () -> {
            Parent root = node.getScene().getRoot();
            Bounds inScene = node.localToScene(node.getBoundsInLocal());
            Bounds inRoot = root.sceneToLocal(inScene);
            SnapshotParameters params = new SnapshotParameters();
            params.setViewport(new Rectangle2D(inRoot.getMinX() - 4, inRoot.getMinY() - 4, inRoot.getWidth() + 8,
                    inRoot.getHeight() + 8));
            return root.snapshot(params, null);
        });
    }

    static int differingPixels(Image a, Image b) {
        int width = (int) Math.min(a.getWidth(), b.getWidth());
        int height = (int) Math.min(a.getHeight(), b.getHeight());
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        int changed = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
                    changed++;
                }
            }
        }
        return changed;
    }

    private static <T> T onFx(FxRobot robot, java.util.concurrent.Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String describe(Node node) {
        if (node == null) {
            return "nothing";
        }
        String name = node instanceof Labeled labeled && labeled.getText() != null ? " \"" + labeled.getText() + "\""
                : "";
        String id = node.getId() == null ? "" : "#" + node.getId();
        return node.getClass().getSimpleName() + id + name;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** For messages: a locale's tag, "de" for the base bundle. */
    public static String tag(Locale locale) {
        return locale.getLanguage().isEmpty() ? "de" : locale.getLanguage();
    }
}
