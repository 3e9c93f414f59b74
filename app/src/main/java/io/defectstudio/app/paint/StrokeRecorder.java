package io.defectstudio.app.paint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Saves the "before" pixels of each 64x64 tile a stroke touches, the first time it touches it. */
final class StrokeRecorder {
    static final int TILE = 64;

    private final MaskLayer layer;
    private final int tilesX;
    private final Map<Integer, byte[]> before = new LinkedHashMap<>();

    StrokeRecorder(MaskLayer layer) {
        this.layer = layer;
        this.tilesX = (layer.width() + TILE - 1) / TILE;
    }

    void touch(DirtyRect rect) {
        int tx0 = rect.x() / TILE;
        int ty0 = rect.y() / TILE;
        int tx1 = (rect.maxX() - 1) / TILE;
        int ty1 = (rect.maxY() - 1) / TILE;
        for (int ty = ty0; ty <= ty1; ty++) {
            for (int tx = tx0; tx <= tx1; tx++) {
                int key = ty * tilesX + tx;
                if (!before.containsKey(key)) {
                    before.put(key, layer.copyRegion(tileRect(tx, ty)));
                }
            }
        }
    }

    StrokeDelta finish() {
        List<StrokeDelta.Patch> patches = new ArrayList<>();
        for (Map.Entry<Integer, byte[]> e : before.entrySet()) {
            DirtyRect rect = tileRect(e.getKey() % tilesX, e.getKey() / tilesX);
            byte[] after = layer.copyRegion(rect);
            if (!java.util.Arrays.equals(after, e.getValue())) {
                patches.add(new StrokeDelta.Patch(rect, e.getValue(), after));
            }
        }
        return new StrokeDelta(patches);
    }

    private DirtyRect tileRect(int tx, int ty) {
        return new DirtyRect(tx * TILE, ty * TILE, TILE, TILE).clip(layer.width(), layer.height());
    }
}
