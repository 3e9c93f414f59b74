package io.defectstudio.training.datasets.coco;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a binary mask into 8-connected components (diagonal neighbours join, as skimage.measure.label's
 * default for 2-D). Components come out in the order their first pixel is met in a row-major scan.
 */
public final class ConnectedComponents {
    private ConnectedComponents() {
    }

    public static List<boolean[]> split(boolean[] rowMajor, int width, int height) {
        int[] label = new int[rowMajor.length];
        int[] queue = new int[rowMajor.length];
        List<boolean[]> components = new ArrayList<>();
        for (int start = 0; start < rowMajor.length; start++) {
            if (!rowMajor[start] || label[start] != 0) {
                continue;
            }
            boolean[] component = new boolean[rowMajor.length];
            int id = components.size() + 1;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            label[start] = id;
            while (head < tail) {
                int p = queue[head++];
                component[p] = true;
                int px = p % width;
                int py = p / width;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx;
                        int ny = py + dy;
                        if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
                            continue;
                        }
                        int n = ny * width + nx;
                        if (rowMajor[n] && label[n] == 0) {
                            label[n] = id;
                            queue[tail++] = n;
                        }
                    }
                }
            }
            components.add(component);
        }
        return components;
    }
}
