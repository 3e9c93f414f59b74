package io.defectstudio.app.review;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/** Counts connected defect regions of a mask with 8-connectivity (diagonal neighbours join a region). */
public final class ConnectedRegions {
    private ConnectedRegions() {
    }

    /** Regions of a {@code TYPE_BYTE_GRAY} mask, where a value >= 128 is defect. */
    public static int count(BufferedImage mask) {
        int w = mask.getWidth();
        int h = mask.getHeight();
        Raster r = mask.getRaster();
        boolean[] defect = new boolean[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            r.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                defect[y * w + x] = row[x] >= 128;
            }
        }
        return count(defect, w, h);
    }

    /**
     * Regions of a row-major defect map. One pass with union-find over the four already-visited neighbours (W, NW,
     * N, NE), so memory stays at one int per pixel whatever the region shapes.
     */
    public static int count(boolean[] defect, int width, int height) {
        if (defect.length != width * height) {
            throw new IllegalArgumentException("mask has " + defect.length + " pixels, expected " + width + "x" + height);
        }
        int[] parent = new int[defect.length];
        int roots = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (!defect[i]) {
                    continue;
                }
                parent[i] = i;
                roots++;
                if (x > 0 && defect[i - 1]) {
                    roots -= union(parent, i, i - 1);
                }
                if (y > 0) {
                    int up = i - width;
                    if (x > 0 && defect[up - 1]) {
                        roots -= union(parent, i, up - 1);
                    }
                    if (defect[up]) {
                        roots -= union(parent, i, up);
                    }
                    if (x + 1 < width && defect[up + 1]) {
                        roots -= union(parent, i, up + 1);
                    }
                }
            }
        }
        return roots;
    }

    /** Joins the sets of a and b; 1 when they were apart. */
    private static int union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra == rb) {
            return 0;
        }
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
        return 1;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
