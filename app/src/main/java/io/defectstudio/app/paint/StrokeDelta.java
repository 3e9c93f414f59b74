package io.defectstudio.app.paint;

import java.util.List;

/** What one stroke changed: before/after copies of the touched tiles only. */
public final class StrokeDelta {
    /** One changed tile. */
    public record Patch(DirtyRect rect, byte[] before, byte[] after) {
    }

    private final List<Patch> patches;
    private final DirtyRect bounds;

    StrokeDelta(List<Patch> patches) {
        this.patches = List.copyOf(patches);
        DirtyRect b = DirtyRect.EMPTY;
        for (Patch p : patches) {
            b = b.union(p.rect());
        }
        this.bounds = b;
    }

    public boolean isEmpty() {
        return patches.isEmpty();
    }

    public DirtyRect bounds() {
        return bounds;
    }

    /** Bytes held by this delta, for bounding the undo history. */
    public long sizeBytes() {
        return patches.stream().mapToLong(p -> 2L * p.before().length).sum();
    }

    /** Restores the pixels from before the stroke. */
    public DirtyRect revert(MaskLayer layer) {
        for (Patch p : patches) {
            layer.writeRegion(p.rect(), p.before());
        }
        return bounds;
    }

    /** Re-applies the stroke. */
    public DirtyRect apply(MaskLayer layer) {
        for (Patch p : patches) {
            layer.writeRegion(p.rect(), p.after());
        }
        return bounds;
    }
}
