package io.defectstudio.training.datasets.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A hole-free component, traced and filled again, is exactly the component. */
class BoundaryTracerTest {
    @Test
    void shapesWithoutHolesComeBackPixelForPixel() {
        String[][] shapes = {
            {"#"},
            {"##"},
            {"#.", ".#"},
            {"###"},
            {"#..", ".#.", "..#"},
            {"####", "####", "####"},
            {"#...", "#...", "####"},
            {".#.", "###", ".#."},
            {"##..", ".##.", "..##"},
            {"#.#", "###"},
            {"###", "#.#"},
            {"..#..", ".###.", "#####", ".###.", "..#.."},
            {"##.##", "#####", ".#.#."},
        };
        for (String[] shape : shapes) {
            int h = shape.length + 4;
            int w = shape[0].length() + 4;
            boolean[] mask = new boolean[w * h];
            for (int y = 0; y < shape.length; y++) {
                for (int x = 0; x < shape[y].length(); x++) {
                    mask[(y + 2) * w + x + 2] = shape[y].charAt(x) == '#';
                }
            }
            double[] polygon = BoundaryTracer.outer(mask, w, h);
            boolean[] back = MaskImages.defects(PolygonRasteriser.fill(List.of(polygon), w, h));
            assertArrayEquals(mask, back, String.join("/", shape) + " traced as " + java.util.Arrays.toString(polygon));
        }
    }
}
