package io.defectstudio.app.paint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Bounded per-stroke undo/redo over one {@link MaskLayer}; the oldest strokes drop off past {@code depth}. */
public final class UndoStack {
    public static final int DEFAULT_DEPTH = 100;

    private final int depth;
    private final Deque<StrokeDelta> undo = new ArrayDeque<>();
    private final Deque<StrokeDelta> redo = new ArrayDeque<>();

    public UndoStack() {
        this(DEFAULT_DEPTH);
    }

    public UndoStack(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1: " + depth);
        }
        this.depth = depth;
    }

    /** Records a finished stroke; empty strokes are ignored. Clears the redo history. */
    public void push(StrokeDelta delta) {
        if (delta.isEmpty()) {
            return;
        }
        undo.push(delta);
        redo.clear();
        while (undo.size() > depth) {
            undo.removeLast();
        }
    }

    /** Reverts the newest stroke on {@code layer}; returns the region that changed. */
    public Optional<DirtyRect> undo(MaskLayer layer) {
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        StrokeDelta d = undo.pop();
        redo.push(d);
        return Optional.of(d.revert(layer));
    }

    public Optional<DirtyRect> redo(MaskLayer layer) {
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        StrokeDelta d = redo.pop();
        undo.push(d);
        return Optional.of(d.apply(layer));
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public int undoSize() {
        return undo.size();
    }

    public void clear() {
        undo.clear();
        redo.clear();
    }
}
