package io.defectstudio.training.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The 8-connected components of a binary mask (diagonal neighbours join, as skimage.measure.label's default for 2-D):
 * one labeller for the review's region counts and the COCO writer's instances. One pass with union-find over the four
 * already-visited neighbours (W, NW, N, NE), so memory stays at one int per pixel whatever the region shapes.
 */
public final class ConnectedComponents {
    private ConnectedComponents() {
    }

    /**
     * A label per pixel: 0 for background, 1..n for the components in the order their first pixel is met in a
     * row-major scan.
     */
    public static int[] label(boolean[] defect, int width, int height) {
        if (defect.length != width * height) {
            throw new IllegalArgumentException("mask has " + defect.length + " pixels, expected " + width + "x"
                    + height);
        }
        int[] parent = new int[defect.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (!defect[i]) {
                    continue;
                }
                parent[i] = i;
                if (x > 0 && defect[i - 1]) {
                    union(parent, i, i - 1);
                }
                if (y > 0) {
                    int up = i - width;
                    if (x > 0 && defect[up - 1]) {
                        union(parent, i, up - 1);
                    }
                    if (defect[up]) {
                        union(parent, i, up);
                    }
                    if (x + 1 < width && defect[up + 1]) {
                        union(parent, i, up + 1);
                    }
                }
            }
        }
        // Roots are each component's first pixel in scan order (unions keep the smaller index), so numbering them as
        // they are met gives the scan order.
        int[] label = new int[defect.length];
        int next = 0;
        for (int i = 0; i < defect.length; i++) {
            if (defect[i]) {
                int root = find(parent, i);
                label[i] = root == i ? ++next : label[root];
            }
        }
        return label;
    }

    /** The number of components. */
    public static int count(boolean[] defect, int width, int height) {
        int n = 0;
        for (int l : label(defect, width, height)) {
            n = Math.max(n, l);
        }
        return n;
    }

    /** Each component as its own row-major mask, in scan order. */
    public static List<boolean[]> split(boolean[] defect, int width, int height) {
        int[] label = label(defect, width, height);
        List<boolean[]> components = new ArrayList<>();
        for (int i = 0; i < label.length; i++) {
            if (label[i] > components.size()) {
                components.add(new boolean[label.length]);
            }
            if (label[i] > 0) {
                components.get(label[i] - 1)[i] = true;
            }
        }
        return components;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
