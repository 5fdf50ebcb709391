package de.amtsdesk.app;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Holds one list or table so that what changes inside it (a row removed, a cell's new text) is laid out inside it, not
 * in every pane around it.
 *
 * <p>Why: a node's layout request climbs to its parent and on up to the scene's root, clearing each ancestor's cached
 * sizes. On the lead desk a sync batch that removes one unassigned row or changes one number made the whole desk work
 * out its sizes again: the split pane, the scroll pane around the workload and the SLA report, every wrapped label,
 * the button row (a layout pass of 12–16 ms on this machine, stop 31). JavaFX stops a request at a node that is not
 * managed, so the held node is unmanaged and this pane sizes it to its own area; its own preferred size is the held
 * node's, taken when the surrounding layout asks for it.
 */
public final class LayoutBoundary extends Pane {

    public LayoutBoundary() {
        getChildren().addListener((ListChangeListener<Node>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(node -> node.setManaged(false));
            }
        });
    }

    private Node held() {
        return getChildren().isEmpty() ? null : getChildren().getFirst();
    }

    @Override
    protected void layoutChildren() {
        Node held = held();
        if (held != null) {
            Insets in = getInsets();
            held.resizeRelocate(in.getLeft(), in.getTop(), getWidth() - in.getLeft() - in.getRight(),
                    getHeight() - in.getTop() - in.getBottom());
        }
    }

    /** The held node's baseline, so a boundary in a row aligned by baseline sits as its node would. */
    @Override
    public double getBaselineOffset() {
        Node held = held();
        return held == null ? super.getBaselineOffset() : getInsets().getTop() + held.getBaselineOffset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return horizontal() + held(node -> node.prefWidth(-1));
    }

    @Override
    protected double computePrefHeight(double width) {
        return vertical() + held(node -> node.prefHeight(-1));
    }

    @Override
    protected double computeMinWidth(double height) {
        return horizontal() + held(node -> node.minWidth(-1));
    }

    @Override
    protected double computeMinHeight(double width) {
        return vertical() + held(node -> node.minHeight(-1));
    }

    /** A size of the held node; 0 while it holds none. */
    private double held(java.util.function.ToDoubleFunction<Node> size) {
        Node held = held();
        return held == null ? 0 : size.applyAsDouble(held);
    }

    private double horizontal() {
        return getInsets().getLeft() + getInsets().getRight();
    }

    private double vertical() {
        return getInsets().getTop() + getInsets().getBottom();
    }
}
